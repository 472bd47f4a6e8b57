package gov.ice.registry.projection;

import static org.assertj.core.api.Assertions.assertThat;

import gov.ice.registry.projection.mongo.ReadStore;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import java.util.Set;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The read side is derived from the ledger: replaying it reproduces the live read models document
 * for document, and a read side stopped in the middle of a burst of commands, even one whose
 * documents ran ahead of its tokens, converges to that replay when it starts again.
 */
public class ReadSideConvergenceTest {

  static final ZoneId ZONE = ZoneId.of("America/New_York");

  TestReadStore mongo;
  DataSource ledger;
  MutableClock clock;

  @BeforeEach
  void start() {
    mongo = new TestReadStore();
    ledger = RegistryInstance.newLedger();
    clock = new MutableClock(Instant.parse("2026-11-22T15:00:00Z"), ZONE);
  }

  @AfterEach
  void stop() {
    mongo.close();
  }

  private RegistryInstance readSide(String database) {
    return RegistryInstance.start(ledger, clock, mongo.store(database), mongo.syncDatabase(database));
  }

  private Map<String, List<Document>> contents(String database) {
    return TestReadStore.contents(mongo.store(database), ProjectionDriver.COLLECTIONS);
  }

  public static void varied(Workload work, String prefix) {
    for (int i = 0; i < 6; i++) {
      work.importActive(prefix + "imp-" + i, "Party " + (i % 3), LocalDate.of(2023, 1 + i, 10), LocalDate.of(2030, 1, 1),
          LocalDate.of(2023, 1 + i, 10), null);
    }
    work.review(work.importActive(prefix + "rev", "Party 1", LocalDate.of(2022, 2, 28), null, LocalDate.of(2022, 2, 28), null),
        LocalDate.of(2024, 2, 29));
    work.lifecycle(prefix + "life", "Party 2", LocalDate.of(2026, 1, 15), LocalDate.of(2026, 11, 2));
    work.concurAll(work.draft(prefix + "draft", "Party 0", LocalDate.of(2027, 1, 1), null));
    work.exigent(prefix + "exi", "Fusion Center", LocalDate.of(2026, 7, 3));
  }

  @Test
  void rebuildingEveryProjectionFromTheLedgerReproducesTheLiveReadModels() {
    try (RegistryInstance registry = readSide("live")) {
      varied(new Workload(registry.commands(), registry.eventStore()), "");
      registry.awaitCaughtUp();
      Map<String, List<Document>> live = contents("live");
      assertThat(live.get("agreements")).hasSize(10);
      assertThat(live.get("approvals")).isNotEmpty();
      assertThat(live.get("exigentTransfers")).hasSize(1);

      registry.rebuildAll();
      registry.awaitCaughtUp();

      assertThat(contents("live")).isEqualTo(live);
    }
  }

  @Test
  void aReadSideStoppedDuringABurstConvergesToARebuildFromTheLedger() throws Exception {
    RegistryInstance writer = RegistryInstance.start(ledger, clock, null, null);
    Workload work = new Workload(writer.commands(), writer.eventStore());
    RegistryInstance readSide = readSide("live");
    AtomicInteger sent = new AtomicInteger();
    CompletableFuture<Void> burst = CompletableFuture.runAsync(() -> {
      for (int i = 0; i < 30; i++) {
        work.importActive("burst-" + i, "Party " + (i % 4), LocalDate.of(2024, 1 + i % 12, 1), null, LocalDate.of(2024, 1 + i % 12, 1), null);
        work.concurAll(work.draft("burst-draft-" + i, "Party " + (i % 4), null, null));
        sent.incrementAndGet();
      }
    });
    while (sent.get() < 10 && !burst.isDone()) {
      Thread.onSpinWait();
    }
    readSide.close();
    burst.get();

    // A crash can leave documents ahead of the tokens: move one projection's token back to the start.
    MongoTokenStore tokens = MongoTokenStore.builder()
        .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(mongo.syncDatabase("live")).build())
        .serializer(JacksonSerializer.defaultSerializer())
        .build();
    tokens.storeToken(GapAwareTrackingToken.newInstance(0, Set.of()), "repository", 0);

    try (RegistryInstance restarted = readSide("live"); RegistryInstance rebuilt = readSide("rebuilt")) {
      restarted.awaitCaughtUp();
      rebuilt.awaitCaughtUp();
      Map<String, List<Document>> converged = contents("live");
      assertThat(converged.get("agreements")).hasSize(60);
      assertThat(converged).isEqualTo(contents("rebuilt"));
    } finally {
      writer.close();
    }
  }
}
