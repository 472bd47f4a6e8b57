package gov.ice.registry;

import gov.ice.registry.support.TemporaryDirectories;
import gov.ice.registry.support.TestPostgres;
import java.util.Map;

/** The soak with the ledger on PostgreSQL; the read models in the embedded store's file, as the default deployment keeps them. */
class PostgresReadModelSoakIT extends ReadModelSoakScenario {

  @Override
  Map<String, String> store() {
    return Map.of(
        "REGISTRY_DATABASE_URL", TestPostgres.instance().newDatabase("registry_soak"),
        "REGISTRY_DATABASE_USERNAME", "postgres",
        "REGISTRY_DATABASE_PASSWORD", "",
        // The read store's file and signing key of its own: the working directory is shared with other ITs.
        "REGISTRY_DATA_DIR", TemporaryDirectories.create("registry-pg-soak-").toString());
  }
}
