package gov.ice.registry.operations;

import io.micrometer.core.instrument.config.MeterFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Meter names and distributions (the SLO buckets are in application.yml, {@code management.metrics.distribution}). */
@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

  @Bean
  MeterFilter prometheusConventions() {
    return new PrometheusConventions();
  }
}
