package gov.ice.registry.serialization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.ice.registry.agreement.api.AgreementId;
import gov.ice.registry.agreement.api.ApprovingAuthority;
import gov.ice.registry.agreement.api.ClearanceGranted;
import gov.ice.registry.agreement.api.Exemption;
import gov.ice.registry.agreement.api.ExemptionNumber;
import gov.ice.registry.agreement.api.PartyName;
import gov.ice.registry.agreement.api.RuleId;
import gov.ice.registry.agreement.api.SignatoryAuthority;
import gov.ice.registry.agreement.api.SignatureRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

class RegistryJsonTest {

  private final ObjectMapper mapper = RegistryJson.objectMapper();

  record Dated(LocalDate day, Instant at) {}

  record Ordered(String zulu, String alpha, String mike) {}

  @Test
  void writesAnAgreementIdAsItsRawValue() throws JsonProcessingException {
    assertThat(mapper.writeValueAsString(AgreementId.of("agr-1"))).isEqualTo("\"agr-1\"");
  }

  @Test
  void readsAnAgreementIdFromAString() throws JsonProcessingException {
    assertThat(mapper.readValue("\"agr-1\"", AgreementId.class)).isEqualTo(AgreementId.of("agr-1"));
  }

  @Test
  void refusesABlankAgreementId() {
    assertThatThrownBy(() -> mapper.readValue("\" \"", AgreementId.class)).isInstanceOf(JsonProcessingException.class);
    assertThatThrownBy(() -> mapper.readValue("{\"value\":\"agr-1\"}", AgreementId.class)).isInstanceOf(JsonProcessingException.class);
  }

  @Test
  void writesTheTypedValuesAsThePlainJsonTheyStoreAs() throws JsonProcessingException {
    Exemption exemption = Exemption.of(7, "undercover", "hsi ead", null);

    assertThat(mapper.writeValueAsString(List.of(RuleId.of("S3"), RuleId.of("EXEMPTION_10")))).isEqualTo("[\"S3\",\"EXEMPTION_10\"]");
    assertThat(mapper.writeValueAsString(PartyName.ICE)).isEqualTo("\"ICE\"");
    assertThat(mapper.writeValueAsString(exemption))
        .isEqualTo("{\"number\":7,\"reason\":\"undercover\",\"approvedBy\":\"hsi ead\",\"parentAgreementId\":null}");
    assertThat(mapper.readValue(mapper.writeValueAsString(exemption), Exemption.class)).isEqualTo(exemption);
  }

  @Test
  void readsTheTypedValuesFromTheirPlainJson() throws JsonProcessingException {
    assertThat(mapper.readValue("\"S10\"", RuleId.class)).isEqualTo(RuleId.of("S10"));
    assertThat(mapper.readValue("\"Texas DPS\"", PartyName.class)).isEqualTo(PartyName.of("Texas DPS"));
    assertThat(mapper.readValue("\"ERO_EAD\"", ApprovingAuthority.class)).isEqualTo(ApprovingAuthority.of("ERO_EAD"));
    assertThat(mapper.readValue("12", ExemptionNumber.class)).isEqualTo(ExemptionNumber.of(12));
  }

  @Test
  void refusesATypedValueInAnotherShape() {
    assertThatThrownBy(() -> mapper.readValue("\" \"", RuleId.class)).isInstanceOf(JsonProcessingException.class);
    assertThatThrownBy(() -> mapper.readValue("{\"name\":\"S3\"}", RuleId.class)).isInstanceOf(JsonProcessingException.class);
    assertThatThrownBy(() -> mapper.readValue("{\"value\":\"ICE\"}", PartyName.class)).isInstanceOf(JsonProcessingException.class);
    assertThatThrownBy(() -> mapper.readValue("{\"value\":7}", ExemptionNumber.class)).isInstanceOf(JsonProcessingException.class);
  }

  @Test
  void writesDatesAsIsoStrings() throws JsonProcessingException {
    Dated dated = new Dated(LocalDate.of(2026, 1, 15), Instant.parse("2026-01-15T14:30:00Z"));

    String json = mapper.writeValueAsString(dated);

    assertThat(json).isEqualTo("{\"day\":\"2026-01-15\",\"at\":\"2026-01-15T14:30:00Z\"}");
    assertThat(mapper.readValue(json, Dated.class)).isEqualTo(dated);
  }

  @Test
  void keepsRecordComponentOrder() throws JsonProcessingException {
    assertThat(mapper.writeValueAsString(new Ordered("z", "a", "m"))).isEqualTo("{\"zulu\":\"z\",\"alpha\":\"a\",\"mike\":\"m\"}");
  }

  @Test
  void ignoresPropertiesItDoesNotKnow() throws JsonProcessingException {
    String fromANewerRelease = "{\"agreementId\":\"agr-1\",\"draftVersion\":2,\"comment\":\"ok\",\"clearedBy\":\"IGP\"}";

    assertThat(mapper.readValue(fromANewerRelease, ClearanceGranted.class))
        .isEqualTo(new ClearanceGranted(AgreementId.of("agr-1"), 2, "ok"));
  }

  @Test
  void storesRecordComponentsOnlyNotDerivedPredicates() throws JsonProcessingException {
    SignatureRecord signature = new SignatureRecord(PartyName.ICE, SignatoryAuthority.HSI_EAD, "Alex Morgan", "EAD", LocalDate.of(2026, 1, 12));

    assertThat(mapper.readTree(mapper.writeValueAsString(signature)).fieldNames())
        .toIterable()
        .containsExactly("party", "authority", "signatoryName", "position", "signedOn");
  }

  @Test
  void givesEachCallerItsOwnMapper() {
    assertThat(RegistryJson.objectMapper()).isNotSameAs(RegistryJson.objectMapper());
  }

  @Test
  void serializesEventsWithTheirRevisionThroughAxon() {
    JacksonSerializer serializer = RegistryJson.serializer();
    ClearanceGranted event = new ClearanceGranted(AgreementId.of("agr-1"), 2, "ok");

    SerializedObject<String> serialized = serializer.serialize(event, String.class);

    assertThat(serialized.getType().getName()).isEqualTo(ClearanceGranted.class.getName());
    assertThat(serialized.getType().getRevision()).isEqualTo("1");
    // documentSha256 was added later: null where the version has no draft text.
    assertThat(serialized.getData()).isEqualTo("{\"agreementId\":\"agr-1\",\"draftVersion\":2,\"comment\":\"ok\",\"documentSha256\":null}");
    assertThat((Object) serializer.deserialize(serialized)).isEqualTo(event);
  }
}
