package gov.ice.registry.operations;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code REGISTRY_LOG_FORMAT=json} switches the console to structured JSON (Elastic Common Schema)
 * as the {@code production} profile does (application-production.yml). An environment post
 * processor runs before the logging system starts, so the very first line is JSON already.
 */
class JsonLogsWhenAsked implements EnvironmentPostProcessor {

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    String format = environment.getProperty("REGISTRY_LOG_FORMAT", environment.getProperty("registry.log-format", ""));
    if ("json".equalsIgnoreCase(format.trim())) {
      environment.getPropertySources().addFirst(new MapPropertySource("registry-log-format",
          Map.of("logging.structured.format.console", "ecs")));
    }
  }
}
