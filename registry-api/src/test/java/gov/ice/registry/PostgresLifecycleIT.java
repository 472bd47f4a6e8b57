package gov.ice.registry;

/** The lifecycle on PostgreSQL. */
class PostgresLifecycleIT extends PostgresRegistry implements LifecycleScenarios {}
