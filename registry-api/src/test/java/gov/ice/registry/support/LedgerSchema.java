package gov.ice.registry.support;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** The ledger's tables for a test that assembles the ledger without Spring: the application's own migrations. */
public final class LedgerSchema {

  private LedgerSchema() {}

  /** Runs {@code db/migration/h2} or {@code db/migration/postgresql} on {@code dataSource}. */
  public static void migrate(DataSource dataSource, boolean postgres) {
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/" + (postgres ? "postgresql" : "h2"))
        .load().migrate();
  }
}
