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
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
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
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator's files under deploy/, checked with tools that run here (no container engine, no
 * cluster): the alert rules by promtool, Alertmanager's configuration by amtool, the Kubernetes
 * manifests by the fabric8 model of the Kubernetes API (an unknown or misplaced field fails), and
 * what an operator relies on: compose's references, required secrets and ports, the proxies'
 * limits against the registry's, scrape discovery, hashed configuration, the dashboard's
 * structure. That every metric and label they select exists is {@link MetricNamesIT}'s business.
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
    assertThat(parsed).as("configuration comes from kustomize's generators (hashed names), never a plain ConfigMap or Secret")
        .noneMatch(r -> r instanceof ConfigMap || r instanceof Secret);
    checkScrapeDiscovery(parsed, deployment);
    checkIngresses(parsed);
  }

  /** Prometheus finds the management port: pod annotations, a Service for it alone, a ServiceMonitor on that Service. */
  private static void checkScrapeDiscovery(List<HasMetadata> parsed, Deployment deployment) throws IOException {
    var pod = deployment.getSpec().getTemplate();
    var management = pod.getSpec().getContainers().get(0).getPorts().stream()
        .filter(p -> "management".equals(p.getName())).findFirst().orElseThrow();
    Properties config = new Properties();
    try (var in = Files.newBufferedReader(DEPLOY.resolve("kubernetes/base/config.env"))) {
      config.load(in);
    }
    assertThat(config.getProperty("MANAGEMENT_SERVER_PORT")).isEqualTo(management.getContainerPort().toString());
    assertThat(pod.getMetadata().getAnnotations()).containsEntry("prometheus.io/scrape", "true")
        .containsEntry("prometheus.io/port", management.getContainerPort().toString())
        .containsEntry("prometheus.io/path", "/actuator/prometheus");

    List<Service> services = parsed.stream().filter(Service.class::isInstance).map(Service.class::cast).toList();
    Service api = services.stream().filter(x -> x.getMetadata().getName().equals("isaa-registry")).findFirst().orElseThrow();
    assertThat(api.getSpec().getPorts()).as("the API Service exposes no management port")
        .allSatisfy(p -> assertThat(p.getPort()).isNotEqualTo(management.getContainerPort()));
    Service monitoring = services.stream().filter(x -> x.getMetadata().getName().equals("isaa-registry-management")).findFirst()
        .orElseThrow();
    assertThat(monitoring.getSpec().getPorts()).singleElement().satisfies(p -> {
      assertThat(p.getPort()).isEqualTo(management.getContainerPort());
      assertThat(p.getTargetPort().getStrVal()).isEqualTo("management");
    });
    assertThat(pod.getMetadata().getLabels()).containsAllEntriesOf(monitoring.getSpec().getSelector());

    ServiceMonitor monitor = parsed.stream().filter(ServiceMonitor.class::isInstance).map(ServiceMonitor.class::cast).findFirst()
        .orElseThrow();
    assertThat(monitoring.getMetadata().getLabels()).containsAllEntriesOf(monitor.getSpec().getSelector().getMatchLabels());
    assertThat(monitor.getSpec().getEndpoints()).singleElement().satisfies(e -> {
      assertThat(e.getPort()).isEqualTo("management");
      assertThat(e.getPath()).isEqualTo("/actuator/prometheus");
    });
  }

  /** An Ingress for the API, and one for the bulk import that carries its size and its minutes. */
  private static void checkIngresses(List<HasMetadata> parsed) throws IOException {
    Map<String, Ingress> ingresses = new java.util.HashMap<>();
    parsed.stream().filter(Ingress.class::isInstance).map(Ingress.class::cast)
        .filter(i -> i.getMetadata().getAnnotations() != null && !i.getMetadata().getAnnotations().isEmpty())
        .forEach(i -> ingresses.put(i.getMetadata().getName(), i));
    Ingress api = ingresses.get("isaa-registry");
    Ingress imports = ingresses.get("isaa-registry-imports");
    assertThat(api).isNotNull();
    assertThat(imports).isNotNull();
    Limits limits = Limits.ofRegistry();
    String prefix = "nginx.ingress.kubernetes.io/";
    assertThat(Limits.bytes(api.getMetadata().getAnnotations().get(prefix + "proxy-body-size"))).isEqualTo(limits.discarded());
    assertThat(Limits.bytes(imports.getMetadata().getAnnotations().get(prefix + "proxy-body-size"))).isEqualTo(limits.importSize());
    assertThat(Integer.parseInt(imports.getMetadata().getAnnotations().get(prefix + "proxy-read-timeout")))
        .as("an import of 10,000 rows runs about 100 s").isGreaterThanOrEqualTo(300);
    assertThat(imports.getMetadata().getAnnotations()).containsEntry(prefix + "proxy-request-buffering", "off");
    for (Ingress ingress : List.of(api, imports)) {
      assertThat(ingress.getSpec().getIngressClassName()).isEqualTo("nginx");
      assertThat(ingress.getSpec().getRules()).singleElement().satisfies(rule -> assertThat(rule.getHttp().getPaths()).singleElement()
          .satisfies(path -> {
            assertThat(path.getBackend().getService().getName()).isEqualTo("isaa-registry");
            assertThat(path.getBackend().getService().getPort().getName()).isEqualTo("http");
          }));
    }
    assertThat(imports.getSpec().getRules().get(0).getHttp().getPaths().get(0).getPath()).isEqualTo("/api/agreements/imports");
  }

  /** The registry's body limits, from application.yml's defaults. */
  record Limits(long discarded, long importSize) {

    static Limits ofRegistry() throws IOException {
      String yml = Files.readString(DEPLOY.resolve("../registry-api/src/main/resources/application.yml"));
      return new Limits(bytes(defaultOf(yml, "REGISTRY_HTTP_MAX_DISCARDED_BODY_SIZE")), bytes(defaultOf(yml, "REGISTRY_HTTP_MAX_IMPORT_SIZE")));
    }

    private static String defaultOf(String yml, String variable) {
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\$\\{" + variable + ":([^}]+)}").matcher(yml);
      assertThat(m.find()).as(variable + " in application.yml").isTrue();
      return m.group(1);
    }

    /** 10MB, 10m, 64m: nginx's and Spring's sizes, in bytes (both count in 1024s). */
    static long bytes(String size) {
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)(\\d+)\\s*([km]?)b?").matcher(size.trim());
      assertThat(m.matches()).as(size).isTrue();
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2).toLowerCase()) {
        case "k" -> n * 1024;
        case "m" -> n * 1024 * 1024;
        default -> n;
      };
    }
  }

  @Test
  void nginxCarriesTheRegistrysLimitsAndStreamsTheImport() throws IOException {
    String conf = Files.readString(DEPLOY.resolve("nginx/nginx.conf"));
    Limits limits = Limits.ofRegistry();
    String server = conf.substring(conf.indexOf("server {"));
    String imports = block(conf, "location = /api/agreements/imports");
    assertThat(Limits.bytes(directive(server.replace(imports, ""), "client_max_body_size"))).isEqualTo(limits.discarded());
    assertThat(Limits.bytes(directive(imports, "client_max_body_size"))).isEqualTo(limits.importSize());
    assertThat(directive(imports, "proxy_request_buffering")).isEqualTo("off");
    assertThat(directive(imports, "proxy_buffering")).isEqualTo("off");
    assertThat(Integer.parseInt(directive(imports, "proxy_read_timeout").replace("s", ""))).isGreaterThanOrEqualTo(300);
    assertThat(directive(imports, "proxy_pass")).isEqualTo("http://registry");
    // Over the limit, the same problem+json the registry answers.
    assertThat(directive(server, "error_page")).isEqualTo("413 = @body_too_large");
    String problem = block(conf, "location @body_too_large");
    assertThat(problem).contains("application/problem+json").contains("tag:ice.gov,2026:isaa-registry/problems/body-too-large");
    new ObjectMapper().readTree(problem.substring(problem.indexOf("'{") + 1, problem.lastIndexOf("}'") + 1));
  }

  private static String block(String conf, String opening) {
    int start = conf.indexOf(opening);
    assertThat(start).as(opening).isNotNegative();
    return conf.substring(start, conf.indexOf("\n    }", start));
  }

  private static String directive(String block, String name) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^\\s*" + name + "\\s+([^;]+);").matcher(block);
    assertThat(m.find()).as(name + " in\n" + block).isTrue();
    return m.group(1).trim();
  }

  /**
   * The files a kustomization names exist, relative to it; a secret's env file, kept out of git,
   * has its committed {@code .example} instead. No generator opts out of the name's content hash.
   */
  private static void checkKustomization(Path file) throws IOException {
    JsonNode kustomization = STRICT_YAML.readTree(file.toFile());
    assertThat(kustomization.path("kind").asText()).as(file.toString()).isIn("Kustomization", "Component");
    List<String> referenced = new ArrayList<>();
    kustomization.path("resources").forEach(r -> referenced.add(r.asText()));
    kustomization.path("components").forEach(r -> referenced.add(r.asText()));
    kustomization.path("patches").forEach(p -> {
      if (p.has("path")) {
        referenced.add(p.get("path").asText());
      }
    });
    for (JsonNode generator : List.of(kustomization.path("secretGenerator"), kustomization.path("configMapGenerator"))) {
      generator.forEach(g -> {
        g.path("files").forEach(f -> referenced.add(f.asText().replaceFirst("^[^=]*=", "")));
        g.path("envs").forEach(f -> referenced.add(f.asText()));
        assertThat(g.path("options").path("disableNameSuffixHash").asBoolean(false))
            .as(file + ": " + g.path("name").asText() + " keeps its content hash, so a change rolls the pods").isFalse();
      });
    }
    kustomization.path("secretGenerator").forEach(g -> assertThat(g.has("literals"))
        .as(file + ": secret values never in git (" + g.path("name").asText() + ")").isFalse());
    assertThat(referenced).as(file + " names something").isNotEmpty();
    for (String path : referenced) {
      Path target = file.getParent().resolve(path);
      if (GITIGNORED_SECRETS.contains(DEPLOY.getParent().relativize(target.normalize()).toString())) {
        assertThat(Path.of(target + ".example")).as(file + " -> " + path + ".example").exists();
      } else {
        assertThat(target).as(file + " -> " + path).exists();
      }
    }
  }

  /** Files with secrets an operator writes beside the deploy files, named in .gitignore. */
  private static final Set<String> GITIGNORED_SECRETS = gitignored();

  private static Set<String> gitignored() {
    try {
      return Set.copyOf(Files.readAllLines(DEPLOY.getParent().resolve(".gitignore")).stream()
          .filter(l -> l.startsWith("deploy/")).toList());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
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
  void composeFileReferencesResolve(@TempDir Path dir) throws Exception {
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
    checkComposeOperations(composeFile, compose, scrape, dir);
  }

  /** Secrets required, ports on localhost but the load balancer's, Alertmanager wired to Prometheus with a receiver. */
  private static void checkComposeOperations(Path composeFile, JsonNode compose, JsonNode scrape, Path checked) throws Exception {
    String text = Files.readString(composeFile);
    assertThat(text).as("no secret falls back to a default").doesNotContainPattern("\\$\\{\\w+:?-")
        .doesNotContain("change-me");
    List<String> required = List.of("POSTGRES_PASSWORD", "GRAFANA_ADMIN_PASSWORD", "ALERT_WEBHOOK_URL");
    String example = Files.readString(DEPLOY.resolve(".env.example"));
    for (String variable : required) {
      assertThat(text).as(variable + " is required").containsPattern("\\$\\{" + variable + ":\\?[^}]+}");
      assertThat(example).as(".env.example lists " + variable).containsPattern("(?m)^" + variable + "=");
    }
    JsonNode services = compose.get("services");
    assertThat(services.path("registry-1").path("environment").path("REGISTRY_DATABASE_PASSWORD").asText())
        .startsWith("${POSTGRES_PASSWORD:?");
    assertThat(services.path("grafana").path("environment").path("GF_SECURITY_ADMIN_PASSWORD").asText())
        .startsWith("${GRAFANA_ADMIN_PASSWORD:?");
    services.fields().forEachRemaining(service -> service.getValue().path("ports").forEach(port -> {
      if (service.getKey().equals("lb")) {
        assertThat(port.asText()).isEqualTo("8080:8080");
      } else {
        assertThat(port.asText()).as(service.getKey() + " publishes on the host's loopback only").startsWith("127.0.0.1:");
      }
    }));
    assertThat(services.path("lb").path("ports")).hasSize(1);

    JsonNode alertmanager = services.path("alertmanager");
    assertThat(alertmanager.path("image").asText()).startsWith("prom/alertmanager:");
    assertThat(services.path("prometheus").path("depends_on").toString()).contains("alertmanager");
    assertThat(scrape.path("alerting").path("alertmanagers").get(0).path("static_configs").get(0).path("targets").toString())
        .contains("alertmanager:9093");
    String configName = alertmanager.path("configs").get(0).path("source").asText();
    assertThat(alertmanager.path("configs").get(0).path("target").asText()).isEqualTo("/etc/alertmanager/alertmanager.yml");
    assertThat(alertmanager.path("command").toString()).contains("--config.file=/etc/alertmanager/alertmanager.yml");
    JsonNode config = STRICT_YAML.readTree(compose.path("configs").path(configName).path("content").asText());
    Set<String> receivers = new java.util.HashSet<>();
    config.path("receivers").forEach(r -> receivers.add(r.path("name").asText()));
    assertThat(receivers).contains(config.path("route").path("receiver").asText());
    config.path("route").path("routes").forEach(r -> assertThat(receivers).contains(r.path("receiver").asText()));
    String url = config.path("receivers").get(0).path("webhook_configs").get(0).path("url").asText();
    assertThat(url).startsWith("${ALERT_WEBHOOK_URL:?");
    // Alertmanager's own check, on the configuration as compose hands it over with a URL filled in.
    Files.writeString(checked.resolve("alertmanager.yml"),
        compose.path("configs").path(configName).path("content").asText().replace(url, "https://hooks.example.internal/alerts"));
    assertThat(Promtool.amtool(checked, "check-config", "alertmanager.yml")).contains("SUCCESS");
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
