package gov.ice.registry.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import gov.ice.registry.agreement.api.StakeholderOffice;
import gov.ice.registry.support.AgreementBodies;
import gov.ice.registry.support.RegistryClient;
import gov.ice.registry.support.RegistryClient.Response;
import gov.ice.registry.support.RegistryProcess;
import gov.ice.registry.support.TestUsers;
import gov.ice.registry.operations.Scrape.Series;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged registry, driven through a few commands (one refused), a search and the notice job,
 * then scraped as Prometheus would: {@code promtool check metrics} finds nothing in the scrape,
 * every metric the alert rules and the Grafana dashboard name is in it, no series carries a label
 * Prometheus attaches itself, and every selector of a rule or a panel selects a series once the
 * scrape's target labels are attached as deploy/prometheus/prometheus.yml's scrape attaches them.
 * A metric or label missing from the scrape is a dashboard panel that stays empty or an alert that
 * can never fire: the failure lists each one with where it is used.
 */
class MetricNamesIT {

  /** Series Prometheus makes itself, not the registry. */
  private static final Set<String> PROMETHEUS_OWN = Set.of("up");
  /** The labels Prometheus attaches to every series of a target. */
  private static final Set<String> TARGET_LABELS = Set.of("job", "instance");

  @TempDir
  Path dir;

  @Test
  void scrapePassesPromtoolAndHoldsEveryMetricTheRulesAndTheDashboardUse() throws Exception {
    Map<String, String> environment = Map.of(
        "REGISTRY_DATA_DIR", dir.resolve("data").toString(),
        // The leaf-log job every second and the gauges every second: their series appear at once.
        "REGISTRY_LEDGER_LEAF_INTERVAL", "PT1S",
        "REGISTRY_METRICS_REFRESH_INTERVAL", "PT1S",
        // The notice job at once (its lock then holds it for minutes): the job gauge for it appears.
        "REGISTRY_NOTICES_CRON", "* * * * * *");
    try (RegistryProcess registry = RegistryProcess.start(environment, dir.resolve("registry.log"))) {
      RegistryClient client = registry.client();
      Response drafted = client.as(TestUsers.PROGRAM_OFFICE).post("/api/agreements", AgreementBodies.draft());
      assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
      // One office concurs (a completed cycle-time interval for the histogram), the others' stay open (the gauges).
      Response concurred = client.as(TestUsers.stakeholder(StakeholderOffice.IGP)).post("/api/agreements/" + drafted.id()
          + "/concurrences", RegistryClient.JSON.createObjectNode().put("office", "IGP").put("decision", "CONCUR").put("draftVersion", 1));
      assertThat(concurred.status()).as(concurred.toString()).isEqualTo(200);
      Response refused = client.as(TestUsers.PROGRAM_OFFICE).post("/api/agreements/" + drafted.id() + "/clearance-request", null);
      assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
      assertThat(client.as(TestUsers.PROGRAM_OFFICE).get("/api/agreements").status()).isEqualTo(200);
      Response checkpoint = client.as(TestUsers.ADMIN).post("/api/ledger/checkpoints", null);
      assertThat(checkpoint.status()).as(checkpoint.toString()).isBetween(200, 201);

      String[] scrape = new String[1];
      await("the job and checkpoint gauges in the scrape").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
          .until(() -> {
            scrape[0] = client.anonymous().get("/actuator/prometheus").text();
            return scrape[0].contains("registry_jobs_last_started_timestamp_seconds{task=\"notice-job\"")
                && scrape[0].contains("registry_commands_refused_total{")
                && scrape[0].contains("registry_stage_duration_business_days_bucket{")
                && scrape[0].contains("registry_stage_oldest_open_business_days{");
          });

      // promtool's lint wants seconds for every time; a business day (weekends and federal holidays
      // excluded) is no fixed number of seconds, so the cycle-time metrics named in business days
      // (the histogram's name is the issue's) are the one finding allowed.
      Promtool.Result lint = Promtool.attempt(dir, scrape[0], "check", "metrics");
      assertThat(lint.output().lines()
          .filter(line -> !line.isBlank())
          .filter(line -> !line.matches("registry_stage_[a-z_]*_business_days(_max)? use base unit \"seconds\" instead of \"days\"")))
          .as("promtool check metrics:\n" + lint.output()).isEmpty();

      Set<String> exposed = scrape[0].lines().filter(l -> !l.startsWith("#") && !l.isBlank())
          .map(l -> l.split("[{ ]", 2)[0]).collect(Collectors.toCollection(TreeSet::new));
      Map<String, Set<String>> missing = new TreeMap<>();
      used().forEach((metric, where) -> {
        if (!exposed.contains(metric) && !PROMETHEUS_OWN.contains(metric)) {
          missing.put(metric, where);
        }
      });
      assertThat(missing).as("metrics the alert rules or the dashboard use that the registry does not expose (metric=[where])")
          .isEmpty();

      List<Series> exposedSeries = Scrape.parse(scrape[0]);
      assertThat(exposedSeries).as("series with a label Prometheus attaches itself (it would rename it exported_...)")
          .filteredOn(series -> series.labels().keySet().stream().anyMatch(TARGET_LABELS::contains))
          .extracting(Series::selector).isEmpty();

      List<Series> stored = new ArrayList<>(Scrape.asStored(exposedSeries, targetLabels()));
      stored.add(new Series("up", targetLabels()));
      Map<String, Set<String>> selectors = SelectorCheck.deploySelectors();
      Promtool.Result check = SelectorCheck.run(dir, stored, selectors.keySet());
      assertThat(check.exitCode()).as("selectors of the alert rules and the dashboard that select nothing in the scrape as "
          + "Prometheus stores it:\n" + check.output() + "\nwhere each selector is used: " + selectors).isZero();
    }
  }

  /** The labels the registry's scrape attaches to each series: its job name and one of its targets. */
  private static Map<String, String> targetLabels() throws Exception {
    JsonNode scrape = new ObjectMapper(new YAMLFactory()).readTree(DeployFilesTest.DEPLOY.resolve("prometheus/prometheus.yml").toFile())
        .path("scrape_configs").get(0);
    assertThat(scrape.path("honor_labels").asBoolean(false)).as("honor_labels: the registry's own labels yield to the target's").isFalse();
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("job", scrape.path("job_name").asText());
    labels.put("instance", scrape.path("static_configs").get(0).path("targets").get(0).asText());
    return labels;
  }

  /** Each metric name in an alert rule or a dashboard panel, with where it is used. */
  static Map<String, Set<String>> used() throws Exception {
    Map<String, Set<String>> used = new TreeMap<>();
    JsonNode rules = new ObjectMapper(new YAMLFactory()).readTree(DeployFilesTest.DEPLOY.resolve("prometheus/alerts.yml").toFile());
    for (JsonNode group : rules.get("groups")) {
      for (JsonNode rule : group.get("rules")) {
        PromQl.metricNames(rule.get("expr").asText())
            .forEach(m -> used.computeIfAbsent(m, k -> new TreeSet<>()).add("alert " + rule.get("alert").asText()));
      }
    }
    JsonNode dashboard = new ObjectMapper().readTree(DeployFilesTest.DEPLOY.resolve("grafana/dashboards/isaa-registry.json").toFile());
    for (JsonNode panel : dashboard.path("panels")) {
      for (JsonNode target : panel.path("targets")) {
        PromQl.metricNames(target.path("expr").asText())
            .forEach(m -> used.computeIfAbsent(m, k -> new TreeSet<>()).add("panel " + panel.path("title").asText()));
      }
    }
    return used;
  }
}
