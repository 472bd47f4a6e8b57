package gov.ice.registry;

import static org.assertj.core.api.Assertions.assertThat;

import gov.ice.registry.agreement.api.StakeholderOffice;
import gov.ice.registry.support.AgreementBodies;
import gov.ice.registry.support.RegistryClient;
import gov.ice.registry.support.RegistryClient.Response;
import gov.ice.registry.support.StrictRegistry;
import gov.ice.registry.support.TestUsers;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code registry.api.if-match}: by default a command on an existing agreement runs without
 * If-Match (the shared registry); set to {@code required}, the same command without it answers
 * 428 Precondition Required naming the header and records nothing, while a draft (no agreement
 * yet) needs none, and a version or {@code *} lets the command run. Every answer is also held to
 * the committed document by {@link RegistryClient}.
 */
class IfMatchRequiredIT extends H2Registry {

  static StrictRegistry strict;

  @BeforeAll
  static void start() {
    strict = StrictRegistry.start();
  }

  @AfterAll
  static void stop() {
    strict.close();
  }

  @Test
  void byDefaultACommandRunsWithoutIfMatch() {
    RegistryClient registry = registry();
    String id = registry.as(TestUsers.PROGRAM_OFFICE).post("/api/agreements", AgreementBodies.draft()).id();

    Response concurred = registry.as(TestUsers.stakeholder(StakeholderOffice.IGP)).post("/api/agreements/" + id + "/concurrences", AgreementBodies.concurrence("IGP", 1));

    assertThat(concurred.status()).as(concurred.toString()).isEqualTo(200);
    assertThat(concurred.etag()).isEqualTo("\"2\"");
  }

  @Test
  void whereRequiredEveryCommandWithoutIfMatchAnswers428AndRecordsNothing() {
    RegistryClient registry = strict.client();
    Response drafted = registry.as(TestUsers.PROGRAM_OFFICE).post("/api/agreements", AgreementBodies.draft());
    assertThat(drafted.status()).as("a draft names no agreement yet, so no If-Match: " + drafted).isEqualTo(201);
    String id = drafted.id();

    Map<String, Response> refused = Map.of(
        "concurrence", registry.as(TestUsers.stakeholder(StakeholderOffice.IGP)).post("/api/agreements/" + id + "/concurrences", AgreementBodies.concurrence("IGP", 1)),
        "revision", registry.as(TestUsers.PROGRAM_OFFICE).put("/api/agreements/" + id + "/draft", AgreementBodies.draft()),
        "clearance request", registry.as(TestUsers.PROGRAM_OFFICE).post("/api/agreements/" + id + "/clearance-request", null),
        "blank If-Match", registry.as(TestUsers.PROGRAM_OFFICE).header("If-Match", " ")
            .post("/api/agreements/" + id + "/withdrawal", Map.of("reason", "No longer needed.")),
        "erasure", registry.as(TestUsers.ADMIN).post("/api/agreements/" + id + "/personal-data/erasure",
            Map.of("reason", "A lawful request under the Privacy Act.", "requestReference", "PA-2026-0042")));

    refused.forEach((what, answer) -> {
      assertThat(answer.status()).as(what + ": " + answer).isEqualTo(428);
      assertThat(answer.contentType()).as(what).startsWith("application/problem+json");
      assertThat(answer.json().path("type").asText()).as(what).endsWith("/precondition-required");
      assertThat(answer.json().path("title").asText()).as(what).isEqualTo("Precondition required");
      assertThat(answer.json().path("detail").asText()).as(what).contains("If-Match");
      assertThat(answer.json().path("violations").findValuesAsText("field")).as(what).containsExactly("If-Match");
    });
    Response history = registry.as(TestUsers.AUDITOR).get("/api/agreements/" + id + "/history");
    assertThat(history.json().size()).as("nothing recorded: " + history).isEqualTo(1);
    assertThat(registry.as(TestUsers.AUDITOR).get("/api/agreements/" + id).etag()).isEqualTo("\"1\"");
  }

  @Test
  void whereRequiredAVersionOrAnyVersionLetsTheCommandRunAndAStaleOneStillAnswers412() {
    RegistryClient registry = strict.client();
    Response drafted = registry.as(TestUsers.PROGRAM_OFFICE).post("/api/agreements", AgreementBodies.draft());
    String id = drafted.id();

    Response withVersion = registry.as(TestUsers.stakeholder(StakeholderOffice.IGP)).ifMatch(drafted.etag())
        .post("/api/agreements/" + id + "/concurrences", AgreementBodies.concurrence("IGP", 1));
    assertThat(withVersion.status()).as(withVersion.toString()).isEqualTo(200);

    Response stale = registry.as(TestUsers.stakeholder(StakeholderOffice.OPP)).ifMatch(drafted.etag())
        .post("/api/agreements/" + id + "/concurrences", AgreementBodies.concurrence("OPP", 1));
    assertThat(stale.status()).as(stale.toString()).isEqualTo(412);

    Response anyVersion = registry.as(TestUsers.stakeholder(StakeholderOffice.OPP)).ifMatch("*")
        .post("/api/agreements/" + id + "/concurrences", AgreementBodies.concurrence("OPP", 1));
    assertThat(anyVersion.status()).as(anyVersion.toString()).isEqualTo(200);
    assertThat(anyVersion.etag()).isEqualTo("\"3\"");
  }
}
