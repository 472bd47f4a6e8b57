package gov.ice.registry.eventstore;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import gov.ice.registry.agreement.LedgerReader;
import gov.ice.registry.agreement.api.Actor;
import gov.ice.registry.agreement.api.AgreementDirectory;
import gov.ice.registry.serialization.RegistryJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The ledger: Axon's JDBC event store and token store on H2 (embedded default) or PostgreSQL,
 * events serialized as JSON, and the metadata every event carries. The tables come from Flyway's
 * migrations in {@code db/migration/h2} or {@code db/migration/postgresql}, which Spring Boot runs
 * on this data source before any bean marked {@link DependsOnDatabaseInitialization} is created.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LedgerProperties.class)
class LedgerConfiguration {

  private static final Logger log = LoggerFactory.getLogger(LedgerConfiguration.class);

  @Bean(destroyMethod = "close")
  DataSource ledgerDataSource(LedgerProperties ledger, @Value("${registry.data-dir:./data}") Path dataDir) throws Exception {
    String url = ledger.jdbcUrl(dataDir);
    if (ledger.embedded()) {
      Files.createDirectories(dataDir);
    }
    HikariConfig config = new HikariConfig();
    config.setPoolName("ledger");
    config.setJdbcUrl(url);
    if (!ledger.embedded()) {
      config.setUsername(ledger.username());
      config.setPassword(ledger.password());
    } else {
      config.setUsername("sa");
      config.setPassword("");
    }
    // Short timeouts: when the store is unreachable a request fails with 503 within seconds
    // instead of holding a connection slot and the caller for the default 30 s.
    config.setConnectionTimeout(ledger.connectionTimeout().toMillis());
    config.setValidationTimeout(Math.min(1000, ledger.connectionTimeout().toMillis()));
    config.setMaximumPoolSize(ledger.maximumPoolSize());
    config.setInitializationFailTimeout(-1);
    config.setAutoCommit(true);
    log.info("Ledger on {}", url.replaceAll("password=[^;&]*", "password=***"));
    return new HikariDataSource(config);
  }

  @Bean
  H2Compaction h2Compaction(DataSource ledgerDataSource, LedgerDialect dialect) {
    return new H2Compaction(ledgerDataSource, dialect);
  }

  /**
   * The migrations for the ledger's database, chosen from its URL. Spring Boot's own
   * {@code {vendor}} placeholder would ask a connection for it while the beans are created, before
   * Flyway's connect retries apply: an H2 file opening on a busy machine then failed the start.
   */
  @Bean
  FlywayConfigurationCustomizer ledgerMigrations(LedgerDialect dialect) {
    return configuration -> configuration.locations(dialect.migrations);
  }

  @Bean
  LedgerDialect ledgerDialect(LedgerProperties ledger, @Value("${registry.data-dir:./data}") Path dataDir) {
    return LedgerDialect.of(ledger.jdbcUrl(dataDir));
  }

  @Bean
  @Primary
  Serializer serializer() {
    return RegistryJson.serializer();
  }

  @Bean
  @Qualifier("eventSerializer")
  Serializer eventSerializer() {
    return RegistryJson.serializer();
  }

  @Bean
  @Qualifier("messageSerializer")
  Serializer messageSerializer() {
    return RegistryJson.serializer();
  }

  /** The JDBC ledger, unless Axon Server is switched on: then Axon Server is the event store (docs/operations.md, "Running it"). */
  @Bean
  @DependsOnDatabaseInitialization
  @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
  EventStorageEngine eventStorageEngine(
      ConnectionProvider connectionProvider,
      TransactionManager transactionManager,
      PersistenceExceptionResolver persistenceExceptionResolver,
      @Qualifier("eventSerializer") Serializer eventSerializer,
      // Rows per fetch: a replay of a million events is a thousand queries, not Axon's default ten thousand.
      @Value("${registry.ledger.batch-size:1000}") int batchSize) {
    JdbcEventStorageEngine engine = JdbcEventStorageEngine.builder()
        .batchSize(batchSize)
        .connectionProvider(connectionProvider)
        .transactionManager(transactionManager)
        .persistenceExceptionResolver(persistenceExceptionResolver)
        .eventSerializer(eventSerializer)
        .snapshotSerializer(eventSerializer)
        .schema(EventSchema.builder().build())
        .build();
    return engine;
  }

  @Bean
  @DependsOnDatabaseInitialization
  TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer) {
    return JdbcTokenStore.builder()
        .connectionProvider(connectionProvider)
        .serializer(serializer)
        .schema(TokenSchema.builder().build())
        .build();
  }

  @Bean
  CorrelationDataProvider messageOriginProvider() {
    return new MessageOriginProvider();
  }

  /** Who acted, and in which request: copied from the command onto every event it records. */
  @Bean
  CorrelationDataProvider actorCorrelationDataProvider() {
    return new SimpleCorrelationDataProvider(Actor.USERNAME, Actor.DISPLAY_NAME, Actor.ROLES, LedgerMetadata.REQUEST_ID);
  }

  @Bean
  Clock clock(@Value("${registry.zone:America/New_York}") String zone) {
    return Clock.system(ZoneId.of(zone));
  }

  /**
   * Also the {@link AgreementDirectory} the aggregate's handlers take: one bean of that type, or
   * Axon cannot resolve the parameter.
   */
  @Bean
  LedgerReader ledgerReader(EventStore eventStore) {
    return new LedgerReader(eventStore);
  }
}
