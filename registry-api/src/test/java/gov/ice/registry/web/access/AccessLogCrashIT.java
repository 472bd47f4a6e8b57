package gov.ice.registry.web.access;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** The access log's crash test on the embedded default: the H2 file holds every record an answer waited for. */
class AccessLogCrashIT extends AccessLogCrashScenario {

  @TempDir
  Path dataDir;

  @Override
  protected Map<String, String> store() {
    return Map.of("REGISTRY_DATA_DIR", dataDir.toString());
  }
}
