package gov.ice.registry.projection.mongo;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default read store: mongo-java-server bound to a loopback ephemeral port. In the
 * application it keeps its databases in an H2 MVStore file in the data directory, so a restart
 * resumes from the tracking tokens stored beside the documents instead of replaying the ledger.
 *
 * <p>The MVStore commits on its own about once a second. {@link #commit()} forces a commit: a
 * projection calls it after writing a batch's documents and before its token moves, so that a
 * crash can lose a token that documents already went past (they are written again, with the
 * same result) but never documents that a stored token claims.
 *
 * <p>A crash can also tear a document from its {@code _id} index: mongo-java-server puts a new
 * document into its collection map first and into the index map next, and the MVStore's own
 * commit (or another projection's) can fall between the two. The file then holds a document its
 * {@code _id} index does not know, an upsert of that {@code _id} finds nothing and inserts, and
 * the insert fails ("Document with key ... already existed"): the read model fails in a loop.
 * {@link #repairIdIndexes} runs before the server opens the file and empties such an index, which
 * mongo-java-server then fills again from the documents.
 */
public final class EmbeddedReadStore implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedReadStore.class);
  /** How the H2 backend names a collection's document map ({@code databases.registry.agreements}) and its {@code _id} index's. */
  private static final String DATA_PREFIX = "databases.";
  private static final String ID_INDEX_SUFFIX = "._index__id_";

  private final MongoServer server;
  private final H2Backend durable;
  private final String connectionString;

  private EmbeddedReadStore(MongoServer server, H2Backend durable, InetSocketAddress address) {
    this.server = server;
    this.durable = durable;
    this.connectionString = "mongodb://" + address.getHostString() + ":" + address.getPort();
  }

  /** A store in memory, gone when it closes (tests, and a registry pointed at one from outside). */
  public static EmbeddedReadStore start() {
    return start(new MemoryBackend(), null);
  }

  /** A store kept in {@code file}, created if absent and reopened as it was left. */
  public static EmbeddedReadStore start(Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the read store's directory for " + file, e);
    }
    // No background compaction: it moves live pages out of old chunks and frees those at once
    // (MVStore counts a chunk's retention from its creation), while a long read, such as loading
    // an in-process index over 100,000 agreements at start, still walks them: "Chunk not found",
    // and the start failed (benchmark of 2026-12-01). Space freed by writes is still reused.
    MVStore mvStore = new MVStore.Builder().fileName(file.toAbsolutePath().toString()).autoCompactFillRate(0).open();
    repairIdIndexes(mvStore);
    H2Backend backend = new H2Backend(mvStore);
    return start(backend, backend);
  }

  /**
   * Empties every {@code _id} index that holds fewer entries than its collection, and answers the
   * collections concerned. A document enters its collection map before its index, and leaves its
   * index before its collection map, so a torn index only ever misses entries: comparing sizes
   * (which MVStore keeps) finds it without reading a document. An empty index is filled from the
   * collection by mongo-java-server when it opens the collection.
   */
  static List<String> repairIdIndexes(MVStore mvStore) {
    List<String> repaired = new ArrayList<>();
    for (String name : mvStore.getMapNames()) {
      if (!name.endsWith(ID_INDEX_SUFFIX)) {
        continue;
      }
      String collection = name.substring(0, name.length() - ID_INDEX_SUFFIX.length());
      String documents = DATA_PREFIX + collection;
      if (!mvStore.hasMap(documents)) {
        continue;
      }
      MVMap<Object, Object> index = mvStore.openMap(name);
      long indexed = index.sizeAsLong();
      long stored = mvStore.openMap(documents).sizeAsLong();
      if (indexed != stored) {
        LOG.warn("Read store: the _id index of {} holds {} of its {} documents (torn by a crash); it is rebuilt",
            collection, indexed, stored);
        index.clear();
        repaired.add(collection);
      }
    }
    if (!repaired.isEmpty()) {
      mvStore.commit();
    }
    return repaired;
  }

  private static EmbeddedReadStore start(MongoBackend backend, H2Backend durable) {
    MongoServer server = new MongoServer(backend);
    server.bind("127.0.0.1", 0);
    return new EmbeddedReadStore(server, durable, server.getLocalAddress());
  }

  public String connectionString() {
    return connectionString;
  }

  /** Makes every write acknowledged so far durable; nothing to do for a store in memory. */
  public void commit() {
    if (durable != null) {
      durable.commit();
    }
  }

  /**
   * Closing commits and closes the MVStore file. Spring calls it when it destroys the beans, after
   * the web server has drained and the processors have stopped (docs/graceful-stop.md).
   */
  @Override
  public void close() {
    server.shutdownNow();
    LoggerFactory.getLogger(EmbeddedReadStore.class).info("Embedded read store closed{}", durable != null ? ": its file is committed" : "");
  }
}
