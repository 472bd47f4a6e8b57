package gov.ice.registry.projection;

import static org.awaitility.Awaitility.await;

import gov.ice.registry.agreement.AgreementModule;
import gov.ice.registry.agreement.LedgerReader;
import gov.ice.registry.agreement.api.AgreementDirectory;
import gov.ice.registry.projection.audit.ApprovalProjection;
import gov.ice.registry.projection.cycle.CycleTimeIndex;
import gov.ice.registry.projection.cycle.CycleTimeProjection;
import gov.ice.registry.projection.exigent.ExigentDeadlineProjection;
import gov.ice.registry.projection.mongo.ReadStore;
import gov.ice.registry.projection.notices.NoticeProjection;
import gov.ice.registry.projection.repository.AgreementRepositoryProjection;
import gov.ice.registry.projection.reviews.ReviewProjection;
import gov.ice.registry.serialization.RegistryJson;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.serialization.json.JacksonSerializer;
import org.h2.jdbcx.JdbcDataSource;
import gov.ice.registry.projection.processing.TrackingProjections;
import gov.ice.registry.projection.processing.ReadModelProperties;
import gov.ice.registry.projection.processing.ReadModelFailures;
import gov.ice.registry.projection.context.AgreementLedger;

/**
 * One running registry without Spring or HTTP: the real agreement aggregate on Axon's JDBC event
 * store (H2, shared between instances like the production database), and, when asked, the read
 * models on their pooled streaming processors with their tokens in MongoDB, exactly as
 * {@link TrackingProjections} registers them in the application.
 */
public final class RegistryInstance implements AutoCloseable {

  private final Configuration configuration;

  private RegistryInstance(Configuration configuration) {
    this.configuration = configuration;
  }

  /** A new, empty ledger database with Axon's tables. */
  public static DataSource newLedger() {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:ledger-" + UUID.randomUUID() + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1");
    engine(dataSource).createSchema(PostgresEventTableFactory.INSTANCE);
    return dataSource;
  }

  private static JdbcEventStorageEngine engine(DataSource ledger) {
    return JdbcEventStorageEngine.builder()
        .connectionProvider(new DataSourceConnectionProvider(ledger))
        .transactionManager(NoTransactionManager.INSTANCE)
        .eventSerializer(RegistryJson.serializer())
        .snapshotSerializer(RegistryJson.serializer())
        .persistenceExceptionResolver(new SQLStateResolver())
        .build();
  }

  /** Starts an instance; {@code store} null means no read models (a command-side-only instance). */
  public static RegistryInstance start(DataSource ledger, Clock clock, ReadStore store, com.mongodb.client.MongoDatabase tokens) {
    return start(ledger, clock, store, tokens, new ReadModelFailures());
  }

  /** An instance whose read models report their failures to {@code failures}. */
  public static RegistryInstance start(DataSource ledger, Clock clock, ReadStore store, com.mongodb.client.MongoDatabase tokens,
      ReadModelFailures failures) {
    Configurer configurer = DefaultConfigurer.defaultConfiguration()
        .configureSerializer(c -> JacksonSerializer.defaultSerializer())
        .configureEventSerializer(c -> RegistryJson.serializer())
        .configureEmbeddedEventStore(c -> engine(ledger))
        .configureAggregate(AgreementModule.aggregate())
        .registerComponent(Clock.class, c -> clock)
        // The aggregate salts personal values for the ledger's hash chain (gov.ice.registry.chain.PersonalData).
        .registerComponent(SecureRandom.class, c -> new SecureRandom())
        .registerComponent(AgreementDirectory.class, c -> new LedgerReader(c.eventStore()));
    if (store != null) {
      configurer.eventProcessing(processing -> {
        TrackingProjections.register(processing, tokens, ReadModelProperties.DEFAULTS, failures);
        processing
            .registerEventHandler(c -> new AgreementRepositoryProjection(store, AgreementLedger.of(c.eventStore())))
            .registerEventHandler(c -> new ReviewProjection(store, AgreementLedger.of(c.eventStore())))
            .registerEventHandler(c -> new ExigentDeadlineProjection(store, AgreementLedger.of(c.eventStore())))
            .registerEventHandler(c -> new NoticeProjection(store, AgreementLedger.of(c.eventStore())))
            .registerEventHandler(c -> new ApprovalProjection(store, AgreementLedger.of(c.eventStore())))
            .registerEventHandler(c -> new CycleTimeProjection(store, AgreementLedger.of(c.eventStore()), new CycleTimeIndex(store)));
      });
    }
    Configuration configuration = configurer.buildConfiguration();
    configuration.start();
    return new RegistryInstance(configuration);
  }

  public CommandGateway commands() {
    return configuration.commandGateway();
  }

  public EventStore eventStore() {
    return configuration.eventStore();
  }

  public StreamingEventProcessor processor(String name) {
    return configuration.eventProcessingConfiguration().eventProcessor(name, StreamingEventProcessor.class).orElseThrow();
  }

  /**
   * Waits, with a bound, until every read model has handled the ledger's last event. (A replay
   * still says "replaying" when it stops exactly at its reset position, so positions decide.)
   */
  public void awaitCaughtUp() {
    long head = position(eventStore().createHeadToken());
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
        .until(() ->
        TrackingProjections.GROUPS.stream().map(group -> processor(group).processingStatus()).allMatch(segments ->
            !segments.isEmpty() && segments.values().stream().allMatch(s -> s.getCurrentPosition().orElse(-1) >= head)));
  }

  /** What the admin endpoint does for each read model: stop, reset tokens (drop), start. */
  public void rebuildAll() {
    for (String group : TrackingProjections.GROUPS) {
      StreamingEventProcessor processor = processor(group);
      processor.shutDown();
      processor.resetTokens();
      processor.start();
    }
  }

  private static long position(TrackingToken token) {
    return token == null ? -1 : token.position().orElse(-1);
  }

  @Override
  public void close() {
    configuration.shutdown();
  }

}
