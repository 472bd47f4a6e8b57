package gov.ice.registry.projection.mongo;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;

/**
 * The embedded default read store: mongo-java-server with its memory backend, bound to a loopback
 * ephemeral port. Read models are derived data and their tracking tokens live in the same store,
 * so after a restart the store is empty, every token is missing, and each projection replays the
 * ledger from its start: nothing can run ahead of the documents it describes.
 */
public final class EmbeddedReadStore implements AutoCloseable {

  private final MongoServer server;
  private final String connectionString;

  private EmbeddedReadStore(MongoServer server, InetSocketAddress address) {
    this.server = server;
    this.connectionString = "mongodb://" + address.getHostString() + ":" + address.getPort();
  }

  public static EmbeddedReadStore start() {
    MongoServer server = new MongoServer(new MemoryBackend());
    server.bind("127.0.0.1", 0);
    InetSocketAddress address = server.getLocalAddress();
    return new EmbeddedReadStore(server, address);
  }

  public String connectionString() {
    return connectionString;
  }

  @Override
  public void close() {
    server.shutdownNow();
  }
}
