package gov.ice.registry.web.query;

import static gov.ice.registry.agreement.AgreementFixtures.ruleIds;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import gov.ice.registry.agreement.api.AgreementKind;
import gov.ice.registry.agreement.api.AgreementStatus;
import gov.ice.registry.agreement.api.Concurrence;
import gov.ice.registry.agreement.api.ConcurrenceDecision;
import gov.ice.registry.agreement.api.Directorate;
import gov.ice.registry.agreement.api.InformationCategory;
import gov.ice.registry.agreement.api.Marking;
import gov.ice.registry.agreement.api.Party;
import gov.ice.registry.agreement.api.PartyKind;
import gov.ice.registry.agreement.api.PartyName;
import gov.ice.registry.agreement.api.RequiredStakeholder;
import gov.ice.registry.agreement.api.Scope;
import gov.ice.registry.agreement.api.SignatoryAuthority;
import gov.ice.registry.agreement.api.SignatureRecord;
import gov.ice.registry.agreement.api.StakeholderOffice;
import gov.ice.registry.projection.repository.AgreementDocument;
import gov.ice.registry.projection.repository.AgreementPage;
import gov.ice.registry.serialization.RegistryJson;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The API's own search answer writes exactly the JSON the projection's record wrote, field for field and in order. */
class AgreementSearchResponseTest {

  private final ObjectMapper json = new ObjectMapper().findAndRegisterModules()
      .registerModule(RegistryJson.typedValues())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  @Test
  void writesTheSameJsonAsTheReadModelsPage() throws Exception {
    LocalDate day = LocalDate.of(2024, 2, 29);
    AgreementDocument everyField = new AgreementDocument("A-1", "Visa Overstay", AgreementKind.MOU, AgreementStatus.ACTIVE,
        Scope.IN_SCOPE, Directorate.HSI, List.of(new Party("UK Home Office", PartyKind.FOREIGN_GOVERNMENT, "GB", true)),
        List.of(InformationCategory.LAW_ENFORCEMENT), true, false, Marking.CUI, "purpose", 7, 2, 13,
        List.of(new RequiredStakeholder(StakeholderOffice.IGP, ruleIds("S1"))),
        List.of(new Concurrence(StakeholderOffice.IGP, ConcurrenceDecision.CONCUR, 2, "fine")),
        List.of(new SignatureRecord(PartyName.ICE, SignatoryAuthority.HSI_EAD, "Sam", "EAD", day)),
        day, day.plusDays(1), day.plusYears(5), day.plusDays(2), day.plusYears(2),
        Instant.parse("2025-01-06T14:00:00Z"), Instant.parse("2025-01-07T14:00:00.123Z"), "HSI-MOU-2019-0042");
    AgreementDocument nulls = new AgreementDocument("A-2", null, null, null, null, null, List.of(), List.of(), false, false,
        null, null, null, 1, 1, List.of(), List.of(), List.of(), null, null, null, null, null, null, null, null);
    AgreementPage page = new AgreementPage(List.of(everyField, nulls), 42, 3, 2,
        Map.of("status", Map.of("ACTIVE", 40L), "pii", Map.of("true", 2L)));

    // The record's highlights (new with free text) are written on each item instead: without free text, nothing changes.
    com.fasterxml.jackson.databind.node.ObjectNode record = json.valueToTree(page);
    record.remove("highlights");
    record.remove("matches");
    String before = json.writeValueAsString(record);
    String after = json.writeValueAsString(AgreementSearchResponse.of(page));

    assertThat(after).isEqualTo(before);
    assertThat(after).contains("\"externalReference\":\"HSI-MOU-2019-0042\"", "\"signedOn\":\"2024-02-29\"");

    AgreementPage highlighted = new AgreementPage(List.of(everyField, nulls), 2, 0, 2, Map.of(), Map.of("A-1", "<mark>Visa</mark> Overstay"));
    String withText = json.writeValueAsString(AgreementSearchResponse.of(highlighted));
    assertThat(withText).contains("\"externalReference\":\"HSI-MOU-2019-0042\",\"highlight\":\"<mark>Visa</mark> Overstay\",\"handling\":{");
    assertThat(withText).containsOnlyOnce("highlight");
  }
}
