package gov.ice.registry.projection.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import gov.ice.registry.projection.context.AgreementLedger;
import gov.ice.registry.projection.context.LedgerFold;
import gov.ice.registry.projection.processing.ReadModelFailures;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.StreamableMessageSource;
import org.junit.jupiter.api.Test;

/**
 * The search index's failures are counted as the other read models' are (the admin endpoint's
 * {@code failing}, {@code registry_read_model_failing} and {@code registry_read_model_failures}),
 * and cleared once a batch goes through; a rebuild a stop interrupted goes on at the next start.
 */
class SearchEngineRecoveryTest {

  static final Duration BOUND = Duration.ofSeconds(60);

  /** The ledger, unreachable while {@code broken} is set. */
  static StreamableMessageSource<TrackedEventMessage<?>> breakable(EventStore events, AtomicBoolean broken) {
    return new StreamableMessageSource<>() {
      @Override
      public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken token) {
        if (broken.get()) {
          throw new IllegalStateException("the ledger is unreachable");
        }
        return events.openStream(token);
      }

      @Override
      public TrackingToken createHeadToken() {
        return events.createHeadToken();
      }

      @Override
      public TrackingToken createTailToken() {
        return events.createTailToken();
      }
    };
  }

  @Test
  void aFailingIndexIsCountedAsFailingUntilABatchGoesThrough() throws Exception {
    EventStore events = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
    List<DomainEventMessage<?>> messages = SearchCorpus.interleaved(SearchCorpus.stories(10, 3));
    events.publish(messages);
    AtomicBoolean broken = new AtomicBoolean(true);
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    ReadModelFailures failures = new ReadModelFailures(Clock.systemUTC(), meters);
    Path dir = Files.createTempDirectory("registry-search-");
    AgreementSearchEngine engine = new AgreementSearchEngine(dir, breakable(events, broken), AgreementLedger.of(events), 50, failures);
    engine.start();
    try {
      await().atMost(BOUND).pollInterval(Duration.ofMillis(50))
          .until(() -> failures.failing(AgreementSearchEngine.NAME).map(f -> f.attempts() >= 2).orElse(false));
      assertThat(failures.failing(AgreementSearchEngine.NAME).orElseThrow().lastError()).contains("the ledger is unreachable");
      assertThat(meters.get("registry.read.model.failing").tag("read_model", AgreementSearchEngine.NAME).gauge().value()).isEqualTo(1);
      assertThat(meters.get("registry.read.model.failures").tag("read_model", AgreementSearchEngine.NAME).counter().count())
          .isGreaterThanOrEqualTo(2);
      assertThat(engine.error()).contains("the ledger is unreachable");

      broken.set(false);
      long head = events.createHeadToken().position().orElseThrow();
      await().atMost(BOUND).pollInterval(Duration.ofMillis(50))
          .until(() -> engine.position() != null && engine.position() >= head);
      await().atMost(BOUND).pollInterval(Duration.ofMillis(50))
          .until(() -> failures.failing(AgreementSearchEngine.NAME).isEmpty());
      assertThat(meters.get("registry.read.model.failing").tag("read_model", AgreementSearchEngine.NAME).gauge().value()).isZero();
      assertThat(engine.error()).isNull();
    } finally {
      engine.stop();
    }
  }

  @Test
  void aRebuildInterruptedByAStopGoesOnFromItsLastCommitAtTheNextStart() throws Exception {
    List<DomainEventMessage<?>> messages = SearchCorpus.interleaved(SearchCorpus.stories(60, 7));
    try (TestSearch search = TestSearch.start().publish(messages)) {
      List<AgreementDocument> before = search.contents();
      search.stop();
      String live = Files.readString(search.dir().resolve(AgreementSearchEngine.CURRENT)).trim();

      // What a stop in the middle of a rebuild leaves: a newer directory holding half the ledger, committed.
      String unfinished = "index-" + (Long.parseLong(live.substring("index-".length())) + 1);
      LuceneIndex half = new LuceneIndex(search.dir().resolve(unfinished));
      try (BlockingStream<TrackedEventMessage<?>> stream = search.events().openStream(null)) {
        List<TrackedEventMessage<?>> batch = new java.util.ArrayList<>();
        while (batch.size() < messages.size() / 2) {
          batch.add(stream.nextAvailable());
        }
        half.apply(batch, new LedgerFold(AgreementLedger.of(search.events())));
      }
      long halfway = half.position();
      half.close();

      search.open();
      // It goes on from where it stood (not from the start), and takes over once it reached the head.
      await().atMost(BOUND).pollInterval(Duration.ofMillis(20)).until(() -> !search.engine().rebuilding());
      assertThat(Files.readString(search.dir().resolve(AgreementSearchEngine.CURRENT)).trim()).isEqualTo(unfinished);
      // The replaced index is deleted once its loop has stopped.
      await().atMost(BOUND).pollInterval(Duration.ofMillis(20)).until(() -> !Files.exists(search.dir().resolve(live)));
      assertThat(halfway).isPositive();
      search.awaitCaughtUp();
      assertThat(search.contents()).isEqualTo(before);
    }
  }
}
