package gov.ice.registry.web.access;

import gov.ice.registry.support.TemporaryDirectories;
import gov.ice.registry.support.TestPostgres;
import java.util.Map;

/** The access log's crash test with the ledger, and so the chained log {@code access}, on PostgreSQL. */
class PostgresAccessLogCrashIT extends AccessLogCrashScenario {

  @Override
  protected Map<String, String> store() {
    return Map.of(
        "REGISTRY_DATABASE_URL", TestPostgres.instance().newDatabase("registry_access_crash"),
        "REGISTRY_DATABASE_USERNAME", "postgres",
        "REGISTRY_DATABASE_PASSWORD", "",
        "REGISTRY_DATA_DIR", TemporaryDirectories.create("registry-pg-access-crash-").toString());
  }
}
