package gov.ice.registry.web.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import gov.ice.registry.RegistryApplication;
import gov.ice.registry.agreement.api.StakeholderOffice;
import gov.ice.registry.support.AgreementBodies;
import gov.ice.registry.support.RegistryClient;
import gov.ice.registry.support.RegistryClient.Response;
import gov.ice.registry.support.TestUsers;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code GET /api/work} per role, through real HTTP and real security, on the embedded default:
 * an agreement walks from draft to signature and at each step the queue of the role it waits for
 * holds it (read after the command's own position), and no other role's does.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WorkQueueIT {

  @DynamicPropertySource
  static void embeddedDefault(DynamicPropertyRegistry registry) throws Exception {
    RegistryApplication.disableAxonUpdateChecker();
    String dataDir = Files.createTempDirectory("registry-work-it-").toString();
    registry.add("registry.data-dir", () -> dataDir);
    registry.add("registry.ledger.url", () -> "");
    registry.add("registry.security.users-file", () -> TestUsers.usersFile().toString());
    registry.add("registry.notices.cron", () -> "-");
    // Each step reads after the position its command named; on a shared, loaded machine the search
    // index's commit can take longer than the default bound of 2 s (a 503 then, not a wrong answer).
    registry.add("registry.read-after.timeout", () -> "PT30S");
  }

  @LocalServerPort
  int port;

  /** The user's queue as it stands after the ledger position {@code after}. */
  private JsonNode work(RegistryClient registry, String user, String after, String query) {
    Response answer = registry.as(user).header("X-Registry-Position", after).get("/api/work" + query);
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    return answer.json();
  }

  private static List<String> reasonsFor(JsonNode work, String id) {
    List<String> reasons = new ArrayList<>();
    work.path("items").forEach(item -> {
      if (item.path("agreementId").asText().equals(id)) {
        String holder = item.path("authority").isTextual() ? item.path("authority").asText()
            : item.path("office").isTextual() ? item.path("office").asText() : "";
        reasons.add(item.path("reason").asText() + ":" + holder);
      }
    });
    return reasons;
  }

  private static String position(Response command) {
    assertThat(command.status()).as(command.toString()).isBetween(200, 201);
    return command.header("X-Registry-Position").orElseThrow();
  }

  @Test
  void eachRoleSeesWhatAwaitsIt() {
    RegistryClient registry = new RegistryClient(port);
    Response drafted = registry.as(TestUsers.PROGRAM_OFFICE).post("/api/agreements", AgreementBodies.draft());
    String id = drafted.id();
    String at = position(drafted);
    List<String> offices = new ArrayList<>();
    drafted.json().path("requiredStakeholders").forEach(s -> offices.add(s.path("office").asText()));
    assertThat(offices).contains("OPLA", "IGP_PRIVACY");

    JsonNode opla = work(registry, TestUsers.OPLA, at, "");
    assertThat(opla.path("total").asLong()).isEqualTo(1);
    JsonNode item = opla.path("items").get(0);
    assertThat(item.path("agreementId").asText()).isEqualTo(id);
    assertThat(item.path("title").asText()).isEqualTo(AgreementBodies.draft().path("title").asText());
    assertThat(item.path("reason").asText()).isEqualTo("AWAITING_CONCURRENCE");
    assertThat(item.path("office").asText()).isEqualTo("OPLA");
    assertThat(item.path("since").asText()).isEqualTo(AgreementBodies.today().toString());
    assertThat(item.path("businessDays").asInt()).isZero();
    assertThat(opla.path("page").asInt()).isZero();
    assertThat(opla.path("size").asInt()).isEqualTo(20);

    Response searched = registry.as(TestUsers.IGP).header("X-Registry-Position", at).get("/api/agreements?awaiting=OPLA&size=200");
    assertThat(searched.json().path("items").findValuesAsText("id")).contains(id);
    assertThat(registry.as(TestUsers.IGP).header("X-Registry-Position", at).get("/api/agreements?awaiting=ODCR&size=200")
        .json().path("items").findValuesAsText("id")).doesNotContain(id);

    JsonNode program = work(registry, TestUsers.PROGRAM_OFFICE, at, "");
    assertThat(reasonsFor(program, id)).containsExactlyInAnyOrderElementsOf(offices.stream().map(o -> "AWAITING_CONCURRENCE:" + o).toList());
    assertThat(program.path("total").asLong()).isEqualTo(offices.size());
    JsonNode firstTwo = work(registry, TestUsers.PROGRAM_OFFICE, at, "?page=1&size=2");
    assertThat(firstTwo.path("items")).hasSize(2);
    assertThat(firstTwo.path("total").asLong()).isEqualTo(offices.size());
    for (String nobody : List.of(TestUsers.IGP, TestUsers.DIRECTOR, TestUsers.AUDITOR, "sig-hsi-ead", TestUsers.stakeholder(StakeholderOffice.OCIO))) {
      assertThat(work(registry, nobody, at, "").path("total").asLong()).as(nobody).isZero();
    }

    for (String office : offices) {
      at = position(registry.as(TestUsers.stakeholder(StakeholderOffice.valueOf(office)))
          .post("/api/agreements/" + id + "/concurrences", AgreementBodies.concurrence(office, 1)));
    }
    assertThat(work(registry, TestUsers.OPLA, at, "").path("total").asLong()).isZero();
    assertThat(reasonsFor(work(registry, TestUsers.PROGRAM_OFFICE, at, ""), id)).containsExactly("READY_FOR_CLEARANCE:");

    at = position(registry.as(TestUsers.PROGRAM_OFFICE).post("/api/agreements/" + id + "/clearance-request", null));
    assertThat(reasonsFor(work(registry, TestUsers.IGP, at, ""), id)).containsExactly("AWAITING_CLEARANCE:IGP");

    at = position(registry.as(TestUsers.IGP).post("/api/agreements/" + id + "/clearance",
        RegistryClient.JSON.createObjectNode().put("decision", "CLEARED").put("comment", "Cleared.")));
    assertThat(work(registry, TestUsers.IGP, at, "").path("total").asLong()).isZero();
    assertThat(reasonsFor(work(registry, TestUsers.OPLA, at, ""), id)).containsExactly("AWAITING_LEGAL_REVIEW:OPLA");

    at = position(registry.as(TestUsers.OPLA).post("/api/agreements/" + id + "/legal-review",
        RegistryClient.JSON.createObjectNode().put("legallySufficient", true).put("comment", "Sufficient.")));
    assertThat(reasonsFor(work(registry, "sig-hsi-ead", at, ""), id)).containsExactly("AWAITING_SIGNATURE:HSI_EAD");
    assertThat(registry.as(TestUsers.IGP).header("X-Registry-Position", at).get("/api/agreements?awaitingSignatureBy=HSI_EAD&size=200")
        .json().path("items").findValuesAsText("id")).contains(id);
    assertThat(work(registry, "sig-ero-ead", at, "").path("total").asLong()).isZero();
    assertThat(reasonsFor(work(registry, TestUsers.PROGRAM_OFFICE, at, ""), id))
        .containsExactlyInAnyOrder("AWAITING_SIGNATURE:HSI_EAD", "AWAITING_PARTY_SIGNATURE:");

    at = position(registry.as("sig-hsi-ead").post("/api/agreements/" + id + "/signatures", AgreementBodies.iceSignature("HSI_EAD")));
    assertThat(work(registry, "sig-hsi-ead", at, "").path("total").asLong()).isZero();
  }

  @Test
  void refusesABadPageAndAnAnonymousCaller() {
    RegistryClient registry = new RegistryClient(port);
    Response bad = registry.as(TestUsers.PROGRAM_OFFICE).get("/api/work?size=0&page=-1");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.contentType()).startsWith("application/problem+json");
    assertThat(bad.json().path("violations").toString()).contains("size", "page");
    assertThat(registry.anonymous().get("/api/work").status()).isEqualTo(401);
    Response unknownOffice = registry.as(TestUsers.IGP).get("/api/agreements?awaiting=NOBODY");
    assertThat(unknownOffice.status()).isEqualTo(400);
    assertThat(unknownOffice.json().path("violations").toString()).contains("awaiting");
  }
}
