package gov.ice.registry.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator's files under deploy/, checked with tools that run here (no container engine, no
 * cluster): the alert rules by promtool, the Kubernetes manifests by the fabric8 model of the
 * Kubernetes API (an unknown or misplaced field fails), compose.yaml's references, the dashboard's
 * structure. That every metric they name exists is {@link MetricNamesIT}'s business.
 */
class DeployFilesTest {

  static final Path DEPLOY = Path.of("..", "deploy").toAbsolutePath().normalize();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper STRICT_YAML = YAMLMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
      .build();

  @Test
  void alertRulesPassPromtoolsCheckAndTheirUnitTests() throws Exception {
    Path prometheus = DEPLOY.resolve("prometheus");
    assertThat(Promtool.run(prometheus, null, "check", "rules", "alerts.yml")).contains("SUCCESS");
    assertThat(Promtool.run(prometheus, null, "test", "rules", "alerts.test.yml")).contains("SUCCESS");
  }

  @Test
  void everyAlertHasASummaryARunbookAndASeverity() throws IOException {
    JsonNode rules = YAML.readTree(DEPLOY.resolve("prometheus/alerts.yml").toFile());
    List<String> alerts = new ArrayList<>();
    for (JsonNode group : rules.get("groups")) {
      for (JsonNode rule : group.get("rules")) {
        String name = rule.path("alert").asText();
        alerts.add(name);
        assertThat(rule.path("annotations").path("summary").asText()).as(name + " summary").isNotBlank();
        assertThat(rule.path("annotations").path("runbook").asText()).as(name + " runbook").isNotBlank();
        assertThat(rule.path("labels").path("severity").asText()).as(name + " severity").isNotBlank();
      }
    }
    assertThat(alerts).contains("RegistryInstanceDown", "RegistryLedgerVerificationFailed", "RegistryCheckpointOverdue",
        "RegistryReadModelBehind", "RegistryNoticeJobNotRun", "RegistryWebhookDeliveriesFailing",
        "RegistryOverdueReviewsRising", "RegistryExigentDeadlineMissed", "RegistryHighServerErrorRate");
  }

  @Test
  void kubernetesManifestsParseStrictlyIntoTheKubernetesModel() throws Exception {
    List<HasMetadata> parsed = new ArrayList<>();
    try (Stream<Path> files = Files.walk(DEPLOY.resolve("kubernetes"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        if (file.getFileName().toString().equals("kustomization.yaml")) {
          checkKustomization(file);
          continue;
        }
        HasMetadata resource = STRICT_YAML.readValue(file.toFile(), HasMetadata.class);
        assertThat(resource).as(file + " is a known kind of apiVersion " + resource.getApiVersion())
            .isNotInstanceOf(GenericKubernetesResource.class);
        assertThat(unknownFields(resource, "")).as(file + ": fields the Kubernetes API does not have").isEmpty();
        parsed.add(resource);
      }
    }
    Deployment deployment = parsed.stream().filter(Deployment.class::isInstance).map(Deployment.class::cast)
        .filter(d -> d.getSpec().getSelector() != null).findFirst().orElseThrow();
    var container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(container.getStartupProbe()).isNotNull();
    assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/readiness");
    assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
    assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
    assertThat(container.getResources().getLimits()).containsKey("memory");
    assertThat(deployment.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(parsed).anyMatch(PodDisruptionBudget.class::isInstance);
    NetworkPolicy policy = parsed.stream().filter(NetworkPolicy.class::isInstance).map(NetworkPolicy.class::cast).findFirst().orElseThrow();
    // The management port (metrics) is reachable from the monitoring namespace only.
    var managementRules = policy.getSpec().getIngress().stream()
        .filter(rule -> rule.getPorts().stream().anyMatch(p -> "management".equals(p.getPort().getStrVal()))).toList();
    assertThat(managementRules).singleElement().satisfies(rule -> assertThat(rule.getFrom()).singleElement()
        .satisfies(peer -> assertThat(peer.getNamespaceSelector().getMatchLabels())
            .containsExactly(Map.entry("kubernetes.io/metadata.name", "monitoring"))));
  }

  /** The files a kustomization names exist, relative to it. */
  private static void checkKustomization(Path file) throws IOException {
    JsonNode kustomization = STRICT_YAML.readTree(file.toFile());
    assertThat(kustomization.path("kind").asText()).as(file.toString()).isEqualTo("Kustomization");
    List<String> referenced = new ArrayList<>();
    kustomization.path("resources").forEach(r -> referenced.add(r.asText()));
    kustomization.path("patches").forEach(p -> {
      if (p.has("path")) {
        referenced.add(p.get("path").asText());
      }
    });
    for (JsonNode generator : List.of(kustomization.path("secretGenerator"), kustomization.path("configMapGenerator"))) {
      generator.forEach(g -> g.path("files").forEach(f -> referenced.add(f.asText().replaceFirst("^[^=]*=", ""))));
    }
    assertThat(referenced).as(file + " names something").isNotEmpty();
    for (String path : referenced) {
      assertThat(file.getParent().resolve(path)).as(file + " -> " + path).exists();
    }
  }

  /**
   * fabric8's model keeps fields it does not know in {@code additionalProperties} instead of
   * failing: walks the parsed object and names every such field.
   */
  static List<String> unknownFields(Object node, String path) throws Exception {
    return unknownFields(node, path, new IdentityHashMap<>());
  }

  private static List<String> unknownFields(Object node, String path, Map<Object, Boolean> seen) throws Exception {
    List<String> unknown = new ArrayList<>();
    if (node == null || seen.put(node, true) != null) {
      return unknown;
    }
    if (node instanceof Collection<?> collection) {
      int i = 0;
      for (Iterator<?> it = collection.iterator(); it.hasNext(); i++) {
        unknown.addAll(unknownFields(it.next(), path + "[" + i + "]", seen));
      }
      return unknown;
    }
    if (node instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        unknown.addAll(unknownFields(entry.getValue(), path + "." + entry.getKey(), seen));
      }
      return unknown;
    }
    if (!(node instanceof KubernetesResource) && !node.getClass().getName().startsWith("io.fabric8.")) {
      return unknown;
    }
    for (Method getter : node.getClass().getMethods()) {
      if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers()) || getter.getDeclaringClass() == Object.class
          || !(getter.getName().startsWith("get") || getter.getName().startsWith("is"))) {
        continue;
      }
      Object value = getter.invoke(node);
      if (getter.getName().equals("getAdditionalProperties")) {
        if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
          extra.keySet().forEach(k -> unknown.add(path + "." + k));
        }
        continue;
      }
      if (value != null && !(value instanceof String) && !(value instanceof Number) && !(value instanceof Boolean)
          && !value.getClass().isEnum()) {
        unknown.addAll(unknownFields(value, path + "." + getter.getName().replaceFirst("^(get|is)", ""), seen));
      }
    }
    return unknown;
  }

  @Test
  void unknownFieldsAreFoundWhereTheModelKeepsThem() throws Exception {
    HasMetadata misspelt = STRICT_YAML.readValue("""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: x}
        spec:
          replicas: 1
          template:
            spec:
              containers:
                - name: c
                  image: i
                  readinesProbe: {httpGet: {path: /, port: 80}}
        """, HasMetadata.class);
    assertThat(unknownFields(misspelt, "")).singleElement().asString().endsWith("readinesProbe");
  }

  @Test
  void composeFileReferencesResolve() throws IOException {
    Path composeFile = DEPLOY.resolve("compose.yaml");
    // SnakeYAML resolves the anchors and merge keys (<<: *registry) compose files use; Jackson's YAML does not.
    JsonNode compose = new ObjectMapper().valueToTree(new org.yaml.snakeyaml.Yaml().load(Files.readString(composeFile)));
    JsonNode services = compose.get("services");
    Set<String> volumes = new java.util.HashSet<>();
    compose.path("volumes").fieldNames().forEachRemaining(volumes::add);
    assertThat(services.fieldNames()).toIterable()
        .contains("postgres", "mongo1", "mongo2", "mongo3", "mongo-init", "registry-1", "registry-2", "lb", "prometheus", "grafana");
    for (Iterator<Map.Entry<String, JsonNode>> it = services.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> service = it.next();
      String name = service.getKey();
      JsonNode spec = service.getValue();
      assertThat(spec.has("image") || spec.has("build")).as(name + " has an image or a build").isTrue();
      JsonNode dependsOn = spec.path("depends_on");
      if (dependsOn.isArray()) {
        dependsOn.forEach(d -> assertThat(services.has(d.asText())).as(name + " depends on " + d.asText()).isTrue());
      } else {
        dependsOn.fieldNames().forEachRemaining(d -> assertThat(services.has(d)).as(name + " depends on " + d).isTrue());
      }
      for (JsonNode volume : spec.path("volumes")) {
        String source = volume.asText().split(":")[0];
        if (source.startsWith(".") || source.startsWith("/")) {
          assertThat(composeFile.getParent().resolve(source)).as(name + " mounts " + source).exists();
        } else {
          assertThat(volumes).as(name + " uses volume " + source).contains(source);
        }
      }
      if (spec.has("build")) {
        Path context = composeFile.getParent().resolve(spec.path("build").path("context").asText());
        assertThat(context.resolve(spec.path("build").path("dockerfile").asText())).as(name + " dockerfile").exists();
      }
    }
    assertThat(services.path("prometheus").path("volumes").toString()).contains("alerts.yml");
    JsonNode scrape = YAML.readTree(DEPLOY.resolve("prometheus/prometheus.yml").toFile());
    assertThat(scrape.path("scrape_configs").get(0).path("static_configs").get(0).path("targets").toString())
        .contains("registry-1:8080", "registry-2:8080");
    assertThat(scrape.path("scrape_configs").get(0).path("metrics_path").asText()).isEqualTo("/actuator/prometheus");
  }

  @Test
  void dockerfileBuildsInStagesAndRunsAsANonRootUserWithAHealthCheck() throws IOException {
    String dockerfile = Files.readString(DEPLOY.resolve("Dockerfile"));
    assertThat(dockerfile.lines().filter(l -> l.startsWith("FROM "))).hasSize(2).last().asString().contains("17-jre");
    assertThat(dockerfile).containsPattern("(?m)^USER 10001").containsPattern("(?m)^HEALTHCHECK .*\\n.*actuator/health/readiness");
  }

  @Test
  void dashboardIsGrafanaJsonWithAnExpressionInEveryPanel() throws IOException {
    JsonNode dashboard = new ObjectMapper().readTree(DEPLOY.resolve("grafana/dashboards/isaa-registry.json").toFile());
    assertThat(dashboard.path("uid").asText()).isEqualTo("isaa-registry");
    int panels = 0;
    for (JsonNode panel : dashboard.path("panels")) {
      if (panel.path("type").asText().equals("row")) {
        continue;
      }
      panels++;
      assertThat(panel.path("targets")).as(panel.path("title").asText()).isNotEmpty();
      panel.path("targets").forEach(t -> assertThat(PromQl.metricNames(t.path("expr").asText()))
          .as(panel.path("title").asText() + ": " + t.path("expr").asText()).isNotEmpty());
    }
    assertThat(panels).isGreaterThan(15);
  }

  @Test
  void readsMetricNamesOutOfPromQl() {
    assertThat(PromQl.metricNames("histogram_quantile(0.95, sum by (le) (rate(registry_commands_seconds_bucket{outcome=\"success\"}[5m])))"))
        .containsExactly("registry_commands_seconds_bucket");
    assertThat(PromQl.metricNames("time() - max(registry_jobs_last_started_timestamp_seconds{task=\"notice-job\"}) > 26 * 3600"))
        .containsExactly("registry_jobs_last_started_timestamp_seconds");
    assertThat(PromQl.metricNames("max(a_b) > max(a_b offset 1d) and on() sum(rate(c_total[$__rate_interval])) == 0"))
        .containsExactly("a_b", "c_total");
  }

  @Test
  void readsSelectorsOutOfPromQl() {
    assertThat(PromQl.selectors("sum(rate(http_server_requests_seconds_count{job=\"isaa-registry\", status=~\"5..\"}[5m]))"
        + " / sum(rate(http_server_requests_seconds_count{job=\"isaa-registry\"}[5m])) > 0.05"))
        .containsExactly("http_server_requests_seconds_count{job=\"isaa-registry\", status=~\"5..\"}",
            "http_server_requests_seconds_count{job=\"isaa-registry\"}");
    assertThat(PromQl.selectors("max(a_b) > max(a_b offset 1d)")).containsExactly("a_b");
    assertThat(PromQl.withRegexLabelsOnlyPresent("h_count{job=\"isaa-registry\", status=~\"5..\", uri!~\"/x\"}"))
        .isEqualTo("h_count{job=\"isaa-registry\", status=~\".+\"}");
    assertThat(PromQl.withRegexLabelsOnlyPresent("h_count{uri!~\"/x\"}")).isEqualTo("h_count");
  }

  /**
   * Why no registry metric may carry a label named job or instance: the scrape keeps the exposed
   * one as exported_job, and a selector on job then selects nothing. The check that runs the
   * rules' selectors against the real scrape (MetricNamesIT) tells the two apart.
   */
  @Test
  void aLabelTheScrapeAlsoAttachesIsRenamedAndNoLongerSelected(@TempDir Path dir) throws Exception {
    List<Scrape.Series> stored = Scrape.asStored(
        Scrape.parse("# TYPE g gauge\ng{job=\"notice-job\",uri=\"/a\\\"b\"} 1.0\nh_total 3.0\n"),
        Map.of("job", "isaa-registry", "instance", "registry-1:8080"));
    assertThat(stored.get(0).labels()).containsExactlyInAnyOrderEntriesOf(Map.of(
        "exported_job", "notice-job", "uri", "/a\"b", "job", "isaa-registry", "instance", "registry-1:8080"));
    assertThat(stored.get(1).labels()).containsOnlyKeys("job", "instance");

    assertThat(SelectorCheck.run(dir, stored, List.of("g{exported_job=\"notice-job\"}", "h_total{job=\"isaa-registry\"}",
        "g{uri=~\"/b\"}")).exitCode()).isZero();
    Promtool.Result renamed = SelectorCheck.run(dir, stored, List.of("g{job=\"notice-job\"}"));
    assertThat(renamed.exitCode()).as(renamed.output()).isNotZero();
    assertThat(renamed.output()).contains("group(g{job=\\\"notice-job\\\"})");
  }
}
