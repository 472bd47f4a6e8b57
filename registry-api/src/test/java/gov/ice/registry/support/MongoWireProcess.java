package gov.ice.registry.support;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * One MongoDB wire-protocol server (mongo-java-server, in memory) as an operating system process
 * of its own, shared by several registry processes as a MongoDB deployment would be. Started
 * with the test JVM's class path; {@link #main} is the process.
 */
public final class MongoWireProcess implements AutoCloseable {

  private final Process process;
  private final int port;

  private MongoWireProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  public static MongoWireProcess start(Path log) throws IOException {
    int port = RegistryProcess.freePort();
    Process process = new ProcessBuilder(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
        "-cp", System.getProperty("java.class.path"), MongoWireProcess.class.getName(), Integer.toString(port)))
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    MongoWireProcess mongo = new MongoWireProcess(process, port);
    Awaitility.await("the MongoDB wire-protocol server on port " + port).atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(100)).ignoreExceptions()
        .until(() -> {
          if (!process.isAlive()) {
            throw new AssertionError("mongo-java-server exited: " + Files.readString(log));
          }
          try (Socket socket = new Socket("127.0.0.1", port)) {
            return true;
          }
        });
    return mongo;
  }

  public String uri() {
    return "mongodb://127.0.0.1:" + port + "/registry";
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }

  public static void main(String[] args) throws InterruptedException {
    MongoServer server = new MongoServer(new MemoryBackend());
    server.bind("127.0.0.1", Integer.parseInt(args[0]));
    Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
    Thread.currentThread().join();
  }
}
