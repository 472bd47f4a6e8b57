package gov.ice.registry.operations;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Micrometer meters named as Prometheus expects ({@code promtool check metrics} finds nothing):
 * snake_case names and label names, a help text on every metric, base units only.
 *
 * <p>Axon's dimensional meters are {@code commandBus.successTimer}, {@code
 * eventProcessor.ingestedCounter} and the like, tagged {@code payloadType} and {@code
 * processorName}. They become {@code axon.command_bus.handling{outcome}} (a timer per outcome;
 * the "all" timer is their sum and is dropped), {@code axon.command_bus.messages{outcome}} (the
 * counters) and {@code axon.command_bus.capacity}, tagged {@code payload_type} and {@code
 * processor_name}. Their client-side quantiles are dropped: a quantile cannot be aggregated across
 * instances; the registry's own {@code registry.commands} and {@code http.server.requests} carry
 * histograms with SLO buckets instead.
 */
final class PrometheusConventions implements MeterFilter {

  private static final Set<String> AXON_COMPONENTS = Set.of(
      "commandBus", "eventProcessor", "eventStore", "eventBus", "queryBus", "queryUpdateEmitter", "deadlineManager");
  private static final Pattern AXON_METER = Pattern.compile("([a-zA-Z]+)\\.([a-z]+)(Timer|Counter)");
  private static final Pattern CAMEL = Pattern.compile("([a-z0-9])([A-Z])");

  /**
   * Meters in units Prometheus has no base for and that cannot be converted by renaming: Axon's
   * processor latency gauge (milliseconds; the read side's lag gauges replace it), the JIT's
   * compilation time (milliseconds) and the process CPU time (nanoseconds; {@code
   * process.cpu.usage} remains).
   */
  private static final Set<String> NON_BASE_UNITS = Set.of("axon.event_processor.latency", "jvm.compilation.time", "process.cpu.time");

  private static final Map<String, String> AXON_HELP = Map.of(
      "handling", "Axon: time to handle a message, by outcome",
      "messages", "Axon: messages by outcome (ingested, processed, success, failure, ignored)",
      "capacity", "Axon: share of time the component was busy handling messages");

  /** Sees the names {@link #map} gave. */
  @Override
  public MeterFilterReply accept(Meter.Id id) {
    if (NON_BASE_UNITS.contains(id.getName())) {
      return MeterFilterReply.DENY;
    }
    if (id.getName().startsWith("axon.") && "all".equals(id.getTag("outcome"))) {
      return MeterFilterReply.DENY;
    }
    return MeterFilterReply.NEUTRAL;
  }

  /**
   * Micrometer caches a meter by its id before the filters, but not a meter this filter denies:
   * Axon builds its "all" timer for every message it handles, and each build mapped the name again
   * (regular expressions, a new id) on the command thread and on every read model's. The ids are
   * few (names by message type and outcome); past the bound they are mapped each time as before.
   */
  private final Map<Meter.Id, Meter.Id> mapped = new ConcurrentHashMap<>();
  private static final int MAPPED_BOUND = 10_000;

  @Override
  public Meter.Id map(Meter.Id id) {
    Meter.Id known = mapped.get(id);
    if (known != null) {
      return known;
    }
    Meter.Id result = mapOnce(id);
    if (mapped.size() < MAPPED_BOUND) {
      mapped.put(id, result);
    }
    return result;
  }

  private Meter.Id mapOnce(Meter.Id id) {
    String name = id.getName();
    List<Tag> tags = new ArrayList<>();
    for (Tag tag : id.getTagsAsIterable()) {
      tags.add(Tag.of(snake(tag.getKey()), tag.getValue()));
    }
    String description = id.getDescription();
    if (axon(name)) {
      String component = snake(name.substring(0, name.indexOf('.')));
      Matcher meter = AXON_METER.matcher(name);
      String metric;
      if (meter.matches()) {
        metric = "Timer".equals(meter.group(3)) ? "handling" : "messages";
        tags.add(Tag.of("outcome", meter.group(2)));
      } else {
        metric = snake(name.substring(name.indexOf('.') + 1));
      }
      name = "axon." + component + "." + metric;
      if (description == null || description.isBlank()) {
        description = AXON_HELP.getOrDefault(metric, "Axon: " + metric.replace('_', ' '));
      }
    } else if ("system.cpu.count".equals(name)) {
      // A gauge ending in _count reads as a summary's count to Prometheus's tools.
      name = "system.cpus";
    } else {
      name = snake(name);
    }
    if (description == null || description.isBlank()) {
      description = name.replace('.', ' ').replace('_', ' ');
    }
    return new Meter.Id(name, Tags.of(tags), id.getBaseUnit(), description, id.getType());
  }

  @Override
  public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
    if (id.getName().startsWith("axon.")) {
      return DistributionStatisticConfig.builder().percentiles(new double[0]).percentilesHistogram(false).build().merge(config);
    }
    return config;
  }

  private static boolean axon(String name) {
    int dot = name.indexOf('.');
    return dot > 0 && AXON_COMPONENTS.contains(name.substring(0, dot));
  }

  static String snake(String name) {
    return CAMEL.matcher(name).replaceAll("$1_$2").toLowerCase(Locale.ROOT);
  }
}
