package gov.ice.registry.projection.processing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which read models fail, in this instance: every failed attempt of a batch is counted
 * ({@link #failed}), and a read model stays failing until a batch of the same segment commits
 * ({@link #succeeded}). The processor retries a failed segment with a growing pause (Axon's pooled
 * processor releases it for 1, 2, 4 ... seconds, at most 60), so a read model that cannot recover
 * keeps failing about once a minute: this is how it is seen, in the admin endpoint, in readiness
 * and in the metrics.
 *
 * <p>Metrics, tagged {@code read_model}: the counter {@code registry.read.model.failures} (failed
 * batch attempts) and the gauge {@code registry.read.model.failing} (1 while failing, else 0).
 */
public final class ReadModelFailures {

  private static final Logger log = LoggerFactory.getLogger(ReadModelFailures.class);

  /**
   * A read model failing since {@code since}: {@code attempts} failed attempts in a row, the last
   * at {@code lastAt} with {@code lastError}.
   */
  public record Failing(int attempts, Instant since, Instant lastAt, String lastError) {}

  private record Key(String readModel, int segment) {}

  private final Clock clock;
  private final Map<Key, Failing> failing = new ConcurrentHashMap<>();
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();

  public ReadModelFailures(Clock clock, MeterRegistry meters) {
    this.clock = Objects.requireNonNull(clock, "clock");
    if (meters != null) {
      List<String> names = new java.util.ArrayList<>(TrackingProjections.GROUPS);
      // The search index follows the ledger by a loop of its own, and reports its failures here too.
      names.add(gov.ice.registry.projection.repository.AgreementSearchEngine.NAME);
      for (String name : names) {
        counters.put(name, Counter.builder("registry.read.model.failures").tag("read_model", name)
            .description("Failed attempts of a read model's batches (each is retried after a growing pause)")
            .register(meters));
        Gauge.builder("registry.read.model.failing", () -> failing(name).isPresent() ? 1 : 0).tag("read_model", name)
            .description("1 while the read model fails: its last batch attempt failed and none succeeded since")
            .register(meters);
      }
    }
  }

  /** For tests and callers without metrics. */
  public ReadModelFailures() {
    this(Clock.systemUTC(), null);
  }

  /** An attempt of a batch of {@code readModel}'s {@code segment} failed with {@code error}. */
  public void failed(String readModel, int segment, Throwable error) {
    Instant now = clock.instant();
    String message = describe(error);
    Failing current = failing.merge(new Key(readModel, segment), new Failing(1, now, now, message),
        (before, next) -> new Failing(before.attempts() + 1, before.since(), now, message));
    Counter counter = counters.get(readModel);
    if (counter != null) {
      counter.increment();
    }
    log.warn("Read model {} (segment {}) failed, attempt {} since {}: {}", readModel, segment, current.attempts(),
        current.since(), message);
  }

  /** A batch of {@code readModel}'s {@code segment} committed: that segment fails no more. */
  public void succeeded(String readModel, int segment) {
    Failing was = failing.remove(new Key(readModel, segment));
    if (was != null) {
      log.info("Read model {} (segment {}) recovered after {} failed attempts since {}", readModel, segment,
          was.attempts(), was.since());
    }
  }

  /** How {@code readModel} fails, over its segments (the most attempts, the earliest since, the latest error), or empty. */
  public Optional<Failing> failing(String readModel) {
    List<Failing> segments = failing.entrySet().stream().filter(e -> e.getKey().readModel().equals(readModel))
        .map(Map.Entry::getValue).toList();
    if (segments.isEmpty()) {
      return Optional.empty();
    }
    Failing latest = segments.stream().max(Comparator.comparing(Failing::lastAt)).orElseThrow();
    int attempts = segments.stream().mapToInt(Failing::attempts).max().orElse(0);
    Instant since = segments.stream().map(Failing::since).min(Comparator.naturalOrder()).orElseThrow();
    return Optional.of(new Failing(attempts, since, latest.lastAt(), latest.lastError()));
  }

  /** The exception's class and message, and its root cause's when it differs: what an operator needs first. */
  static String describe(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String outer = error.getClass().getSimpleName() + ": " + error.getMessage();
    String text = root == error ? outer : outer + " (cause: " + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    // A document in the message can be long; the start names the problem.
    return text.length() > 1000 ? text.substring(0, 1000) + "…" : text;
  }
}
