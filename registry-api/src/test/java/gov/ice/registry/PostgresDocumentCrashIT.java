package gov.ice.registry;

import gov.ice.registry.support.TemporaryDirectories;
import gov.ice.registry.support.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** The upload crash test with the ledger (and so the documents) on PostgreSQL. */
class PostgresDocumentCrashIT extends DocumentCrashScenario {

  private final String url = TestPostgres.instance().newDatabase("registry_doc_crash");
  private final Path dataDir = TemporaryDirectories.create("registry-pg-doc-crash-");

  @Override
  Map<String, String> store() {
    return Map.of(
        "REGISTRY_DATABASE_URL", url,
        "REGISTRY_DATABASE_USERNAME", "postgres",
        "REGISTRY_DATABASE_PASSWORD", "",
        "REGISTRY_DATA_DIR", dataDir.toString());
  }

  @Override
  Path dataDir() {
    return dataDir;
  }

  @Override
  Set<String> storedContent() throws Exception {
    Set<String> stored = new HashSet<>();
    try (Connection ledger = DriverManager.getConnection(url, "postgres", "");
        ResultSet rows = ledger.createStatement().executeQuery("SELECT sha256 FROM document_content")) {
      while (rows.next()) {
        stored.add(rows.getString(1));
      }
    }
    return stored;
  }
}
