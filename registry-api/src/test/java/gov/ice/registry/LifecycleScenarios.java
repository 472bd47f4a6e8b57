package gov.ice.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import gov.ice.registry.agreement.api.StakeholderOffice;
import gov.ice.registry.support.AgreementBodies;
import gov.ice.registry.support.Multipart;
import gov.ice.registry.support.RegistryClient;
import gov.ice.registry.support.RegistryClient.Response;
import gov.ice.registry.support.TestUsers;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An agreement's whole life through HTTP, against whichever store the implementing class
 * runs on: draft, every required concurrence on the current version, clearance with OPLA's
 * legal review, ICE's and the partner's signatures, a biennial review, an amendment and
 * termination; then its history and past state as the ledger holds them.
 */
public interface LifecycleScenarios {

  RegistryClient registry();

  @Test
  default void takesAnAgreementFromDraftToActiveAndThroughItsLife() {
    RegistryClient registry = registry();
    Response drafted = registry.as(TestUsers.PROGRAM_OFFICE).post("/api/agreements", AgreementBodies.draft());
    assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
    String id = drafted.id();
    assertThat(drafted.header("Location")).hasValue("/api/agreements/" + id);
    assertThat(drafted.etag()).isEqualTo("\"1\"");
    assertThat(drafted.json().path("status").asText()).isEqualTo("DRAFT");
    assertThat(drafted.json().path("draftVersion").asInt()).isEqualTo(1);
    assertThat(drafted.json().path("version").asLong()).isEqualTo(1);
    assertThat(drafted.json().path("existingAgreements").isArray()).isTrue();
    List<String> offices = new ArrayList<>();
    drafted.json().path("requiredStakeholders").forEach(s -> offices.add(s.path("office").asText()));
    assertThat(offices).contains("IGP", "OPP", "IGP_RECORDS", "IGP_PRIVACY", "OPR", "OPR_SD_SMOU", "OPLA");
    assertThat(drafted.json().path("requiredStakeholders").get(0).path("rules").isArray()).isTrue();

    String etag = drafted.etag();
    for (String office : offices) {
      Response concurred = registry.as(TestUsers.stakeholder(StakeholderOffice.valueOf(office))).ifMatch(etag)
          .post("/api/agreements/" + id + "/concurrences", AgreementBodies.concurrence(office, 1));
      assertThat(concurred.status()).as(concurred.toString()).isEqualTo(200);
      etag = concurred.etag();
    }
    assertThat(etag).isEqualTo("\"" + (1 + offices.size()) + "\"");

    Response inClearance = registry.as(TestUsers.PROGRAM_OFFICE).ifMatch(etag).post("/api/agreements/" + id + "/clearance-request", null);
    assertThat(inClearance.status()).as(inClearance.toString()).isEqualTo(200);
    assertThat(inClearance.json().path("status").asText()).isEqualTo("IN_CLEARANCE");

    Response cleared = registry.as(TestUsers.IGP).post("/api/agreements/" + id + "/clearance",
        RegistryClient.JSON.createObjectNode().put("decision", "CLEARED").put("comment", "Cleared."));
    assertThat(cleared.status()).as(cleared.toString()).isEqualTo(200);
    assertThat(cleared.json().path("status").asText()).as("OPLA's legal review is still awaited").isEqualTo("IN_CLEARANCE");

    Response sufficient = registry.as(TestUsers.OPLA).post("/api/agreements/" + id + "/legal-review",
        RegistryClient.JSON.createObjectNode().put("legallySufficient", true).put("comment", "Legally sufficient."));
    assertThat(sufficient.status()).as(sufficient.toString()).isEqualTo(200);
    assertThat(sufficient.json().path("status").asText()).isEqualTo("CLEARED");

    Response iceSigned = registry.as("sig-hsi-ead").post("/api/agreements/" + id + "/signatures", AgreementBodies.iceSignature("HSI_EAD"));
    assertThat(iceSigned.status()).as(iceSigned.toString()).isEqualTo(200);
    assertThat(iceSigned.json().path("status").asText()).isEqualTo("CLEARED");
    Response partySigned = registry.as(TestUsers.PROGRAM_OFFICE)
        .post("/api/agreements/" + id + "/signatures", AgreementBodies.partySignature(AgreementBodies.STATE_PARTY));
    assertThat(partySigned.status()).as(partySigned.toString()).isEqualTo(200);
    assertThat(partySigned.json().path("status").asText()).as("EXECUTED_COPY_ON_FILE: signed, but no executed copy yet")
        .isEqualTo("CLEARED");
    Multipart.attachExecutedCopy(registry, id);

    Response active = registry.as(TestUsers.AUDITOR).get("/api/agreements/" + id);
    assertThat(active.status()).as(active.toString()).isEqualTo(200);
    assertThat(active.json().path("status").asText()).isEqualTo("ACTIVE");
    assertThat(active.json().path("signatures")).hasSize(2);
    assertThat(active.json().path("nextReviewDue").asText()).isEqualTo("2028-01-15");
    assertThat(active.etag()).isNotEqualTo(partySigned.etag());

    Response reviewed = registry.as(TestUsers.PROGRAM_OFFICE).post("/api/agreements/" + id + "/reviews", AgreementBodies.review());
    assertThat(reviewed.status()).as(reviewed.toString()).isEqualTo(200);
    assertThat(reviewed.json().path("status").asText()).isEqualTo("ACTIVE");

    Response amended = registry.as(TestUsers.PROGRAM_OFFICE).post("/api/agreements/" + id + "/amendments", AgreementBodies.amendment());
    assertThat(amended.status()).as(amended.toString()).isEqualTo(200);
    assertThat(amended.json().path("draftVersion").asInt()).isEqualTo(2);

    Response terminated = registry.as(TestUsers.PROGRAM_OFFICE).post("/api/agreements/" + id + "/termination", AgreementBodies.termination());
    assertThat(terminated.status()).as(terminated.toString()).isEqualTo(200);
    assertThat(terminated.json().path("status").asText()).isEqualTo("TERMINATED");

    Response history = registry.as(TestUsers.AUDITOR).get("/api/agreements/" + id + "/history");
    assertThat(history.status()).as(history.toString()).isEqualTo(200);
    JsonNode entries = history.json();
    assertThat(entries.size()).isEqualTo(terminated.json().path("version").asInt());
    List<String> types = new ArrayList<>();
    entries.forEach(e -> types.add(e.path("type").asText()));
    assertThat(types).startsWith("AgreementDrafted", "StakeholderConcurred")
        .contains("ClearanceRequested", "ClearanceGranted", "LegalReviewCompleted", "AgreementCleared", "AgreementSigned",
            "DocumentAttached", "AgreementExecuted", "BiennialReviewCompleted", "AgreementAmended")
        .endsWith("AgreementTerminated");
    for (int i = 0; i < entries.size(); i++) {
      assertThat(entries.get(i).path("sequence").asLong()).isEqualTo(i);
    }
    JsonNode first = entries.get(0);
    assertThat(first.path("actor").path("username").asText()).isEqualTo(TestUsers.PROGRAM_OFFICE);
    assertThat(first.path("actor").path("displayName").asText()).isEqualTo("Pat Program");
    assertThat(first.path("actor").path("roles").toString()).contains("PROGRAM_OFFICE");
    assertThat(first.path("payload").path("profile").path("title").asText()).startsWith("Sharing of ICE");
    assertThat(first.path("payload").path("agreementId").asText()).as("ids read as the ledger stores them").isEqualTo(id);
    assertThat(entries.get(1).path("draftVersion").asInt()).isEqualTo(1);
    assertThat(entries.get(1).path("actor").path("username").asText()).startsWith("sam-");

    Response whenDrafted = registry.as(TestUsers.AUDITOR).get("/api/agreements/" + id + "?asOf=" + first.path("at").asText());
    assertThat(whenDrafted.status()).as(whenDrafted.toString()).isEqualTo(200);
    assertThat(whenDrafted.json().path("status").asText()).isEqualTo("DRAFT");
  }

  @Test
  default void answersNotFoundForAnAgreementItDoesNotHold() {
    Response missing = registry().as(TestUsers.PROGRAM_OFFICE)
        .post("/api/agreements/" + java.util.UUID.randomUUID() + "/clearance-request", null);
    assertThat(missing.status()).as(missing.toString()).isEqualTo(404);
    assertThat(missing.contentType()).startsWith("application/problem+json");
  }

  @Test
  default void refusesALifecycleStepOutOfOrderWithItsCodeAndRules() {
    RegistryClient registry = registry();
    String id = registry.as(TestUsers.PROGRAM_OFFICE).post("/api/agreements", AgreementBodies.draft()).id();
    Response refused = registry.as(TestUsers.PROGRAM_OFFICE).post("/api/agreements/" + id + "/clearance-request", null);
    assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.json().path("code").asText()).isEqualTo("CONCURRENCE_MISSING");
    assertThat(refused.json().path("type").asText()).isEqualTo("tag:ice.gov,2026:isaa-registry/problems/concurrence-missing");
    assertThat(refused.json().path("rules").toString()).contains("S1");
    Response history = registry.as(TestUsers.AUDITOR).get("/api/agreements/" + id + "/history");
    assertThat(history.json().size()).as("a refused command stores nothing").isEqualTo(1);
  }
}
