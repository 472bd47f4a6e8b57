package gov.ice.registry.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SearchConvergenceIT}'s scenario on an H2 ledger in server mode: one H2 TCP server (in
 * this JVM, on a free port), two registry processes sharing its ledger over
 * {@code jdbc:h2:tcp://}, one read store, each with its own Lucene index on its own disk.
 */
class H2ServerSearchConvergenceIT {

  @TempDir
  Path logs;

  @TempDir
  Path h2;

  @TempDir
  Path data;

  @Test
  void twoInstancesOnOneH2LedgerOverTcpConverge() throws Exception {
    // -ifNotExists: the first registry creates the ledger through the server, as it creates its file when embedded.
    Server server = Server.createTcpServer("-tcpPort", "0", "-baseDir", h2.toString(), "-ifNotExists").start();
    try {
      SearchConvergenceIT.converge(Map.of(
          "REGISTRY_DATABASE_URL", "jdbc:h2:tcp://localhost:" + server.getPort() + "/ledger",
          "REGISTRY_DATABASE_USERNAME", "sa",
          "REGISTRY_DATABASE_PASSWORD", "",
          // One data directory for both (the checkpoint signing key); with a url it holds no ledger.
          "REGISTRY_DATA_DIR", data.toString()), logs);
    } finally {
      server.stop();
    }
    // Both wrote to the server's database, not to an embedded file of their own.
    assertThat(h2.resolve("ledger.mv.db")).exists();
    assertThat(Files.exists(data.resolve("ledger.mv.db"))).isFalse();
  }
}
