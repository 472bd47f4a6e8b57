package gov.ice.registry.projection.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The read store's clients: a reactive one for the projections and queries, and a synchronous
 * one for Axon's {@code MongoTokenStore}, both on the same database. Declaring both clients makes
 * Spring Boot's own MongoDB auto-configuration step aside. Nothing here opens a session or a
 * transaction: mongo-java-server has neither, and every write is a single-document upsert.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReadStoreProperties.class)
public class ReadStoreConfiguration {

  /** The connection string in use: the configured one, or the embedded server started for this application. */
  public record ReadStoreEndpoint(String connectionString, String database, EmbeddedReadStore embedded) implements AutoCloseable {

    @Override
    public void close() {
      if (embedded != null) {
        embedded.close();
      }
    }
  }

  @Bean(destroyMethod = "close")
  ReadStoreEndpoint readStoreEndpoint(ReadStoreProperties properties) {
    if (properties.embedded()) {
      EmbeddedReadStore embedded = EmbeddedReadStore.start();
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
    return new ReadStore(client.getDatabase(endpoint.database()));
  }

  static MongoClientSettings settings(ReadStoreEndpoint endpoint) {
    return MongoClientSettings.builder()
        .applyConnectionString(new ConnectionString(endpoint.connectionString()))
        .applicationName("isaa-registry-projections")
        .build();
  }
}
