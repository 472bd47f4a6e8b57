package gov.ice.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import gov.ice.registry.agreement.api.StakeholderOffice;
import gov.ice.registry.support.AgreementBodies;
import gov.ice.registry.support.RegistryClient;
import gov.ice.registry.support.RegistryClient.Response;
import gov.ice.registry.support.TestUsers;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who may do what (API.md, "Users and roles"): every command refused for every role that may
 * not use it, the finer rules on a stakeholder's office and a signatory's authority, and the
 * recorded actor always the authenticated user. None of the refusals stores an event.
 */
class AuthorizationIT extends H2Registry {

  /** One user per role of the example users file. */
  static final List<String> ONE_USER_PER_ROLE = List.of(
      TestUsers.PROGRAM_OFFICE, "sam-igp", TestUsers.OPLA, TestUsers.IGP, "sig-hsi-ead", TestUsers.DIRECTOR, TestUsers.AUDITOR, TestUsers.ADMIN);

  record Endpoint(String method, String path, ObjectNode body, Set<String> allowed) {}

  private String id;

  @BeforeEach
  void draftAnAgreement() {
    id = registry().as(TestUsers.PROGRAM_OFFICE).post("/api/agreements", AgreementBodies.draft()).id();
  }

  private List<Endpoint> commands() {
    String agreement = "/api/agreements/" + id;
    ObjectNode object = RegistryClient.JSON.createObjectNode();
    ObjectNode importBody = AgreementBodies.draft();
    importBody.putArray("signatures").add(AgreementBodies.iceSignature("HSI_EAD"));
    importBody.put("executedOn", "2025-01-10");
    return List.of(
        new Endpoint("POST", "/api/agreements", AgreementBodies.draft(), Set.of(TestUsers.PROGRAM_OFFICE)),
        new Endpoint("POST", "/api/agreements/import", importBody, Set.of(TestUsers.IGP)),
        new Endpoint("PUT", agreement + "/draft", AgreementBodies.draft(), Set.of(TestUsers.PROGRAM_OFFICE)),
        new Endpoint("POST", agreement + "/concurrences", AgreementBodies.concurrence("OPLA", 1), Set.of("sam-igp", TestUsers.OPLA)),
        new Endpoint("POST", agreement + "/disputes", object.deepCopy().put("level", "PROGRAM_AD").put("summary", "s"), Set.of(TestUsers.PROGRAM_OFFICE)),
        new Endpoint("POST", agreement + "/disputes/resolution",
            object.deepCopy().put("decision", "PROCEED_AS_DRAFTED").put("rationale", "r"), Set.of(TestUsers.DIRECTOR)),
        new Endpoint("POST", agreement + "/clearance-request", null, Set.of(TestUsers.PROGRAM_OFFICE)),
        new Endpoint("POST", agreement + "/clearance", object.deepCopy().put("decision", "CLEARED"), Set.of(TestUsers.IGP)),
        new Endpoint("POST", agreement + "/legal-review", object.deepCopy().put("legallySufficient", true), Set.of(TestUsers.OPLA)),
        new Endpoint("POST", agreement + "/signatures", AgreementBodies.iceSignature("HSI_EAD"), Set.of(TestUsers.PROGRAM_OFFICE, "sig-hsi-ead")),
        new Endpoint("POST", agreement + "/reviews", AgreementBodies.review(), Set.of(TestUsers.PROGRAM_OFFICE)),
        new Endpoint("POST", agreement + "/amendments", AgreementBodies.amendment(), Set.of(TestUsers.PROGRAM_OFFICE)),
        new Endpoint("POST", agreement + "/termination", AgreementBodies.termination(), Set.of(TestUsers.PROGRAM_OFFICE)),
        new Endpoint("POST", agreement + "/exigent-transfers",
            object.deepCopy().put("transferredOn", AgreementBodies.today().toString()).put("authorizedBy", "ICE_DIRECTOR"),
            Set.of(TestUsers.PROGRAM_OFFICE)),
        new Endpoint("POST", agreement + "/withdrawal", object.deepCopy().put("reason", "r"), Set.of(TestUsers.PROGRAM_OFFICE)));
  }

  @Test
  void refusesEveryCommandToEveryRoleThatMayNotUseIt() {
    List<String> refusals = new ArrayList<>();
    for (Endpoint endpoint : commands()) {
      for (String user : ONE_USER_PER_ROLE) {
        if (endpoint.allowed().contains(user)) {
          continue;
        }
        Response response = registry().as(user).send(endpoint.method(), endpoint.path(), endpoint.body());
        assertThat(response.status()).as(user + " " + endpoint.method() + " " + endpoint.path() + ": " + response).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
        refusals.add(user + " " + endpoint.path());
      }
    }
    assertThat(refusals).hasSizeGreaterThan(90);
    assertNothingStoredBeyondTheDraft();
  }

  @Test
  void refusesEveryCommandWithoutCredentialsOrWithAWrongPassword() {
    for (Endpoint endpoint : commands()) {
      Response anonymous = registry().anonymous().send(endpoint.method(), endpoint.path(), endpoint.body());
      assertThat(anonymous.status()).as(endpoint.path() + ": " + anonymous).isEqualTo(401);
      assertThat(anonymous.contentType()).startsWith("application/problem+json");
      Response wrongPassword = registry().anonymous()
          .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("pat:wrong".getBytes()))
          .send(endpoint.method(), endpoint.path(), endpoint.body());
      assertThat(wrongPassword.status()).as(endpoint.path() + ": " + wrongPassword).isEqualTo(401);
    }
    assertNothingStoredBeyondTheDraft();
  }

  @Test
  void letsAStakeholderConcurOnlyForItsOwnOffice() {
    Response forAnother = registry().as(TestUsers.stakeholder(StakeholderOffice.IGP))
        .post("/api/agreements/" + id + "/concurrences", AgreementBodies.concurrence("OPP", 1));
    assertThat(forAnother.status()).as(forAnother.toString()).isEqualTo(403);
    assertNothingStoredBeyondTheDraft();
    Response forItsOwn = registry().as(TestUsers.stakeholder(StakeholderOffice.IGP))
        .post("/api/agreements/" + id + "/concurrences", AgreementBodies.concurrence("IGP", 1));
    assertThat(forItsOwn.status()).as(forItsOwn.toString()).isEqualTo(200);
  }

  @Test
  void letsASignatorySignOnlyWithAnAuthorityItHoldsAndOnlyForIce() {
    String signatures = "/api/agreements/" + id + "/signatures";
    Response otherAuthority = registry().as("sig-hsi-ead").post(signatures, AgreementBodies.iceSignature("ERO_EAD"));
    assertThat(otherAuthority.status()).as(otherAuthority.toString()).isEqualTo(403);
    Response forTheParty = registry().as("sig-hsi-ead").post(signatures, AgreementBodies.partySignature(AgreementBodies.STATE_PARTY));
    assertThat(forTheParty.status()).as(forTheParty.toString()).isEqualTo(403);
    Response programOfficeForIce = registry().as(TestUsers.PROGRAM_OFFICE).post(signatures, AgreementBodies.iceSignature("HSI_EAD"));
    assertThat(programOfficeForIce.status()).as(programOfficeForIce.toString()).isEqualTo(403);
    assertNothingStoredBeyondTheDraft();
  }

  @Test
  void recordsTheAuthenticatedUserWhateverTheBodyClaims() {
    ObjectNode claimingDirector = AgreementBodies.concurrence("IGP", 1);
    claimingDirector.putObject("actor").put("username", TestUsers.DIRECTOR).put("displayName", "Dora Director");
    Response spoofed = registry().as("sam-igp").post("/api/agreements/" + id + "/concurrences", claimingDirector);
    assertThat(spoofed.status()).as(spoofed.toString()).isEqualTo(400);
    Response flatSpoof = registry().as("sam-igp")
        .post("/api/agreements/" + id + "/concurrences", AgreementBodies.concurrence("IGP", 1).put("actor.username", TestUsers.DIRECTOR));
    assertThat(flatSpoof.status()).as(flatSpoof.toString()).isEqualTo(400);
    assertNothingStoredBeyondTheDraft();

    ObjectNode comment = AgreementBodies.concurrence("IGP", 1).put("comment", "Concurring on behalf of dora");
    assertThat(registry().as("sam-igp").post("/api/agreements/" + id + "/concurrences", comment).status()).isEqualTo(200);
    Response history = registry().as(TestUsers.IGP).get("/api/agreements/" + id + "/history");
    assertThat(history.json().get(0).path("actor").path("username").asText()).isEqualTo(TestUsers.PROGRAM_OFFICE);
    assertThat(history.json().get(1).path("actor").path("username").asText()).isEqualTo("sam-igp");
    assertThat(history.json().get(1).path("actor").path("displayName").asText()).isEqualTo("Sam Stakeholder (IGP)");
    assertThat(history.json().get(1).path("actor").path("roles").toString()).contains("STAKEHOLDER_IGP");
  }

  @Test
  void letsOnlyAuditorsAndIgpReadTheHistoryAndAnyRegistryRoleReadTheAgreement() {
    for (String user : ONE_USER_PER_ROLE) {
      Response history = registry().as(user).get("/api/agreements/" + id + "/history");
      boolean allowed = user.equals(TestUsers.AUDITOR) || user.equals(TestUsers.IGP);
      assertThat(history.status()).as(user + ": " + history).isEqualTo(allowed ? 200 : 403);
      assertThat(registry().as(user).get("/api/agreements/" + id).status()).as(user).isEqualTo(200);
    }
    assertThat(registry().anonymous().get("/api/agreements/" + id).status()).isEqualTo(401);
    assertThat(registry().anonymous().get("/actuator/health").status()).isEqualTo(200);
    Response metrics = registry().anonymous().get("/actuator/prometheus");
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.text()).as("Axon's metrics, tagged by payload type").contains("axon_command_bus_messages_total{outcome=\"success\",payload_type=\"DraftAgreement\"}");
  }

  @Test
  void servesTheOpenApiDocumentToAuthenticatedUsersOnly() {
    Response document = registry().as(TestUsers.AUDITOR).get("/v3/api-docs");
    assertThat(document.status()).as(document.toString()).isEqualTo(200);
    assertThat(document.json().path("paths").has("/api/agreements/{id}/concurrences")).isTrue();
    assertThat(registry().anonymous().get("/v3/api-docs").status()).isEqualTo(401);
  }

  private void assertNothingStoredBeyondTheDraft() {
    Response history = registry().as(TestUsers.AUDITOR).get("/api/agreements/" + id + "/history");
    assertThat(history.json().size()).as(history.toString()).isEqualTo(1);
  }
}
