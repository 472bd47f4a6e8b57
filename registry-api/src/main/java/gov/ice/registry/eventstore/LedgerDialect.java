package gov.ice.registry.eventstore;

/**
 * The two databases the ledger runs on. Each has its own migrations
 * ({@code db/migration/h2}, {@code db/migration/postgresql}): Axon's DDL differs between them.
 */
enum LedgerDialect {
  H2("h2"),
  POSTGRESQL("postgresql");

  /** Where this database's migrations are, on the classpath. */
  final String migrations;

  LedgerDialect(String folder) {
    this.migrations = "classpath:db/migration/" + folder;
  }

  static LedgerDialect of(String jdbcUrl) {
    if (jdbcUrl.startsWith("jdbc:h2:")) {
      return H2;
    }
    if (jdbcUrl.startsWith("jdbc:postgresql:")) {
      return POSTGRESQL;
    }
    throw new IllegalArgumentException("The ledger runs on H2 (jdbc:h2:) or PostgreSQL (jdbc:postgresql:), not " + jdbcUrl);
  }
}
