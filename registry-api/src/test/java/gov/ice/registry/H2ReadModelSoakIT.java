package gov.ice.registry;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** The soak on the embedded default: the ledger in H2 and the read models in the MVStore file, both in the data directory. */
class H2ReadModelSoakIT extends ReadModelSoakScenario {

  @TempDir
  Path dataDir;

  @Override
  Map<String, String> store() {
    return Map.of("REGISTRY_DATA_DIR", dataDir.toString());
  }
}
