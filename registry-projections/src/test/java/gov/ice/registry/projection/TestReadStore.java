package gov.ice.registry.projection;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import gov.ice.registry.projection.mongo.EmbeddedReadStore;
import gov.ice.registry.projection.mongo.ReadStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import reactor.core.publisher.Flux;

/** A real mongo-java-server on a loopback port, with the reactive and sync clients the application uses. */
public final class TestReadStore implements AutoCloseable {

  private final EmbeddedReadStore server = EmbeddedReadStore.start();
  private final MongoClient client = MongoClients.create(server.connectionString());
  private final com.mongodb.client.MongoClient syncClient = com.mongodb.client.MongoClients.create(server.connectionString());

  public ReadStore store(String database) {
    return new ReadStore(client.getDatabase(database));
  }

  public com.mongodb.client.MongoDatabase syncDatabase(String database) {
    return syncClient.getDatabase(database);
  }

  /** Every document of every read model (its live collection), by read model collection and id, for comparisons. */
  public static Map<String, List<Document>> contents(ReadStore store, List<String> collections) {
    Map<String, List<Document>> contents = new TreeMap<>();
    store.refresh();
    for (String collection : collections) {
      List<Document> documents = Flux.from(store.live(collection).find().sort(new Document("_id", 1)))
          .collectList().block();
      contents.put(collection, new ArrayList<>(documents));
    }
    return contents;
  }

  @Override
  public void close() {
    client.close();
    syncClient.close();
    server.close();
  }
}
