package gov.ice.registry;

/** Concurrent commands on PostgreSQL. */
class PostgresConcurrencyIT extends PostgresRegistry implements ConcurrencyScenarios {}
