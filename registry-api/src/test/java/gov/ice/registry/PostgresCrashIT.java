package gov.ice.registry;

import gov.ice.registry.support.TestPostgres;
import java.util.Map;

/** The crash test with the ledger on PostgreSQL. */
class PostgresCrashIT extends CrashScenario {

  @Override
  Map<String, String> store() {
    return Map.of(
        "REGISTRY_DATABASE_URL", TestPostgres.instance().newDatabase("registry_crash"),
        "REGISTRY_DATABASE_USERNAME", "postgres",
        "REGISTRY_DATABASE_PASSWORD", "");
  }
}
