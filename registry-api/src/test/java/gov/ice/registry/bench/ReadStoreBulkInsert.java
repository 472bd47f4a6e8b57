package gov.ice.registry.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/**
 * The embedded read store's raw bulk insert rate: documents the size of an agreement's search
 * document, 1,000 a call, unordered, over the wire protocol, into the backend the registry uses
 * (the H2 MVStore backend where it is on the classpath, otherwise memory).
 */
final class ReadStoreBulkInsert {

  private ReadStoreBulkInsert() {}

  static double docsPerSecond(int documents) throws Exception {
    MongoServer server = new MongoServer(backend());
    InetSocketAddress address = server.bind();
    try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
      MongoCollection<Document> collection = client.getDatabase("bench").getCollection("raw");
      insert(collection, 0, Math.min(5_000, documents));
      collection.drop();
      long start = System.nanoTime();
      insert(collection, 0, documents);
      return documents / RegistryBenchmark.seconds(start);
    } finally {
      server.shutdownNow();
    }
  }

  private static void insert(MongoCollection<Document> collection, int from, int count) {
    String purpose = "Share law enforcement information with the Texas Department of Public Safety. ".repeat(8);
    for (int offset = 0; offset < count; offset += 1_000) {
      List<Document> batch = new ArrayList<>();
      for (int i = offset; i < Math.min(count, offset + 1_000); i++) {
        batch.add(new Document("_id", "agreement-" + (from + i)).append("version", 1L).append("status", "ACTIVE")
            .append("title", "Sharing of information with party " + i).append("purpose", purpose)
            .append("categories", List.of("LAW_ENFORCEMENT", "HOMELAND_SECURITY")).append("partyKinds", List.of("STATE"))
            .append("countries", List.of("US")).append("nextReviewDue", "2027-01-01"));
      }
      collection.insertMany(batch, new InsertManyOptions().ordered(false));
    }
  }

  private static MongoBackend backend() throws Exception {
    try {
      Class<?> h2 = Class.forName("de.bwaldvogel.mongo.backend.h2.H2Backend");
      Path file = Files.createTempFile("raw-read-store-", ".mv");
      Files.delete(file);
      return (MongoBackend) h2.getConstructor(String.class).newInstance(file.toString());
    } catch (ClassNotFoundException memoryOnly) {
      return new MemoryBackend();
    }
  }
}
