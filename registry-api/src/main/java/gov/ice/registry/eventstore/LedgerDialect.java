package gov.ice.registry.eventstore;

import org.axonframework.eventhandling.tokenstore.jdbc.GenericTokenTableFactory;
import org.axonframework.eventhandling.tokenstore.jdbc.PostgresTokenTableFactory;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenTableFactory;
import org.axonframework.eventsourcing.eventstore.jdbc.EventTableFactory;
import org.axonframework.eventsourcing.eventstore.jdbc.MySqlEventTableFactory;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;

/** The two databases the ledger runs on, and the DDL Axon writes for each. */
enum LedgerDialect {
  /**
   * Axon's HSQL factory writes DDL that H2 2.3 rejects; the MySQL one ({@code bigint
   * auto_increment}, {@code blob}) is accepted as is.
   */
  H2(MySqlEventTableFactory.INSTANCE, GenericTokenTableFactory.INSTANCE),
  POSTGRESQL(PostgresEventTableFactory.INSTANCE, PostgresTokenTableFactory.INSTANCE);

  final EventTableFactory eventTables;
  final TokenTableFactory tokenTables;

  LedgerDialect(EventTableFactory eventTables, TokenTableFactory tokenTables) {
    this.eventTables = eventTables;
    this.tokenTables = tokenTables;
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
