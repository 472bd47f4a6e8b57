package gov.ice.registry.integrity;

import com.fasterxml.jackson.databind.ObjectMapper;
import gov.ice.registry.agreement.AgreementModule;
import gov.ice.registry.agreement.api.Actor;
import gov.ice.registry.agreement.api.AgreementDirectory;
import gov.ice.registry.agreement.api.AgreementId;
import gov.ice.registry.agreement.api.AgreementProfile;
import gov.ice.registry.agreement.api.DraftAgreement;
import gov.ice.registry.agreement.api.ErasePersonalData;
import gov.ice.registry.agreement.api.ReviseDraft;
import gov.ice.registry.chain.SigningKeys;
import gov.ice.registry.serialization.RegistryJson;
import gov.ice.registry.support.LedgerSchema;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The agreement aggregate on Axon's JDBC event store in an in-memory H2 database, with the
 * ledger's integrity services over the same database: the stored bytes are real, and a test can
 * tamper with them directly.
 */
final class LedgerHarness implements AutoCloseable {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T15:00:00Z"), ZoneOffset.UTC);
  static final SimpleMeterRegistry METERS = new SimpleMeterRegistry();

  final JdbcDataSource dataSource = new JdbcDataSource();
  final JdbcTemplate jdbc;
  final Configuration axon;
  final LedgerIntegrity integrity;
  private final AgreementProfile profile;

  LedgerHarness() {
    dataSource.setURL("jdbc:h2:mem:ledger-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    jdbc = new JdbcTemplate(dataSource);
    LedgerSchema.migrate(dataSource, false);
    JdbcEventStorageEngine engine = JdbcEventStorageEngine.builder()
        .connectionProvider(new DataSourceConnectionProvider(dataSource))
        .transactionManager(NoTransactionManager.INSTANCE)
        .eventSerializer(RegistryJson.serializer())
        .snapshotSerializer(RegistryJson.serializer())
        .build();
    // No configurer modules from the classpath: they would route commands to an Axon Server.
    axon = DefaultConfigurer.defaultConfiguration(false)
        .configureSerializer(c -> RegistryJson.serializer())
        .configureEmbeddedEventStore(c -> engine)
        .configureAggregate(AgreementModule.aggregate())
        .registerComponent(Clock.class, c -> CLOCK)
        .registerComponent(SecureRandom.class, c -> new SecureRandom())
        .registerComponent(AgreementDirectory.class, c -> id -> Optional.empty())
        .buildConfiguration();
    axon.eventStore().registerDispatchInterceptor(AgreementModule.sealedTime());
    axon.start();
    integrity = LedgerIntegrity.over(dataSource, EventSchema.builder().build(), new DataSourceTransactionManager(dataSource),
        SigningKeys.generate(new SecureRandom()), CLOCK, METERS);
    try (InputStream in = getClass().getResourceAsStream("/integrity/profile.json")) {
      profile = RegistryJson.objectMapper().readValue(new String(in.readAllBytes(), StandardCharsets.UTF_8), AgreementProfile.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void draft(String id) {
    send(new DraftAgreement(AgreementId.of(id), profile));
  }

  void revise(String id) {
    send(new ReviseDraft(AgreementId.of(id), profile));
  }

  void erase(String id) {
    send(new ErasePersonalData(AgreementId.of(id), "Privacy Act request of the point of contact", "PRIV-2026-0042"));
  }

  private void send(Object command) {
    axon.commandGateway().sendAndWait(GenericCommandMessage.asCommandMessage(command)
        .andMetaData(new Actor("pat", "Pat Program", List.of("PROGRAM_OFFICE")).asMetadata()));
  }

  String payload(String id, long sequence) {
    byte[] bytes = jdbc.queryForObject("SELECT payload FROM DomainEventEntry WHERE aggregateIdentifier = ? AND sequenceNumber = ?",
        byte[].class, id, sequence);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  String metadata(String id, long sequence) {
    byte[] bytes = jdbc.queryForObject("SELECT metaData FROM DomainEventEntry WHERE aggregateIdentifier = ? AND sequenceNumber = ?",
        byte[].class, id, sequence);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  void setPayload(String id, long sequence, String payload) {
    jdbc.update("UPDATE DomainEventEntry SET payload = ? WHERE aggregateIdentifier = ? AND sequenceNumber = ?",
        payload.getBytes(StandardCharsets.UTF_8), id, sequence);
  }

  void setMetadata(String id, long sequence, String metadata) {
    jdbc.update("UPDATE DomainEventEntry SET metaData = ? WHERE aggregateIdentifier = ? AND sequenceNumber = ?",
        metadata.getBytes(StandardCharsets.UTF_8), id, sequence);
  }

  static ObjectMapper json() {
    return new ObjectMapper();
  }

  @Override
  public void close() {
    axon.shutdown();
    jdbc.execute("SHUTDOWN");
  }
}
