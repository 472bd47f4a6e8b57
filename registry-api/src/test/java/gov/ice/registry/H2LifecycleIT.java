package gov.ice.registry;

/** The lifecycle on the embedded default: an H2 file. */
class H2LifecycleIT extends H2Registry implements LifecycleScenarios {}
