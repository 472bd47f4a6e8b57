package gov.ice.registry.web.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gov.ice.registry.RegistryApplication;
import gov.ice.registry.agreement.BiennialReview;
import gov.ice.registry.agreement.ExigentMemorialization;
import gov.ice.registry.support.RegistryClient;
import gov.ice.registry.support.RegistryClient.Response;
import gov.ice.registry.support.TestUsers;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The notice job end to end, with the registry's clock moved by the test: review-due thresholds,
 * a missed exigent deadline, two runs at once recording each notice once, the notices query.
 * Its own application context (and data directory), because it replaces the clock.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NoticeJobIT {

  static final ZoneId ZONE = ZoneId.of("America/New_York");
  static final MovableClock CLOCK = new MovableClock(Instant.now(), ZONE);

  /** The application's clock, moved by the test. */
  static final class MovableClock extends Clock {

    private volatile Instant now;
    private final ZoneId zone;

    MovableClock(Instant now, ZoneId zone) {
      this.now = now;
      this.zone = zone;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
      return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return new MovableClock(now, zone);
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @TestConfiguration
  static class MovableTime {

    @Bean
    @Primary
    Clock movableClock() {
      return CLOCK;
    }
  }

  @DynamicPropertySource
  static void embeddedDefault(DynamicPropertyRegistry registry) throws Exception {
    RegistryApplication.disableAxonUpdateChecker();
    String dataDir = Files.createTempDirectory("registry-notice-it-").toString();
    registry.add("registry.data-dir", () -> dataDir);
    registry.add("registry.ledger.url", () -> "");
    registry.add("registry.security.users-file", () -> TestUsers.usersFile().toString());
    registry.add("registry.notices.cron", () -> "-");
  }

  @LocalServerPort
  int port;

  private LocalDate today() {
    return LocalDate.now(CLOCK);
  }

  private Response eventually(RegistryClient registry, String user, String path, Predicate<Response> until) {
    Response[] last = new Response[1];
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
      last[0] = registry.as(user).get(path);
      return until.test(last[0]);
    });
    return last[0];
  }

  private static List<JsonNode> noticesOf(Response notices, String id) {
    List<JsonNode> found = new ArrayList<>();
    notices.json().path("items").forEach(n -> {
      if (n.path("agreementId").asText().equals(id)) {
        found.add(n);
      }
    });
    return found;
  }

  private static long eventsOfType(RegistryClient registry, String id, String type) {
    long count = 0;
    for (JsonNode entry : registry.as(TestUsers.AUDITOR).get("/api/agreements/" + id + "/history").json()) {
      count += entry.path("type").asText().endsWith(type) ? 1 : 0;
    }
    return count;
  }

  @Test
  void recordsEachNoticeOnceAsTimeMovesEvenWhenTwoRunsOverlap() throws Exception {
    RegistryClient registry = new RegistryClient(port);
    String marker = UUID.randomUUID().toString().substring(0, 8);
    LocalDate dueIn60 = today().plusDays(60);
    Response soon = registry.as(TestUsers.IGP).post("/api/agreements/import", ReadSideBodies.executed("Soon " + marker,
        "Soon Agency " + marker, dueIn60.minusYears(BiennialReview.INTERVAL_YEARS)));
    assertThat(soon.status()).as(soon.toString()).isEqualTo(201);
    Response late = registry.as(TestUsers.IGP).post("/api/agreements/import", ReadSideBodies.executed("Late " + marker,
        "Late Agency " + marker, today().minusDays(40).minusYears(BiennialReview.INTERVAL_YEARS)));
    assertThat(late.status()).as(late.toString()).isEqualTo(201);

    ObjectNode exigentDraft = ReadSideBodies.draft("Exigent " + marker, "Fusion Center " + marker);
    exigentDraft.putObject("exemption").put("number", 10).put("reason", "Imminent threat to life.");
    String exigent = registry.as(TestUsers.PROGRAM_OFFICE).post("/api/agreements", exigentDraft).id();
    LocalDate transferredOn = today().minusDays(14);
    Response transfer = registry.as(TestUsers.PROGRAM_OFFICE).post("/api/agreements/" + exigent + "/exigent-transfers",
        RegistryClient.JSON.createObjectNode().put("transferredOn", transferredOn.toString()).put("authorizedBy", "ICE_DIRECTOR"));
    assertThat(transfer.status()).as(transfer.toString()).isEqualTo(200);

    eventually(registry, TestUsers.IGP, "/api/reviews/due?within=P60D", r -> r.text().contains(soon.id()));
    eventually(registry, TestUsers.IGP, "/api/reviews/overdue", r -> r.text().contains(late.id()));
    eventually(registry, TestUsers.IGP, "/api/deadlines/exigent?state=MISSED", r -> r.text().contains(exigent));

    CompletableFuture<Response> first = CompletableFuture.supplyAsync(() -> registry.as(TestUsers.ADMIN).post("/api/admin/notices/run", null));
    CompletableFuture<Response> second = CompletableFuture.supplyAsync(() -> registry.as(TestUsers.ADMIN).post("/api/admin/notices/run", null));
    assertThat(first.get().status()).as(first.get().toString()).isEqualTo(200);
    assertThat(second.get().status()).as(second.get().toString()).isEqualTo(200);
    assertThat(first.get().json().path("reviewDue").path("failed").asInt()).isZero();
    assertThat(registry.as(TestUsers.ADMIN).post("/api/admin/notices/run", null).status()).isEqualTo(200);

    String since = "/api/notices?since=" + today();
    Response notices = eventually(registry, TestUsers.IGP, since,
        r -> noticesOf(r, soon.id()).size() == 1 && noticesOf(r, late.id()).size() == 1 && noticesOf(r, exigent).size() == 1);
    assertThat(noticesOf(notices, soon.id()).get(0).path("daysBeforeDue").asInt()).isEqualTo(90);
    assertThat(noticesOf(notices, late.id()).get(0).path("daysBeforeDue").asInt()).isEqualTo(-30);
    JsonNode missed = noticesOf(notices, exigent).get(0);
    assertThat(missed.path("type").asText()).isEqualTo("EXIGENT_DEADLINE_MISSED");
    assertThat(missed.path("deadline").asText()).isEqualTo(ExigentMemorialization.deadline(transferredOn).toString());
    assertThat(eventsOfType(registry, soon.id(), "ReviewDueNoticeIssued")).isEqualTo(1);
    assertThat(eventsOfType(registry, exigent, "ExigentDeadlineMissedNoticeIssued")).isEqualTo(1);

    CLOCK.advance(Duration.ofDays(40));
    assertThat(registry.as(TestUsers.ADMIN).post("/api/admin/notices/run", null).status()).isEqualTo(200);
    Response later = eventually(registry, TestUsers.AUDITOR, since,
        r -> noticesOf(r, soon.id()).size() == 2 && noticesOf(r, late.id()).size() == 2);
    assertThat(noticesOf(later, soon.id())).extracting(n -> n.path("daysBeforeDue").asInt()).containsExactly(90, 30);
    assertThat(noticesOf(later, late.id())).extracting(n -> n.path("daysBeforeDue").asInt()).containsExactly(-30, -60);
    assertThat(noticesOf(later, exigent)).filteredOn(n -> n.path("type").asText().equals("EXIGENT_DEADLINE_MISSED")).hasSize(1);
    // Its draft still awaits every office's concurrence, weeks later: each office is reminded once, at the latest threshold reached.
    List<JsonNode> reminders = noticesOf(later, exigent).stream().filter(n -> n.path("type").asText().equals("REMINDER")).toList();
    assertThat(reminders).isNotEmpty().allSatisfy(n -> {
      assertThat(n.path("step").asText()).isEqualTo("CONCURRENCE");
      assertThat(n.path("afterBusinessDays").asInt() % 10).isZero();
    });
    assertThat(reminders).extracting(n -> n.path("holder").asText()).doesNotHaveDuplicates();
  }
}
