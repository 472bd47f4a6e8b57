package gov.ice.registry.projection.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.Indexes;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;

/**
 * The embedded store declares no secondary index, and drops those an earlier version declared:
 * mongo-java-server never uses them, but reads every document again for each one whenever it
 * opens its file.
 */
class ReadStoreIndexesTest {

  private static final List<IndexModel> INDEXES = List.of(
      new IndexModel(Indexes.ascending("status", "titleSort")), new IndexModel(Indexes.ascending("kind")));

  @TempDir
  Path directory;

  @Test
  void aStoreThatUsesNoSecondaryIndexDeclaresNone() {
    try (EmbeddedReadStore server = EmbeddedReadStore.start(directory.resolve("read-models.mv.db"));
        MongoClient client = MongoClients.create(server.connectionString())) {
      ReadStore embedded = new ReadStore(client.getDatabase("registry"), server::commit, true);
      insert(embedded, "agreements", 3);

      embedded.createIndexes("agreements", INDEXES);

      assertThat(indexNames(embedded, "agreements")).containsExactly("_id_");
    }
  }

  @Test
  void aStoreThatUsesThemDeclaresEveryOne() {
    try (EmbeddedReadStore server = EmbeddedReadStore.start();
        MongoClient client = MongoClients.create(server.connectionString())) {
      ReadStore mongo = new ReadStore(client.getDatabase("registry"), () -> {}, false);
      insert(mongo, "agreements", 3);

      mongo.createIndexes("agreements", INDEXES);

      assertThat(indexNames(mongo, "agreements")).containsExactlyInAnyOrder("_id_", "status_1_titleSort_1", "kind_1");
    }
  }

  @Test
  void indexesAnEarlierVersionDeclaredAreDroppedOnceAndStayDroppedAcrossRestarts() {
    Path file = directory.resolve("read-models.mv.db");
    try (EmbeddedReadStore server = EmbeddedReadStore.start(file);
        MongoClient client = MongoClients.create(server.connectionString())) {
      ReadStore before = new ReadStore(client.getDatabase("registry"), server::commit, false);
      insert(before, "agreements", 50);
      insert(before, "approvals", 5);
      before.createIndexes("agreements", INDEXES);
      before.createIndexes("approvals", List.of(new IndexModel(Indexes.ascending("at"))));
      server.commit();
    }
    try (EmbeddedReadStore server = EmbeddedReadStore.start(file);
        MongoClient client = MongoClients.create(server.connectionString())) {
      ReadStore after = new ReadStore(client.getDatabase("registry"), server::commit, true);
      assertThat(indexNames(after, "agreements")).hasSize(3);

      after.dropUnusedIndexes();
      server.commit();

      assertThat(indexNames(after, "agreements")).containsExactly("_id_");
      assertThat(indexNames(after, "approvals")).containsExactly("_id_");
      assertThat(count(after, "agreements")).isEqualTo(50);
    }
    try (EmbeddedReadStore server = EmbeddedReadStore.start(file);
        MongoClient client = MongoClients.create(server.connectionString())) {
      ReadStore reopened = new ReadStore(client.getDatabase("registry"), server::commit, true);
      assertThat(indexNames(reopened, "agreements")).containsExactly("_id_");
      assertThat(count(reopened, "agreements")).isEqualTo(50);
      assertThat(count(reopened, "approvals")).isEqualTo(5);
    }
  }

  private static void insert(ReadStore store, String collection, int documents) {
    ReadStore.await(store.collection(collection).insertMany(IntStream.range(0, documents)
        .mapToObj(i -> new Document("_id", collection + "-" + i).append("status", "ACTIVE").append("kind", "MOU"))
        .toList()));
  }

  private static List<String> indexNames(ReadStore store, String collection) {
    return Flux.from(store.collection(collection).listIndexes()).map(index -> index.getString("name")).collectList().block();
  }

  private static long count(ReadStore store, String collection) {
    return ReadStore.await(store.collection(collection).countDocuments());
  }
}
