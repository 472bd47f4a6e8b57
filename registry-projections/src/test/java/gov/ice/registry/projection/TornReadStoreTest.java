package gov.ice.registry.projection;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import gov.ice.registry.projection.mongo.EmbeddedReadStore;
import gov.ice.registry.projection.mongo.ReadStore;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import gov.ice.registry.projection.processing.TrackingProjections;

/**
 * The embedded store's file after a kill -9 between mongo-java-server's two puts of a document
 * (the collection's map, then its {@code _id} index's) with a commit of the MVStore between them,
 * and tokens that had not moved past the batches written (the observed crash of issue 19: the
 * audit read model failed in a loop on "Document with key ... already existed"). The store
 * repairs its indexes as it opens, the processed range is handled again, and the read models come
 * out document for document as they were, with no error and nothing doubled.
 */
class TornReadStoreTest {

  static final String DATABASE = "registry";
  /** The read models' own collections, not the tokens' or the collections' register. */
  static final List<String> TORN = ProjectionDriver.COLLECTIONS;

  @TempDir
  Path dir;

  @Test
  void aTornIdIndexIsRepairedAndAnUnconfirmedRangeAppliesAgainWithNoErrorAndNoDouble() {
    Path file = dir.resolve("read-models.mv.db");
    DataSource ledger = RegistryInstance.newLedger();
    MutableClock clock = new MutableClock(Instant.parse("2026-11-22T15:00:00Z"), ZoneId.of("America/New_York"));
    Map<String, List<Document>> before;
    try (DurableStore read = new DurableStore(file);
        RegistryInstance registry = RegistryInstance.start(ledger, clock, read.store, read.tokens())) {
      ReadSideConvergenceTest.varied(new Workload(registry.commands(), registry.eventStore()), "");
      registry.awaitCaughtUp();
      before = TestReadStore.contents(read.store, ProjectionDriver.COLLECTIONS);
    }
    assertThat(before.get("approvals")).hasSizeGreaterThan(10);

    Map<String, Integer> torn = tear(file);
    assertThat(torn).as("entries removed from each read model's _id index").containsKeys(DATABASE + ".approvals", DATABASE + ".agreements");

    try (DurableStore read = new DurableStore(file)) {
      rewindEveryToken(read.tokens());
      try (RegistryInstance restarted = RegistryInstance.start(ledger, clock, read.store, read.tokens())) {
        restarted.awaitCaughtUp();
        assertThat(TestReadStore.contents(read.store, ProjectionDriver.COLLECTIONS)).isEqualTo(before);
      }
    }
  }

  @Test
  void theSameEventsAppliedTwiceLeaveTheSameDocuments() {
    try (TestReadStore mongo = new TestReadStore()) {
      ReadStore store = mongo.store("twice");
      DataSource ledger = RegistryInstance.newLedger();
      MutableClock clock = new MutableClock(Instant.parse("2026-11-22T15:00:00Z"), ZoneId.of("America/New_York"));
      Map<String, List<Document>> once;
      try (RegistryInstance registry = RegistryInstance.start(ledger, clock, store, mongo.syncDatabase("twice"))) {
        ReadSideConvergenceTest.varied(new Workload(registry.commands(), registry.eventStore()), "");
        registry.awaitCaughtUp();
        once = TestReadStore.contents(store, ProjectionDriver.COLLECTIONS);
      }
      // Written, but the tokens never moved: the whole processed range is delivered again.
      rewindEveryToken(mongo.syncDatabase("twice"));
      try (RegistryInstance again = RegistryInstance.start(ledger, clock, store, mongo.syncDatabase("twice"))) {
        again.awaitCaughtUp();
        assertThat(TestReadStore.contents(store, ProjectionDriver.COLLECTIONS)).isEqualTo(once);
      }
    }
  }

  /** Every read model's tokens back to the start of the ledger, as if none of its batches had been confirmed. */
  private static void rewindEveryToken(com.mongodb.client.MongoDatabase tokens) {
    MongoTokenStore store = MongoTokenStore.builder()
        .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(tokens).build())
        .serializer(JacksonSerializer.defaultSerializer())
        .build();
    for (String group : TrackingProjections.GROUPS) {
      for (int segment : store.fetchSegments(group)) {
        store.storeToken(GapAwareTrackingToken.newInstance(-1, Set.of()), group, segment);
      }
    }
  }

  /**
   * Removes every other entry of each read model's {@code _id} index in the file, as a commit
   * between the document's put and its index's leaves it; answers how many by collection.
   */
  private static Map<String, Integer> tear(Path file) {
    Map<String, Integer> removed = new TreeMap<>();
    MVStore mvStore = MVStore.open(file.toString());
    try {
      for (String name : mvStore.getMapNames()) {
        String collection = name.replace("._index__id_", "");
        boolean readModel = TORN.stream().anyMatch(c -> collection.equals(DATABASE + "." + c));
        if (!name.endsWith("._index__id_") || !readModel) {
          continue;
        }
        MVMap<Object, Object> index = mvStore.openMap(name);
        List<Object> keys = new ArrayList<>(index.keySet());
        for (int i = 0; i < keys.size(); i += 2) {
          index.remove(keys.get(i));
        }
        removed.put(collection, (keys.size() + 1) / 2);
      }
      mvStore.commit();
    } finally {
      mvStore.close();
    }
    removed.values().removeIf(n -> n == 0);
    return removed;
  }

  /** The embedded store on a file, with the clients the application uses, as the application opens it. */
  private static final class DurableStore implements AutoCloseable {

    final EmbeddedReadStore server;
    final MongoClient client;
    final com.mongodb.client.MongoClient syncClient;
    final ReadStore store;

    DurableStore(Path file) {
      server = EmbeddedReadStore.start(file);
      client = MongoClients.create(server.connectionString());
      syncClient = com.mongodb.client.MongoClients.create(server.connectionString());
      store = new ReadStore(client.getDatabase(DATABASE), server::commit, true);
    }

    com.mongodb.client.MongoDatabase tokens() {
      return syncClient.getDatabase(DATABASE);
    }

    @Override
    public void close() {
      client.close();
      syncClient.close();
      server.close();
    }
  }
}
