package gov.ice.registry;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** The crash test on the embedded default: the H2 file must hold every acknowledged write (WRITE_DELAY=0). */
class H2CrashIT extends CrashScenario {

  @TempDir
  Path dataDir;

  @Override
  Map<String, String> store() {
    return Map.of("REGISTRY_DATA_DIR", dataDir.toString());
  }
}
