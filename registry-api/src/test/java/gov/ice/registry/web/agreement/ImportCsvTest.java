package gov.ice.registry.web.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import gov.ice.registry.agreement.api.AgreementProfile;
import gov.ice.registry.agreement.api.PartyIdentifier;
import gov.ice.registry.agreement.api.SharingChannel;
import gov.ice.registry.web.input.StrictJsonAccess;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sharing gate's fields in a CSV import row: a party's identifier, the terms' channels and permitted purposes. */
class ImportCsvTest {

  private final ObjectMapper strict = StrictJsonAccess.strictMapper();

  private static Map<String, String> row(String parties, String channels, String purposes) {
    Map<String, String> row = new LinkedHashMap<>();
    row.put("externalReference", "MOU-CSV-1");
    row.put("title", "Texas DPS MOU");
    row.put("kind", "MOU");
    row.put("owningDirectorate", "HSI");
    row.put("executedOn", "2024-03-01");
    row.put("parties", parties);
    row.put("categories", "LAW_ENFORCEMENT");
    row.put("marking", "CUI");
    row.put("purpose", "Criminal investigations");
    row.put("channels", channels);
    row.put("permittedPurposes", purposes);
    row.put("signatures", "U.S. Immigration and Customs Enforcement|HSI_EAD|Ann Lee|Executive Associate Director|2024-03-01");
    return row;
  }

  @Test
  void namesTheGatesColumnsInTheHeader() {
    assertThat(ImportCsv.COLUMNS).contains("channels", "permittedPurposes");
    assertThat(ImportCsv.unknownOrRepeated(List.of("title", "channels", "permittedPurposes"))).isEmpty();
  }

  @Test
  void readsAPartysIdentifierAndTheTermsChannelsAndPurposesIntoTheProfile() throws Exception {
    JsonNode json = ImportCsv.toJson(row("Texas Department of Public Safety|STATE|US|false|ORI:TX2270000",
        "LEIS_SERVICE; EXTRACT", "CRIMINAL_INVESTIGATION;REMOVAL"));

    assertThat(json.path("parties").get(0).path("identifier").path("scheme").asText()).isEqualTo("ORI");
    AgreementProfile profile = strict.treeToValue(json, AgreementRequests.ImportRequest.class).toProfile();

    assertThat(profile.parties().get(0).identifier()).isEqualTo(new PartyIdentifier("ORI", "TX2270000"));
    assertThat(profile.terms().channels()).containsExactly(SharingChannel.LEIS_SERVICE, SharingChannel.EXTRACT);
    assertThat(profile.terms().permittedPurposes()).containsExactly("CRIMINAL_INVESTIGATION", "REMOVAL");
  }

  @Test
  void leavesTheGatesFieldsOutWhenTheCellsAreEmpty() throws Exception {
    JsonNode json = ImportCsv.toJson(row("Texas Department of Public Safety|STATE|US", "", ""));
    AgreementProfile profile = strict.treeToValue(json, AgreementRequests.ImportRequest.class).toProfile();

    assertThat(profile.parties().get(0).identifier()).isNull();
    assertThat(profile.terms().channels()).isNull();
    assertThat(profile.terms().permittedPurposes()).isNull();
  }

  @Test
  void anIdentifierWithoutASchemeIsRefusedByItsName() {
    JsonNode json = ImportCsv.toJson(row("Texas Department of Public Safety|STATE|US|false|TX2270000", "", ""));

    assertThatThrownBy(() -> strict.treeToValue(json, AgreementRequests.ImportRequest.class))
        .isInstanceOf(MismatchedInputException.class).hasMessageContaining("identifier");
  }
}
