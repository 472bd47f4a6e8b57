package gov.ice.registry;

import static org.assertj.core.api.Assertions.assertThat;

import gov.ice.registry.eventstore.H2Urls;
import gov.ice.registry.support.AgreementBodies;
import gov.ice.registry.support.LedgerSchema;
import gov.ice.registry.support.RegistryClient;
import gov.ice.registry.support.RegistryClient.Response;
import gov.ice.registry.support.TestPostgres;
import gov.ice.registry.support.TestUsers;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.axonframework.eventhandling.tokenstore.jdbc.GenericTokenTableFactory;
import org.axonframework.eventhandling.tokenstore.jdbc.PostgresTokenTableFactory;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenTableFactory;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventTableFactory;
import org.axonframework.eventsourcing.eventstore.jdbc.MySqlEventTableFactory;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The ledger's schema comes from Flyway's versioned migrations: a fresh ledger gets version 1
 * applied; a ledger created before the registry had migrations (its tables, no history) is
 * adopted at version 1 and keeps its events; and version 1 creates exactly the tables the
 * previous version created at every start, on H2 and on PostgreSQL.
 */
class SchemaMigrationIT {

  @TempDir
  Path dataDir;

  @Test
  void aFreshLedgerGetsVersionOneAppliedOnceAcrossRestarts() {
    try (ConfigurableApplicationContext registry = start()) {
      assertThat(new RegistryClient(port(registry)).as(TestUsers.PROGRAM_OFFICE).post("/api/agreements", AgreementBodies.draft())
          .status()).isEqualTo(201);
    }
    assertThat(history()).first().satisfies(row -> {
      assertThat(row).containsEntry("version", "1").containsEntry("type", "SQL").containsEntry("success", true);
      assertThat(row.get("script")).isEqualTo("V1__ledger_schema.sql");
    });
    assertThat(history()).extracting(row -> row.get("script")).contains("V3__chained_logs.sql");
    int migrated = history().size();
    start().close();
    assertThat(history()).as("a restart migrates nothing more").hasSize(migrated);
  }

  @Test
  void aLedgerCreatedBeforeMigrationsIsBaselinedAndKeepsItsAgreements() {
    String id;
    try (ConfigurableApplicationContext registry = start()) {
      id = new RegistryClient(port(registry)).as(TestUsers.PROGRAM_OFFICE).post("/api/agreements", AgreementBodies.draft()).id();
    }
    // What the previous version left: the same tables (V1 is its DDL, see the tests below) and no history.
    new JdbcTemplate(ledgerFile()).execute("DROP TABLE \"flyway_schema_history\"");

    try (ConfigurableApplicationContext registry = start()) {
      RegistryClient client = new RegistryClient(port(registry));
      Response kept = client.as(TestUsers.AUDITOR).get("/api/agreements/" + id + "/history");
      assertThat(kept.status()).as(kept.toString()).isEqualTo(200);
      assertThat(kept.json().size()).isEqualTo(1);
      Response next = client.as("sam-igp").ifMatch("\"1\"").post("/api/agreements/" + id + "/concurrences",
          AgreementBodies.concurrence("IGP", 1));
      assertThat(next.status()).as(next.toString()).isEqualTo(200);
    }
    assertThat(history()).first().satisfies(row -> assertThat(row)
        .containsEntry("version", "1").containsEntry("type", "BASELINE").containsEntry("success", true));
  }

  @Test
  void versionOneOnH2CreatesTheTablesThePreviousVersionCreated() {
    assertSameSchemaAndBaselined(() -> h2InMemory(), MySqlEventTableFactory.INSTANCE, GenericTokenTableFactory.INSTANCE,
        "h2", "PUBLIC");
  }

  @Test
  void versionOneOnPostgresqlCreatesTheTablesThePreviousVersionCreated() {
    TestPostgres postgres = TestPostgres.instance();
    assertSameSchemaAndBaselined(() -> {
      PGSimpleDataSource dataSource = new PGSimpleDataSource();
      dataSource.setURL(postgres.newDatabase("schema_it"));
      dataSource.setUser("postgres");
      return dataSource;
    }, PostgresEventTableFactory.INSTANCE, PostgresTokenTableFactory.INSTANCE, "postgresql", "public");
  }

  private void assertSameSchemaAndBaselined(java.util.function.Supplier<DataSource> databases, EventTableFactory eventTables,
      TokenTableFactory tokenTables, String vendor, String schema) {
    DataSource previous = databases.get();
    createAsThePreviousVersionDid(previous, eventTables, tokenTables);
    DataSource migrated = databases.get();
    LedgerSchema.migrate(migrated, vendor.equals("postgresql"));

    List<Map<String, Object>> before = columns(previous, schema);
    assertThat(before).extracting(c -> c.get("table_name")).map(Object::toString).map(String::toLowerCase)
        .contains("domainevententry", "snapshotevententry", "tokenentry", "ledger_leaf", "ledger_checkpoint", "shedlock");
    // Later migrations add tables of their own (V3 the chained logs); V1's are the previous version's.
    java.util.Set<Object> v1Tables = before.stream().map(c -> c.get("table_name")).collect(java.util.stream.Collectors.toSet());
    assertThat(columns(migrated, schema)).as("V1's tables and columns against the previous version's")
        .filteredOn(c -> v1Tables.contains(c.get("table_name")))
        .containsExactlyElementsOf(before);
    assertThat(constraints(migrated, schema)).as("V1's keys and unique constraints")
        .filteredOn(c -> v1Tables.contains(c.get("table_name"))).isEqualTo(constraints(previous, schema));

    // The application's settings (application.yml, spring.flyway): the old database is adopted, not migrated again.
    Flyway.configure().dataSource(previous).locations("classpath:db/migration/" + vendor)
        .baselineOnMigrate(true).baselineVersion("1").load().migrate();
    assertThat(migrations(previous)).first().satisfies(row -> assertThat(row)
        .containsEntry("version", "1").containsEntry("type", "BASELINE").containsEntry("success", true));
  }

  /** What the registry ran at every start before it had migrations (version 0.1.0). */
  private static void createAsThePreviousVersionDid(DataSource dataSource, EventTableFactory eventTables, TokenTableFactory tokenTables) {
    try (Connection connection = dataSource.getConnection()) {
      eventTables.createDomainEventTable(connection, EventSchema.builder().build()).execute();
      eventTables.createSnapshotEventTable(connection, EventSchema.builder().build()).execute();
      tokenTables.createTable(connection, TokenSchema.builder().build()).execute();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    jdbc.execute("CREATE TABLE IF NOT EXISTS ledger_leaf (leaf_index BIGINT NOT NULL PRIMARY KEY, global_index BIGINT NOT NULL UNIQUE, "
        + "aggregate_identifier VARCHAR(255) NOT NULL, sequence_number BIGINT NOT NULL, event_hash VARCHAR(64) NOT NULL)");
    jdbc.execute("CREATE TABLE IF NOT EXISTS ledger_checkpoint (checkpoint_number BIGINT NOT NULL PRIMARY KEY, tree_size BIGINT NOT NULL, "
        + "root VARCHAR(64) NOT NULL, recorded_at VARCHAR(40) NOT NULL, signature VARCHAR(128) NOT NULL, public_key VARCHAR(256) NOT NULL)");
    jdbc.execute("CREATE TABLE IF NOT EXISTS shedlock (name VARCHAR(64) NOT NULL PRIMARY KEY, lock_until TIMESTAMP NOT NULL, "
        + "locked_at TIMESTAMP NOT NULL, locked_by VARCHAR(255) NOT NULL)");
  }

  private static List<Map<String, Object>> columns(DataSource dataSource, String schema) {
    return new JdbcTemplate(dataSource).queryForList("SELECT table_name, column_name, ordinal_position, data_type, is_nullable, "
        + "character_maximum_length, column_default FROM information_schema.columns WHERE table_schema = ? "
        + "ORDER BY table_name, ordinal_position", schema);
  }

  /** Each table's primary key and unique constraints, by the columns they cover (their generated names differ). */
  private static List<Map<String, Object>> constraints(DataSource dataSource, String schema) {
    return new JdbcTemplate(dataSource).queryForList("SELECT tc.table_name, tc.constraint_type, kcu.column_name, kcu.ordinal_position "
        + "FROM information_schema.table_constraints tc JOIN information_schema.key_column_usage kcu "
        + "ON tc.constraint_name = kcu.constraint_name AND tc.table_schema = kcu.table_schema "
        + "WHERE tc.table_schema = ? AND tc.constraint_type IN ('PRIMARY KEY', 'UNIQUE') AND lower(tc.table_name) <> 'flyway_schema_history' "
        + "ORDER BY tc.table_name, tc.constraint_type, kcu.column_name, kcu.ordinal_position", schema);
  }

  private static DataSource h2InMemory() {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:schema-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    return dataSource;
  }

  private List<Map<String, Object>> history() {
    return migrations(ledgerFile());
  }

  /** The migrations Flyway recorded (not the row that records the history table's own creation). */
  private static List<Map<String, Object>> migrations(DataSource dataSource) {
    return new JdbcTemplate(dataSource).queryForList("SELECT \"version\", \"type\", \"script\", \"success\" "
        + "FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\"");
  }

  /** The embedded ledger's file, as the registry opens it (only while no registry holds it). */
  private DataSource ledgerFile() {
    return new SimpleDriverDataSource(new org.h2.Driver(), H2Urls.forLedger("jdbc:h2:file:" + dataDir.resolve("ledger")), "sa", "");
  }

  private ConfigurableApplicationContext start() {
    RegistryApplication.disableAxonUpdateChecker();
    return new SpringApplicationBuilder(RegistryApplication.class).run(
        "--server.port=0",
        "--registry.data-dir=" + dataDir,
        "--registry.ledger.url=",
        "--registry.security.users-file=" + TestUsers.usersFile());
  }

  private static int port(ConfigurableApplicationContext context) {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }
}
