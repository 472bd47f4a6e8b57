package gov.ice.registry;

/** Concurrent commands on the embedded default. */
class H2ConcurrencyIT extends H2Registry implements ConcurrencyScenarios {}
