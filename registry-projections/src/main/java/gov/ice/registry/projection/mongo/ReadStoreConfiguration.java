package gov.ice.registry.projection.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The read store's clients: a reactive one for the projections and queries, and a synchronous
 * one for Axon's {@code MongoTokenStore}, both on the same database. Declaring both clients makes
 * Spring Boot's own MongoDB auto-configuration step aside. Nothing here opens a session or a
 * transaction: mongo-java-server has neither; every write is an idempotent upsert by {@code _id}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReadStoreProperties.class)
public class ReadStoreConfiguration {

  /** The connection string in use: the configured one, or the embedded server started for this application. */
  public record ReadStoreEndpoint(String connectionString, String database, EmbeddedReadStore embedded) implements AutoCloseable {

    /** Makes the writes acknowledged so far durable: the embedded store commits its file; MongoDB acknowledged them durably. */
    public void commit() {
      if (embedded != null) {
        embedded.commit();
      }
    }

    @Override
    public void close() {
      if (embedded != null) {
        embedded.close();
      }
    }
  }

  /** The embedded store's file in the data directory, beside the ledger. */
  public static final String EMBEDDED_FILE = "read-models.mv.db";

  @Bean(destroyMethod = "close")
  ReadStoreEndpoint readStoreEndpoint(ReadStoreProperties properties, @Value("${registry.data-dir:./data}") Path dataDir) {
    if (properties.embedded()) {
      EmbeddedReadStore embedded = properties.inMemory()
          ? EmbeddedReadStore.start()
          : EmbeddedReadStore.start(dataDir.resolve(EMBEDDED_FILE));
      return new ReadStoreEndpoint(embedded.connectionString(), properties.database(), embedded);
    }
    return new ReadStoreEndpoint(properties.uri(), properties.database(), null);
  }

  @Bean(destroyMethod = "close")
  MongoClient readStoreClient(ReadStoreEndpoint endpoint) {
    return MongoClients.create(settings(endpoint));
  }

  @Bean(destroyMethod = "close")
  com.mongodb.client.MongoClient readStoreSyncClient(ReadStoreEndpoint endpoint) {
    return com.mongodb.client.MongoClients.create(settings(endpoint));
  }

  @Bean
  ReadStore readStore(@Qualifier("readStoreClient") MongoClient client, ReadStoreEndpoint endpoint) {
    ReadStore store = new ReadStore(client.getDatabase(endpoint.database()), endpoint::commit, endpoint.embedded() != null);
    store.dropUnusedIndexes();
    return store;
  }

  static MongoClientSettings settings(ReadStoreEndpoint endpoint) {
    return MongoClientSettings.builder()
        .applyConnectionString(new ConnectionString(endpoint.connectionString()))
        .applicationName("isaa-registry-projections")
        .build();
  }
}
