package gov.ice.registry.projection.processing;

import com.mongodb.client.model.Filters;
import gov.ice.registry.projection.mongo.ReadStore;
import gov.ice.registry.projection.repository.AgreementSearchEngine;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.bson.types.Binary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Where each read model stands against the ledger, and its rebuilds. A read model's position is
 * the lowest position of its segments; its lag is the ledger's head minus that position, in
 * events (global positions). It has caught up once its position reached the ledger's head as it
 * stood when this instance started, and stays so; a rebuild runs until its position reaches the
 * head as it stood when the rebuild was asked for and the rebuilt collection took over. Positions decide, not Axon's replay flag,
 * which stays set on an idle ledger until a new event arrives.
 *
 * <p>A rebuild names a new collection for the read model ({@link ReadStore#beginRebuild}), stops
 * its processor, resets its tokens (the reset handler turns its writes to the new collection) and
 * starts it again; queries read the previous collection until the rebuild has caught up, then the
 * new one ({@link ReadStore#completeRebuild}), so a search never answers from a half-built read model; only the read models of {@link TrackingProjections#GROUPS} can
 * be rebuilt: the webhook outbox never replays, so no notice is sent twice. A second rebuild of a
 * read model while one runs is refused ({@link RebuildRunning}).
 *
 * <p>Gauges {@code registry.read.model.position} and {@code registry.read.model.lag} (events),
 * tagged {@code read_model}.
 */
@Service
public class ProjectionRebuilder {

  /**
   * Where a read model stands; {@code position} and {@code lag} are null before its processor has a
   * position. {@code error} is the error a segment of its processor holds right now, if any.
   * {@code failing} says the read model's last batch attempt in this instance failed and none has
   * succeeded since; then {@code failedAttempts} counts the attempts in a row, {@code failingSince}
   * is the first one's time, {@code lastError} and {@code lastFailureAt} the last one's (all null
   * while it does not fail). See {@link ReadModelFailures}.
   */
  public record ProjectionStatus(String name, boolean running, Long position, Long lag, boolean caughtUp,
      boolean rebuilding, String error, boolean failing, Integer failedAttempts, Instant failingSince,
      String lastError, Instant lastFailureAt) {

    ProjectionStatus(String name, boolean running, Long position, Long lag, boolean caughtUp, boolean rebuilding,
        String error, Optional<ReadModelFailures.Failing> failing) {
      this(name, running, position, lag, caughtUp, rebuilding, error, failing.isPresent(),
          failing.map(ReadModelFailures.Failing::attempts).orElse(null),
          failing.map(ReadModelFailures.Failing::since).orElse(null),
          failing.map(ReadModelFailures.Failing::lastError).orElse(null),
          failing.map(ReadModelFailures.Failing::lastAt).orElse(null));
    }
  }

  /** A rebuild of {@code name} is running; the caller answers 409. */
  public static final class RebuildRunning extends RuntimeException {
    public RebuildRunning(String name) {
      super("A rebuild of " + name + " is running; ask again once it has caught up.");
    }
  }

  /** MongoTokenStore's collection (its default name), in the read store's database. */
  static final String TOKENS = "trackingtokens";
  /** A running rebuild logs where it stands at most this often. */
  static final java.time.Duration PROGRESS_EVERY = java.time.Duration.ofSeconds(10);

  private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilder.class);

  /** When a rebuild this instance runs began, and when it last logged its progress (System.nanoTime). */
  private record RebuildClock(long startedAt, long loggedAt) {}

  private final Map<String, RebuildClock> rebuildClocks = new ConcurrentHashMap<>();

  private final EventProcessingConfiguration processing;
  private final EventStore eventStore;
  private final ReadStore store;
  private final ObjectProvider<org.axonframework.config.Configuration> axon;
  private final AgreementSearchEngine search;
  private final ReadModelFailures failures;
  private volatile Long startHead;
  private final Map<String, Boolean> caughtUp = new ConcurrentHashMap<>();
  private final Map<String, Long> rebuildTargets = new ConcurrentHashMap<>();
  private final Map<String, AtomicBoolean> starting = new ConcurrentHashMap<>();

  public ProjectionRebuilder(EventProcessingConfiguration processing, @Lazy EventStore eventStore, ReadStore store,
      ObjectProvider<org.axonframework.config.Configuration> axon, ObjectProvider<MeterRegistry> meters,
      ObjectProvider<AgreementSearchEngine> search, ReadModelFailures failures) {
    this.axon = axon;
    this.search = search.getIfAvailable();
    this.failures = failures;
    this.processing = processing;
    this.eventStore = eventStore;
    this.store = store;
    meters.ifAvailable(registry -> {
      for (String name : names()) {
        Gauge.builder("registry.read.model.position", () -> orMinusOne(status(name).position()))
            .tag("read_model", name).description("The read model's position in the ledger (global index)")
            .register(registry);
        Gauge.builder("registry.read.model.lag", () -> orMinusOne(status(name).lag()))
            .tag("read_model", name).baseUnit("events").description("Events of the ledger the read model has not handled yet")
            .register(registry);
      }
    });
  }

  /** The ledger's head as this instance starts: the read models are ready once they reached it. */
  @EventListener(ContextRefreshedEvent.class)
  public void recordStartHead() {
    if (startHead == null) {
      startHead = head();
      // A rebuild an earlier run left unfinished goes on, and switches once it reached today's head.
      store.refresh();
      for (String name : TrackingProjections.GROUPS) {
        if (store.collections(TrackingProjections.COLLECTIONS.get(name)).building() != null) {
          rebuildTargets.put(name, startHead);
          log.info("Rebuild of read model {} resumed: an earlier run left it unfinished; it switches at ledger position {}",
              name, startHead);
        }
      }
    }
  }

  /**
   * Switches each read model whose rebuild reached the head as it stood when the rebuild was asked
   * for, and reloads the live collections another instance switched. Until then it is rebuilding.
   */
  @Scheduled(initialDelayString = "PT1S", fixedDelayString = "${registry.read-models.switch-check:PT1S}")
  public synchronized void completeRebuilds() {
    store.refresh();
    rebuildTargets.forEach((name, target) -> processor(name).filter(StreamingEventProcessor::isRunning).ifPresent(p -> {
      Long position = status(name).position();
      if (position != null && position >= target) {
        store.completeRebuild(TrackingProjections.COLLECTIONS.get(name));
        rebuildTargets.remove(name, target);
        RebuildClock clock = rebuildClocks.remove(name);
        log.info("Rebuild of read model {} done: it reached ledger position {} and now answers queries{}", name, target,
            clock == null ? "" : String.format(" (%.1f s)", (System.nanoTime() - clock.startedAt()) / 1e9));
      } else {
        logProgress(name, position, target);
      }
    }));
  }

  private void logProgress(String name, Long position, long target) {
    long now = System.nanoTime();
    RebuildClock clock = rebuildClocks.computeIfAbsent(name, n -> new RebuildClock(now, now));
    if (now - clock.loggedAt() < PROGRESS_EVERY.toNanos()) {
      return;
    }
    rebuildClocks.put(name, new RebuildClock(clock.startedAt(), now));
    log.info("Rebuild of read model {}: at ledger position {} of {} ({} s so far)", name, position == null ? "none yet" : position,
        target, (now - clock.startedAt()) / 1_000_000_000L);
  }

  /** The processors' read models, then the search index, which follows the ledger by a loop of its own. */
  public List<String> names() {
    if (search == null) {
      return TrackingProjections.GROUPS;
    }
    List<String> names = new ArrayList<>(TrackingProjections.GROUPS);
    names.add(AgreementSearchEngine.NAME);
    return names;
  }

  /** Empty when no read model has that name; an error {@link RebuildRunning} while one runs. Blocking work runs off the event loop. */
  public Mono<ProjectionStatus> rebuild(String name) {
    if (search != null && name.equals(AgreementSearchEngine.NAME)) {
      // The engine refuses a second rebuild itself (RebuildRunning); the new index takes over once it reached this head.
      return Mono.fromCallable(() -> {
        search.rebuild(head());
        return status(name);
      }).subscribeOn(Schedulers.boundedElastic());
    }
    return Mono.justOrEmpty(processor(name))
        .publishOn(Schedulers.boundedElastic())
        .map(processor -> {
          AtomicBoolean guard = starting.computeIfAbsent(name, n -> new AtomicBoolean());
          if (status(name).rebuilding() || !guard.compareAndSet(false, true)) {
            throw new RebuildRunning(name);
          }
          try {
            long target = head();
            store.beginRebuild(TrackingProjections.COLLECTIONS.get(name));
            processor.shutDown();
            resetTokens(processor);
            processor.start();
            // Only now: before, the stopped processor's old position would look like a finished rebuild.
            rebuildTargets.put(name, target);
            long now = System.nanoTime();
            rebuildClocks.put(name, new RebuildClock(now, now));
            log.info("Rebuild of read model {} started: replaying the ledger up to position {} into a new collection; "
                + "queries read the current one until it has caught up", name, target);
            return status(name);
          } finally {
            guard.set(false);
          }
        });
  }

  /**
   * Resets {@code processor} to the ledger's start. On a ledger without events the start Axon
   * asks the ledger for (its tail token) is null, and a processor that never handled an event
   * holds no token either: the reset would store a null token, which MongoTokenStore cannot
   * (a NullPointerException, answered 500). There the start is a position before every event
   * (-1): the reset handlers still run, and the first event is read whatever its position.
   */
  private void resetTokens(StreamingEventProcessor processor) {
    if (eventStore.createTailToken() != null) {
      processor.resetTokens();
    } else {
      processor.resetTokens(source -> GapAwareTrackingToken.newInstance(-1, java.util.List.of()));
    }
  }

  public Mono<List<ProjectionStatus>> statuses() {
    return Mono.fromCallable(() -> names().stream().map(this::status).toList())
        .subscribeOn(Schedulers.boundedElastic());
  }

  /** Blocking: reads the ledger's head. */
  public ProjectionStatus status(String name) {
    if (search != null && name.equals(AgreementSearchEngine.NAME)) {
      return searchStatus();
    }
    Optional<StreamingEventProcessor> found = processor(name);
    if (found.isEmpty()) {
      return new ProjectionStatus(name, false, null, null, false, false, "no processor", failures.failing(name));
    }
    StreamingEventProcessor processor = found.get();
    Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
    long head = head();
    if (startHead == null) {
      startHead = head;
    }
    // Segments another instance claims: their positions as stored in the token store.
    Long position = segments.isEmpty() ? storedPosition(name) : segments.values().stream()
        .map(s -> s.getCurrentPosition().orElse(-1))
        .min(Long::compare).orElse(null);
    Long lag = position == null ? null : Math.max(0, head - position);
    boolean reached = position != null && position >= startHead;
    boolean isCaughtUp = caughtUp.merge(name, reached, Boolean::logicalOr);
    boolean rebuilding = rebuildTargets.containsKey(name);
    String error = segments.values().stream().filter(EventTrackerStatus::isErrorState)
        .map(s -> String.valueOf(s.getError())).findFirst().orElse(null);
    return new ProjectionStatus(name, processor.isRunning(), position, lag, isCaughtUp && !rebuilding, rebuilding, error,
        failures.failing(name));
  }

  /**
   * Whether {@code name} has handled the ledger's event at {@code position} (the position a
   * command's answer names), so that its queries show that event. Every segment's token must
   * cover the position: with gap-aware tokens a position below the index can still be a gap, an
   * event committed after later ones, which is not handled yet. While a rebuild runs the queries
   * read the previous, frozen collection, which no newer event reaches. Blocking only where this
   * instance runs none of the segments (their stored tokens are read).
   */
  public boolean hasPassed(String name, long position) {
    if (search != null && name.equals(AgreementSearchEngine.NAME)) {
      // The live index keeps following the ledger while a rebuild fills another beside it.
      return covers(search.token(), position);
    }
    Optional<StreamingEventProcessor> found = processor(name);
    if (found.isEmpty() || rebuildTargets.containsKey(name)) {
      return false;
    }
    Map<Integer, EventTrackerStatus> segments = found.get().processingStatus();
    if (segments.isEmpty()) {
      Long stored = storedPosition(name);
      return stored != null && stored >= position;
    }
    return segments.values().stream().allMatch(segment -> covers(segment.getTrackingToken(), position));
  }

  static boolean covers(TrackingToken token, long position) {
    if (token == null) {
      return false;
    }
    Optional<GapAwareTrackingToken> gapAware = WrappedToken.unwrap(token, GapAwareTrackingToken.class);
    if (gapAware.isPresent()) {
      return gapAware.get().getIndex() >= position && !gapAware.get().getGaps().contains(position);
    }
    return token.position().orElse(-1) >= position;
  }

  /** The search index's position is the one its last commit holds: what a restart resumes from. */
  private ProjectionStatus searchStatus() {
    long head = head();
    if (startHead == null) {
      startHead = head;
    }
    Long position = search.position();
    Long lag = position == null ? null : Math.max(0, head - position);
    boolean isCaughtUp = caughtUp.merge(AgreementSearchEngine.NAME, position != null && position >= startHead, Boolean::logicalOr);
    // As for the processors: caught up, but not while a rebuild runs (the live index answers meanwhile).
    // Its loop retries a failed batch by itself, every second, and counts each failed attempt.
    return new ProjectionStatus(AgreementSearchEngine.NAME, search.isRunning(), position, lag,
        isCaughtUp && !search.rebuilding(), search.rebuilding(), search.error(), failures.failing(AgreementSearchEngine.NAME));
  }

  /** The lowest position the token store holds for {@code name}'s segments, read without claiming them; null if none. */
  private Long storedPosition(String name) {
    Serializer serializer = axon.getObject().serializer();
    return Flux.from(store.collection(TOKENS).find(Filters.eq("processorName", name)))
        .map(d -> {
          Binary token = d.get("token", Binary.class);
          if (token == null) {
            return -1L;
          }
          TrackingToken tracking = serializer.deserialize(
              new SimpleSerializedObject<>(token.getData(), byte[].class, d.getString("tokenType"), null));
          return tracking == null ? -1L : tracking.position().orElse(-1);
        })
        .reduce(Math::min)
        .block(ReadStore.WRITE_TIMEOUT);
  }

  private long head() {
    TrackingToken token = eventStore.createHeadToken();
    if (token == null) {
      return -1;
    }
    OptionalLong position = token.position();
    return position.isPresent() ? position.getAsLong() : -1;
  }

  private Optional<StreamingEventProcessor> processor(String name) {
    return names().contains(name) ? processing.eventProcessor(name, StreamingEventProcessor.class) : Optional.empty();
  }

  private static double orMinusOne(Long value) {
    return value == null ? -1 : value;
  }
}
