package gov.ice.registry.support;

import gov.ice.registry.RegistryApplication;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.SQLException;
import org.h2.tools.Server;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A registry of a test's own, set up the way the shared one is not, so a client can provoke what
 * the shared one never answers: If-Match required ({@code registry.api.if-match=required}, so 428),
 * sign-ins throttled after {@value #FAILURES_BEFORE_THROTTLE} wrong passwords (429), and its ledger
 * on an H2 server over TCP that the test stops for a store outage (503). Real parts: H2's own
 * server, the application with its real security, real HTTP on a random port.
 */
public final class StrictRegistry implements AutoCloseable {

  /** The user a test throttles; nobody else signs in as it here. */
  public static final String THROTTLED = "nora";
  public static final int FAILURES_BEFORE_THROTTLE = 2;

  private final Server store;
  private final ConfigurableApplicationContext context;

  private StrictRegistry(Server store, ConfigurableApplicationContext context) {
    this.store = store;
    this.context = context;
  }

  public static StrictRegistry start() {
    Path dir = TemporaryDirectories.create("registry-strict-");
    Server store;
    try {
      store = Server.createTcpServer("-tcpPort", Integer.toString(freePort()), "-ifNotExists", "-baseDir", dir.resolve("h2").toString())
          .start();
    } catch (SQLException | IOException e) {
      throw new IllegalStateException("cannot start the H2 server for the ledger", e);
    }
    try {
      RegistryApplication.disableAxonUpdateChecker();
      ConfigurableApplicationContext context = new SpringApplicationBuilder(RegistryApplication.class).run(
          "--server.port=0",
          "--registry.ledger.url=jdbc:h2:tcp://localhost:" + store.getPort() + "/ledger",
          "--registry.ledger.username=sa",
          "--registry.ledger.password=",
          "--registry.data-dir=" + dir.resolve("data"),
          "--registry.security.users-file=" + TestUsers.usersFile(),
          "--registry.api.if-match=required",
          "--registry.security.sign-in.max-failures-per-user=" + FAILURES_BEFORE_THROTTLE,
          "--registry.security.sign-in.first-delay=3s");
      return new StrictRegistry(store, context);
    } catch (RuntimeException e) {
      store.stop();
      throw e;
    }
  }

  public int port() {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  public RegistryClient client() {
    return new RegistryClient(port());
  }

  /** The ledger's database goes away at once, its connections with it, as a crash or a network cut looks to the registry. */
  public void stopStore() {
    store.stop();
  }

  @Override
  public void close() {
    try {
      context.close();
    } finally {
      store.stop();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
