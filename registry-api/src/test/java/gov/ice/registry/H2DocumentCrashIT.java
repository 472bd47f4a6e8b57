package gov.ice.registry;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;

/** The upload crash test on the embedded H2 file, read after the registry stopped. */
class H2DocumentCrashIT extends DocumentCrashScenario {

  @TempDir
  Path dataDir;

  @Override
  Map<String, String> store() {
    return Map.of("REGISTRY_DATA_DIR", dataDir.toString());
  }

  @Override
  Path dataDir() {
    return dataDir;
  }

  @Override
  Set<String> storedContent() throws Exception {
    Set<String> stored = new HashSet<>();
    try (Connection ledger = DriverManager.getConnection("jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("ledger"), "sa", "");
        ResultSet rows = ledger.createStatement().executeQuery("SELECT sha256 FROM document_content")) {
      while (rows.next()) {
        stored.add(rows.getString(1));
      }
    }
    return stored;
  }
}
