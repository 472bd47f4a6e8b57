package gov.ice.registry.projection.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import gov.ice.registry.projection.mongo.ReadStore;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import gov.ice.registry.projection.Workload;
import gov.ice.registry.projection.TestReadStore;
import gov.ice.registry.projection.RegistryInstance;
import gov.ice.registry.projection.ReadSideConvergenceTest;
import gov.ice.registry.projection.ProjectionDriver;
import gov.ice.registry.projection.MutableClock;

/**
 * A batch whose write fails leaves its token where it was: the batch is processed again until
 * the write succeeds, and the read models then equal a rebuild from the ledger. The failure is
 * the store's commit after the batch's documents were written and before the token would move,
 * the last step of a batch's write.
 */
class FailedFlushTest {

  /**
   * The read models whose batches write. Not notices: the workload records no notice, and notices
   * keeps a context only from an agreement's first notice on.
   */
  static final List<String> WRITING = List.of("repository", "reviews", "exigent", "audit");

  TestReadStore mongo;
  DataSource ledger;
  MutableClock clock;

  @BeforeEach
  void start() {
    mongo = new TestReadStore();
    ledger = RegistryInstance.newLedger();
    clock = new MutableClock(Instant.parse("2026-11-22T15:00:00Z"), ZoneId.of("America/New_York"));
  }

  @AfterEach
  void stop() {
    mongo.close();
  }

  @Test
  void aBatchWhoseWriteFailsKeepsItsTokenAndIsProcessedAgain() {
    AtomicBoolean failing = new AtomicBoolean(true);
    AtomicInteger failures = new AtomicInteger();
    ReadStore failingStore = new ReadStore(mongo.store("live").database(), () -> {
      if (failing.get()) {
        failures.incrementAndGet();
        throw new IllegalStateException("the read store could not commit");
      }
    });
    try (RegistryInstance writer = RegistryInstance.start(ledger, clock, null, null)) {
      ReadSideConvergenceTest.varied(new Workload(writer.commands(), writer.eventStore()), "");

      try (RegistryInstance readSide = RegistryInstance.start(ledger, clock, failingStore, mongo.syncDatabase("live"))) {
        // The read models with something to write failed their batch twice each on average: retried, not skipped.
        await().atMost(Duration.ofSeconds(60)).until(() -> failures.get() >= 2 * WRITING.size());
      }
      MongoTokenStore tokens = MongoTokenStore.builder()
          .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(mongo.syncDatabase("live")).build())
          .serializer(JacksonSerializer.defaultSerializer())
          .build();
      long head = writer.eventStore().createHeadToken().position().orElseThrow();
      for (String group : WRITING) {
        TrackingToken token = tokens.fetchToken(group, 0);
        assertThat(token == null ? -1 : token.position().orElse(-1)).as(group).isLessThan(head);
        tokens.releaseClaim(group, 0);
      }

      failing.set(false);
      try (RegistryInstance healed = RegistryInstance.start(ledger, clock, failingStore, mongo.syncDatabase("live"));
          RegistryInstance rebuilt = RegistryInstance.start(ledger, clock, mongo.store("rebuilt"), mongo.syncDatabase("rebuilt"))) {
        healed.awaitCaughtUp();
        rebuilt.awaitCaughtUp();
        Map<String, List<Document>> live = TestReadStore.contents(mongo.store("live"), ProjectionDriver.COLLECTIONS);
        assertThat(live.get("agreements")).hasSize(10);
        assertThat(live).isEqualTo(TestReadStore.contents(mongo.store("rebuilt"), ProjectionDriver.COLLECTIONS));
      }
    }
  }
}
