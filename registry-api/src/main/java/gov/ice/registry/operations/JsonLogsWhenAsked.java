package gov.ice.registry.operations;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code REGISTRY_LOG_FORMAT=json} switches the console to structured JSON (Elastic Common Schema)
 * as the {@code production} profile does (application-production.yml). An environment post
 * processor runs before the logging system starts, so the very first line is JSON already. Every
 * JSON line names the service and its version ({@code service.name}, {@code service.version}):
 * the version comes from the build (META-INF/build-info.properties), unless {@code
 * logging.structured.ecs.service.version} says otherwise.
 */
class JsonLogsWhenAsked implements EnvironmentPostProcessor {

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    String format = environment.getProperty("REGISTRY_LOG_FORMAT", environment.getProperty("registry.log-format", ""));
    Map<String, Object> service = new HashMap<>();
    service.put("logging.structured.ecs.service.name", "${spring.application.name:isaa-registry}");
    buildVersion().ifPresent(version -> service.put("logging.structured.ecs.service.version", version));
    environment.getPropertySources().addLast(new MapPropertySource("registry-log-service", service));
    if ("json".equalsIgnoreCase(format.trim())) {
      environment.getPropertySources().addFirst(new MapPropertySource("registry-log-format",
          Map.of("logging.structured.format.console", "ecs")));
    }
  }

  private static Optional<String> buildVersion() {
    try (InputStream in = JsonLogsWhenAsked.class.getResourceAsStream("/META-INF/build-info.properties")) {
      if (in == null) {
        return Optional.empty();
      }
      Properties build = new Properties();
      build.load(in);
      return Optional.ofNullable(build.getProperty("build.version"));
    } catch (IOException unreadable) {
      return Optional.empty();
    }
  }
}
