package gov.ice.registry.projection.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.reactivestreams.client.MongoCollection;
import gov.ice.registry.projection.mongo.ReadStore;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import gov.ice.registry.projection.TestReadStore;

/** A batch's lookups of stored documents, on the embedded store over the wire. */
class ReadModelBatchTest {

  @Test
  void theBatchsAgreementsAreReadTogetherOnceAndOthersByIdAlone() {
    try (TestReadStore mongo = new TestReadStore()) {
      readTogether(mongo.store("batch"));
    }
  }

  private static void readTogether(ReadStore store) {
    MongoCollection<Document> contexts = store.collection("contexts");
    ReadStore.await(contexts.insertOne(new Document("_id", "a").append("version", 3L)));
    ReadStore.await(contexts.insertOne(new Document("_id", "outside").append("version", 1L)));
    ReadModelBatch batch = new ReadModelBatch(Set.of("a", "b"));

    assertThat(batch.stored(contexts, "a").getLong("version")).isEqualTo(3L);
    assertThat(batch.stored(contexts, "b")).as("missing, read with a").isNull();

    // Read together with the first lookup: what is stored since is not seen by this batch, whose
    // own documents are pending in it; an id outside the batch's agreements is read when asked.
    ReadStore.await(contexts.insertOne(new Document("_id", "b").append("version", 1L)));
    ReadStore.await(contexts.insertOne(new Document("_id", "later").append("version", 2L)));
    assertThat(batch.stored(contexts, "b")).isNull();
    assertThat(batch.stored(contexts, "outside").getLong("version")).isEqualTo(1L);
    assertThat(batch.stored(contexts, "later").getLong("version")).isEqualTo(2L);

    // Another collection of the same batch is read on its own.
    MongoCollection<Document> documents = store.collection("documents");
    ReadStore.await(documents.insertOne(new Document("_id", "b").append("version", 5L)));
    assertThat(batch.stored(documents, "b").getLong("version")).isEqualTo(5L);
    assertThat(batch.stored(documents, "a")).isNull();
  }
}
