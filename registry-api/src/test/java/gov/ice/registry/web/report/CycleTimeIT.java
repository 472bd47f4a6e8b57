package gov.ice.registry.web.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import gov.ice.registry.RegistryApplication;
import gov.ice.registry.agreement.api.StakeholderOffice;
import gov.ice.registry.support.AgreementBodies;
import gov.ice.registry.support.RegistryClient;
import gov.ice.registry.support.RegistryClient.Response;
import gov.ice.registry.support.TestUsers;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The fixture through real HTTP, the real ledger on H2 and the read model on the wire
 * protocol: a draft on Monday 2026-11-02, IGP concurring on Thursday 11-05 and the other offices on
 * Monday 11-30 (Veterans Day and Thanksgiving between). The registry's clock and the ledger's
 * event clock are both moved by the test, so the events carry those days. Its own context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// Spring Boot tests turn metrics export off by default; the scrape is part of what this test reads.
@AutoConfigureObservability(tracing = false)
class CycleTimeIT {

  static final ZoneId ZONE = ZoneId.of("America/New_York");
  static final MovableClock CLOCK = new MovableClock(at("2026-11-02"));
  static final Clock AXON_CLOCK = GenericEventMessage.clock;

  static Instant at(String day) {
    return LocalDate.parse(day).atTime(LocalTime.of(10, 0)).atZone(ZONE).toInstant();
  }

  static final class MovableClock extends Clock {
    private volatile Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    void set(Instant instant) {
      now = instant;
    }

    @Override
    public ZoneId getZone() {
      return ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
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
    GenericEventMessage.clock = CLOCK;
    String dataDir = Files.createTempDirectory("registry-cycle-it-").toString();
    registry.add("registry.data-dir", () -> dataDir);
    registry.add("registry.ledger.url", () -> "");
    registry.add("registry.security.users-file", () -> TestUsers.usersFile().toString());
    registry.add("registry.notices.cron", () -> "-");
    registry.add("registry.metrics.refresh-interval", () -> "PT1S");
  }

  @AfterAll
  static void restoreTheLedgerClock() {
    GenericEventMessage.clock = AXON_CLOCK;
  }

  @LocalServerPort
  int port;

  private Response concur(RegistryClient registry, String id, StakeholderOffice office) {
    Response r = registry.as(TestUsers.stakeholder(office)).post("/api/agreements/" + id + "/concurrences",
        RegistryClient.JSON.createObjectNode().put("office", office.name()).put("decision", "CONCUR").put("draftVersion", 1)
            .put("comment", "fine"));
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r;
  }

  private static JsonNode row(JsonNode report, String stage, String group) {
    for (JsonNode row : report.path("stages")) {
      if (row.path("stage").asText().equals(stage) && row.path("group").asText().equals(group)) {
        return row;
      }
    }
    throw new AssertionError("no row " + stage + "/" + group + " in " + report);
  }

  @Test
  void reportsEachOfficesResponseInBusinessDaysThroughHttp() {
    RegistryClient registry = new RegistryClient(port);
    CLOCK.set(at("2026-11-02"));
    Response drafted = registry.as(TestUsers.PROGRAM_OFFICE).post("/api/agreements", AgreementBodies.draft());
    assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
    String id = drafted.id();
    List<StakeholderOffice> others = new ArrayList<>();
    drafted.json().path("requiredStakeholders").forEach(s -> {
      StakeholderOffice office = StakeholderOffice.valueOf(s.path("office").asText());
      if (office != StakeholderOffice.IGP) {
        others.add(office);
      }
    });
    assertThat(others).contains(StakeholderOffice.OPP);

    CLOCK.set(at("2026-11-05"));
    concur(registry, id, StakeholderOffice.IGP);
    CLOCK.set(at("2026-11-30"));
    Response last = null;
    for (StakeholderOffice office : others) {
      last = concur(registry, id, office);
    }
    String position = last.header("X-Registry-Position").orElseThrow();
    CLOCK.set(at("2026-12-07"));

    String query = "/api/reports/cycle-time?from=2026-11-01&to=2026-12-31&after=" + position;
    Response report = registry.as(TestUsers.IGP).get(query);
    assertThat(report.status()).as(report.toString()).isEqualTo(200);
    assertThat(row(report.json(), "CONCURRENCE", "IGP").path("median").asDouble()).isEqualTo(3.0);
    assertThat(row(report.json(), "CONCURRENCE", "OPP").path("median").asDouble()).isEqualTo(18.0);
    // The offices all answered on the 30th, the last of them alone for no time at all.
    JsonNode lastOffice = row(report.json(), "SOLE_HOLDER", others.get(others.size() - 1).name());
    assertThat(lastOffice.path("completed").asLong()).isEqualTo(1);
    assertThat(lastOffice.path("median").asDouble()).isZero();
    JsonNode endToEnd = row(report.json(), "END_TO_END", "PROGRAM_OFFICE");
    assertThat(endToEnd.path("open").asLong()).isEqualTo(1);
    assertThat(endToEnd.path("oldestOpen").asInt()).isEqualTo(23);
    assertThat(report.json().path("excluded").path("imported").asLong()).isZero();

    Response days = registry.as(TestUsers.AUDITOR).get(query + "&unit=DAYS&groupBy=directorate");
    assertThat(days.status()).as(days.toString()).isEqualTo(200);
    assertThat(row(days.json(), "CONCURRENCE", "HSI").path("completed").asLong()).isEqualTo(1 + others.size());

    Response csv = registry.as(TestUsers.DIRECTOR).get(query + "&format=csv");
    assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
    assertThat(csv.contentType()).startsWith("text/csv");
    assertThat(csv.text()).startsWith("\uFEFFstage,group,completed,median,p75,p90,mean,open,oldestOpen,rework\r\n")
        .contains("CONCURRENCE,IGP,1,3.0,3.0,3.0,3.0,0,,0\r\n");

    // A stakeholder office sees its own office's intervals only.
    Response opp = registry.as(TestUsers.stakeholder(StakeholderOffice.OPP)).get(query);
    assertThat(opp.status()).as(opp.toString()).isEqualTo(200);
    assertThat(opp.json().path("stages")).isNotEmpty().allMatch(r -> r.path("group").asText().equals("OPP"));
    assertThat(registry.as(TestUsers.PROGRAM_OFFICE).get(query).status()).isEqualTo(403);
    assertThat(registry.anonymous().get(query).status()).isEqualTo(401);

    Response bad = registry.as(TestUsers.IGP).get("/api/reports/cycle-time?groupBy=weather&unit=HOURS&from=2026-13-01");
    assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
    assertThat(bad.contentType()).startsWith("application/problem+json");
    assertThat(bad.text()).contains("groupBy").contains("unit").contains("from");

    // The timeline, for any registry role: the stages and who held the agreement when.
    Response timeline = registry.as(TestUsers.PROGRAM_OFFICE).get("/api/agreements/" + id + "/timeline");
    assertThat(timeline.status()).as(timeline.toString()).isEqualTo(200);
    JsonNode igp = null;
    for (JsonNode stage : timeline.json().path("stages")) {
      if (stage.path("stage").asText().equals("CONCURRENCE") && stage.path("holder").asText().equals("IGP")) {
        igp = stage;
      }
    }
    assertThat(igp).isNotNull();
    assertThat(igp.path("businessDays").asInt()).isEqualTo(3);
    JsonNode holdings = timeline.json().path("holdings");
    assertThat(holdings.get(0).path("holders")).hasSize(1 + others.size());
    assertThat(holdings.get(1).path("from").asText()).isEqualTo(at("2026-11-05").toString());
    assertThat(registry.as(TestUsers.PROGRAM_OFFICE).get("/api/agreements/00000000-0000-0000-0000-000000000000/timeline").status())
        .isEqualTo(404);

    // The scrape: the histogram of the completed intervals, and the open ones' gauges.
    String[] scrape = new String[1];
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
      scrape[0] = registry.anonymous().get("/actuator/prometheus").text();
      return scrape[0].contains("registry_stage_open_items{");
    });
    assertThat(scrape[0])
        .contains("# TYPE registry_stage_duration_business_days histogram")
        .contains("registry_stage_duration_business_days_bucket{office=\"IGP\",stage=\"CONCURRENCE\",le=\"2.0\"} 0\n")
        .contains("registry_stage_duration_business_days_bucket{office=\"IGP\",stage=\"CONCURRENCE\",le=\"5.0\"} 1\n")
        .contains("registry_stage_duration_business_days_bucket{office=\"OPP\",stage=\"CONCURRENCE\",le=\"10.0\"} 0\n")
        .contains("registry_stage_duration_business_days_bucket{office=\"OPP\",stage=\"CONCURRENCE\",le=\"20.0\"} 1\n")
        .contains("registry_stage_duration_business_days_sum{office=\"OPP\",stage=\"CONCURRENCE\"} 18.0\n")
        .containsPattern("registry_stage_open_items\\{office=\"PROGRAM_OFFICE\",stage=\"END_TO_END\"\\} 1(\\.0)?\n")
        .containsPattern("registry_stage_oldest_open_business_days\\{office=\"PROGRAM_OFFICE\",stage=\"END_TO_END\"\\} 23(\\.0)?\n");
  }
}
