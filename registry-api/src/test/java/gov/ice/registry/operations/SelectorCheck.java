package gov.ice.registry.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import gov.ice.registry.operations.Scrape.Series;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Whether the alert rules' and the dashboard's selectors select anything in a scrape as
 * Prometheus stores it: a promtool unit test whose input series are the stored series and which
 * expects {@code group(selector)} to answer 1 for each selector. promtool evaluates the PromQL
 * itself, so label matching is Prometheus's, not an imitation of it. A regex matcher only needs
 * its label present ({@link PromQl#withRegexLabelsOnlyPresent}).
 */
final class SelectorCheck {

  private SelectorCheck() {}

  /** Each selector of an alert rule or a dashboard panel, with where it is used. */
  static Map<String, Set<String>> deploySelectors() throws IOException {
    Map<String, Set<String>> used = new TreeMap<>();
    JsonNode rules = new ObjectMapper(new YAMLFactory()).readTree(DeployFilesTest.DEPLOY.resolve("prometheus/alerts.yml").toFile());
    for (JsonNode group : rules.get("groups")) {
      for (JsonNode rule : group.get("rules")) {
        PromQl.selectors(rule.get("expr").asText())
            .forEach(s -> used.computeIfAbsent(s, k -> new TreeSet<>()).add("alert " + rule.get("alert").asText()));
      }
    }
    JsonNode dashboard = new ObjectMapper().readTree(DeployFilesTest.DEPLOY.resolve("grafana/dashboards/isaa-registry.json").toFile());
    for (JsonNode panel : dashboard.path("panels")) {
      for (JsonNode target : panel.path("targets")) {
        PromQl.selectors(target.path("expr").asText())
            .forEach(s -> used.computeIfAbsent(s, k -> new TreeSet<>()).add("panel " + panel.path("title").asText()));
      }
    }
    return used;
  }

  /** promtool's verdict on {@code selectors} over {@code stored}; exit code 0 when every one selects a series. */
  static Promtool.Result run(Path directory, List<Series> stored, Collection<String> selectors) throws Exception {
    Path file = directory.resolve("selectors.test.yml");
    Files.writeString(file, testFile(stored, selectors));
    return Promtool.attempt(directory, null, "test", "rules", file.getFileName().toString());
  }

  static String testFile(List<Series> stored, Collection<String> selectors) {
    StringBuilder yaml = new StringBuilder("""
        rule_files: []
        evaluation_interval: 1m
        tests:
          - interval: 1m
            input_series:
        """);
    for (Series series : stored) {
      yaml.append("      - series: ").append(quoted(series.selector())).append("\n        values: '1x10'\n");
    }
    yaml.append("    promql_expr_test:\n");
    for (String selector : selectors) {
      yaml.append("      - expr: ").append(quoted("group(" + PromQl.withRegexLabelsOnlyPresent(selector) + ")"))
          .append("\n        eval_time: 5m\n        exp_samples:\n          - labels: '{}'\n            value: 1\n");
    }
    return yaml.toString();
  }

  private static String quoted(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}
