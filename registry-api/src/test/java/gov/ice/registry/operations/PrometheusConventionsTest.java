package gov.ice.registry.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PrometheusConventionsTest {

  @Test
  void axonsMetersBecomeSnakeCaseMetricsWithAnOutcomeLabelAndHelp() {
    PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    meters.config().meterFilter(new PrometheusConventions());
    Timer.builder("commandBus.successTimer").tag("payloadType", "SignAgreement").publishPercentiles(0.5, 0.99).register(meters)
        .record(Duration.ofMillis(5));
    Timer.builder("commandBus.allTimer").tag("payloadType", "SignAgreement").register(meters).record(Duration.ofMillis(5));
    Counter.builder("eventProcessor.ingestedCounter").tag("payloadType", "AgreementSigned").tag("processorName", "audit")
        .register(meters).increment();
    Gauge.builder("eventProcessor.latency", () -> 12).tag("processorName", "audit").register(meters);
    Gauge.builder("system.cpu.count", () -> 2).register(meters);

    String scrape = meters.scrape();

    assertThat(scrape)
        .contains("axon_command_bus_handling_seconds_count{outcome=\"success\",payload_type=\"SignAgreement\"} ")
        .contains("axon_event_processor_messages_total{outcome=\"ingested\",payload_type=\"AgreementSigned\",processor_name=\"audit\"} ")
        .contains("# HELP axon_command_bus_handling_seconds Axon: time to handle a message, by outcome")
        .contains("system_cpus ")
        .doesNotContain("outcome=\"all\"")
        .doesNotContain("quantile=")
        .doesNotContain("latency")
        .doesNotContain("payloadType")
        .doesNotContain("commandBus");
  }

  @Test
  void snakeCasesCamelCase() {
    assertThat(PrometheusConventions.snake("queryUpdateEmitter")).isEqualTo("query_update_emitter");
    assertThat(PrometheusConventions.snake("http.server.requests")).isEqualTo("http.server.requests");
  }
}
