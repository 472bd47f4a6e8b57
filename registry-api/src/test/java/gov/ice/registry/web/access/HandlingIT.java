package gov.ice.registry.web.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import gov.ice.registry.H2Registry;
import gov.ice.registry.agreement.api.StakeholderOffice;
import gov.ice.registry.support.AgreementBodies;
import gov.ice.registry.support.RegistryClient;
import gov.ice.registry.support.RegistryClient.Response;
import gov.ice.registry.support.TestUsers;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Handling markings through real HTTP: set in the draft, designated anew by PUT, refused when inconsistent, confirmed by SMOU. */
class HandlingIT extends H2Registry {

  static ObjectNode handling(List<String> categories, List<String> controls, List<String> relTo, List<String> list) {
    ObjectNode h = RegistryClient.JSON.createObjectNode();
    categories.forEach(h.putArray("cuiCategories")::add);
    controls.forEach(h.putArray("disseminationControls")::add);
    relTo.forEach(h.putArray("relTo")::add);
    list.forEach(h.putArray("disseminationList")::add);
    h.put("designatedBy", "HSI");
    return h;
  }

  private String draftWith(ObjectNode handling) {
    ObjectNode draft = AgreementBodies.draft();
    draft.set("handling", handling);
    Response created = registry().as(TestUsers.PROGRAM_OFFICE).post("/api/agreements", draft);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.id();
  }

  @Test
  void theDraftsMarkingsComeBackWithTheBannerInTheBodyAndTheHeader() {
    String id = draftWith(handling(List.of("PRVCY", "SP-PRVCY", "LEI"), List.of("NOCON"), List.of(), List.of()));

    Response view = registry().as(TestUsers.IGP).get("/api/agreements/" + id);

    assertThat(view.status()).isEqualTo(200);
    assertThat(view.json().path("handling").path("banner").asText()).isEqualTo("CUI//SP-PRVCY/LEI/PRVCY//NOCON");
    assertThat(view.json().path("handling").path("marking").asText()).isEqualTo("CUI");
    assertThat(view.json().path("handling").path("designatedBy").asText()).isEqualTo("HSI");
    assertThat(view.json().path("handling").path("confirmed").asBoolean()).isFalse();
    assertThat(view.header("X-Handling-Banner")).contains("CUI//SP-PRVCY/LEI/PRVCY//NOCON");
  }

  @Test
  void inconsistentMarkingsInADraftAreABadRequestNamingEveryRuleAndStoreNothing() {
    ObjectNode draft = AgreementBodies.draft();
    draft.set("handling", handling(List.of(), List.of("REL_TO", "NOFORN", "FED_ONLY", "FEDCON", "DL_ONLY"), List.of("GBR"), List.of()));

    Response refused = registry().as(TestUsers.PROGRAM_OFFICE).post("/api/agreements", draft);

    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.json().path("code").asText()).isEqualTo("HANDLING_INCONSISTENT");
    assertThat(refused.json().path("rules").toString()).contains("HANDLING_1", "HANDLING_2", "HANDLING_3", "HANDLING_4");
  }

  @Test
  void aPutDesignatesNewMarkingsAsAnEventAndSmousConcurrenceConfirmsThem() {
    String id = draftWith(handling(List.of("SP-PRVCY"), List.of(), List.of(), List.of()));
    long before = registry().as(TestUsers.IGP).get("/api/agreements/" + id).json().path("version").asLong();

    Response marked = registry().as(TestUsers.PROGRAM_OFFICE)
        .put("/api/agreements/" + id + "/handling", handling(List.of("SP-PRVCY"), List.of("REL_TO"), List.of("GBR", "USA"), List.of()));
    assertThat(marked.status()).as(marked.toString()).isEqualTo(200);
    Response view = registry().as(TestUsers.IGP).get("/api/agreements/" + id);
    assertThat(view.json().path("version").asLong()).isEqualTo(before + 1);
    assertThat(view.json().path("handling").path("banner").asText()).isEqualTo("CUI//SP-PRVCY//REL TO USA, GBR");
    Response history = registry().as(TestUsers.IGP).get("/api/agreements/" + id + "/history");
    assertThat(history.text()).contains("HandlingMarked");

    Response concurred = registry().as(TestUsers.stakeholder(StakeholderOffice.OPR_SD_SMOU))
        .post("/api/agreements/" + id + "/concurrences", AgreementBodies.concurrence("OPR_SD_SMOU", 1));
    assertThat(concurred.status()).as(concurred.toString()).isEqualTo(200);
    assertThat(registry().as(TestUsers.IGP).get("/api/agreements/" + id).json().path("handling").path("confirmed").asBoolean()).isTrue();

    registry().as(TestUsers.PROGRAM_OFFICE)
        .put("/api/agreements/" + id + "/handling", handling(List.of("SP-PRVCY"), List.of("NOFORN"), List.of(), List.of()));
    assertThat(registry().as(TestUsers.IGP).get("/api/agreements/" + id).json().path("handling").path("confirmed").asBoolean()).isFalse();
  }

  @Test
  void aPutWithInconsistentMarkingsOrAnotherMarkingIsRefusedAndStoresNothing() {
    String id = draftWith(handling(List.of(), List.of(), List.of(), List.of()));
    long before = registry().as(TestUsers.IGP).get("/api/agreements/" + id).json().path("version").asLong();

    Response emptyList = registry().as(TestUsers.PROGRAM_OFFICE)
        .put("/api/agreements/" + id + "/handling", handling(List.of(), List.of("DL_ONLY"), List.of(), List.of()));
    ObjectNode otherMarking = handling(List.of(), List.of(), List.of(), List.of());
    otherMarking.put("marking", "LES");
    Response remarked = registry().as(TestUsers.PROGRAM_OFFICE).put("/api/agreements/" + id + "/handling", otherMarking);
    Response byIgp = registry().as(TestUsers.IGP)
        .put("/api/agreements/" + id + "/handling", handling(List.of(), List.of("NOFORN"), List.of(), List.of()));

    assertThat(emptyList.status()).as(emptyList.toString()).isEqualTo(400);
    assertThat(emptyList.json().path("rules").toString()).isEqualTo("[\"HANDLING_2\"]");
    assertThat(remarked.status()).as(remarked.toString()).isEqualTo(400);
    assertThat(byIgp.status()).isEqualTo(403);
    assertThat(registry().as(TestUsers.IGP).get("/api/agreements/" + id).json().path("version").asLong()).isEqualTo(before);
  }
}
