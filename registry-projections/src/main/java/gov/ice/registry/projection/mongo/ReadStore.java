package gov.ice.registry.projection.mongo;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

/**
 * The read models' database. Queries use the reactive collections as they are; projections call
 * {@link #await} because an Axon handler must finish its write before its tracking token moves.
 *
 * <p>A read model's documents live in a collection named after it ({@code agreements}) or, once it
 * was rebuilt, in a successor ({@code agreements_1701234567890}): a rebuild writes into a new
 * collection while queries keep reading the live one, and switches when it has caught up. The
 * {@code readModelCollections} collection names each read model's live collection and the one being
 * built; {@link #live} answers from a copy in memory, so a query never waits for it, and
 * {@link #refresh} reloads it (at start, after a switch, and on a schedule for other instances).
 */
public final class ReadStore {

  /** A write that takes longer fails the handler, and the processor retries the event. */
  public static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);

  static final String COLLECTIONS = "readModelCollections";

  /** A read model's collections: where queries read, and where a running rebuild writes (or null). */
  public record Collections(String live, String building) {}

  private final MongoDatabase database;
  private final Runnable commit;
  private final boolean embedded;
  private final Map<String, Collections> collections = new ConcurrentHashMap<>();

  /** A store whose acknowledged writes are durable (MongoDB, or a store in memory that nothing outlives). */
  public ReadStore(MongoDatabase database) {
    this(database, () -> {}, true);
  }

  /** {@code commit} makes the writes acknowledged so far durable; not the embedded store. */
  public ReadStore(MongoDatabase database, Runnable commit) {
    this(database, commit, false);
  }

  /**
   * {@code embedded}: the store is this process's own mongo-java-server, which nothing else
   * writes, which answers every query but one by {@code _id} by scanning the collection, and which
   * never queries through a secondary index (see {@link #createIndexes}).
   */
  public ReadStore(MongoDatabase database, Runnable commit, boolean embedded) {
    this.database = Objects.requireNonNull(database, "database");
    this.commit = Objects.requireNonNull(commit, "commit");
    this.embedded = embedded;
  }

  /**
   * True for the embedded store: read models keep beside it in memory what their queries need,
   * since it ignores secondary indexes; every write of such a read model goes through this process.
   */
  public boolean embedded() {
    return embedded;
  }

  /**
   * Declares a read model's indexes where the store uses them. mongo-java-server never queries
   * through a secondary index, yet it keeps each declaration and, every time it opens its file,
   * reads every document of the collection twice per declared index to "fill" it (its
   * {@code EmptyIndex} always reports empty): with the read models' 20 indexes, 47 of a 65 s start
   * at 20,000 agreements. So the embedded store gets none.
   */
  public void createIndexes(String collection, List<IndexModel> indexes) {
    if (!embedded && !indexes.isEmpty()) {
      await(collection(collection).createIndexes(indexes));
    }
  }

  /**
   * Drops every index but {@code _id} from the embedded store: a data directory written before
   * {@link #createIndexes} left them out keeps its declarations, and with them the slow start,
   * until they are dropped once. Blocking; the store's first call after it opens.
   */
  public void dropUnusedIndexes() {
    if (!embedded) {
      return;
    }
    for (String name : Flux.from(database.listCollectionNames()).collectList().block(WRITE_TIMEOUT)) {
      for (Document index : Flux.from(collection(name).listIndexes()).collectList().block(WRITE_TIMEOUT)) {
        if (!"_id_".equals(index.getString("name"))) {
          await(collection(name).dropIndex(index.getString("name")));
        }
      }
    }
  }

  /** Called after a batch's documents are written and before its token is: the token never claims more than is kept. */
  public void commit() {
    commit.run();
  }

  public MongoDatabase database() {
    return database;
  }

  public MongoCollection<Document> collection(String name) {
    return database.getCollection(name);
  }

  /** Where the read model stored in {@code base} is read from, as last loaded. */
  public MongoCollection<Document> live(String base) {
    return collection(collections(base).live());
  }

  /** The read model's collections as last loaded. */
  public Collections collections(String base) {
    return collections.getOrDefault(base, new Collections(base, null));
  }

  /** Reloads every read model's collections. Blocking. */
  public void refresh() {
    Flux.from(collection(COLLECTIONS).find()).doOnNext(d -> collections.put(d.getString("_id"),
            new Collections(d.getString("live"), d.getString("building"))))
        .then().block(WRITE_TIMEOUT);
  }

  /** Names a new collection for {@code base} to be built in, keeping the live one. Blocking. */
  public Collections beginRebuild(String base) {
    refresh();
    Collections current = collections(base);
    String building = base + "_" + System.currentTimeMillis();
    return save(base, new Collections(current.live(), building));
  }

  /** The built collection becomes the live one; the previous live collection is dropped. Blocking. */
  public void completeRebuild(String base) {
    refresh();
    Collections current = collections(base);
    if (current.building() == null) {
      return;
    }
    save(base, new Collections(current.building(), null));
    if (!current.live().equals(current.building())) {
      drop(current.live());
    }
  }

  private Collections save(String base, Collections value) {
    await(collection(COLLECTIONS).replaceOne(Filters.eq("_id", base),
        new Document("_id", base).append("live", value.live()).append("building", value.building()),
        new ReplaceOptions().upsert(true)));
    collections.put(base, value);
    return value;
  }

  /** Blocks until the publisher completes, for use inside event handlers only; returns its last value or null. */
  public static <T> T await(Publisher<T> publisher) {
    return Flux.from(publisher).takeLast(1).singleOrEmpty().block(WRITE_TIMEOUT);
  }

  /**
   * Drops a collection if it is there; used by reset handlers before a replay. A rebuild's new
   * collection does not exist yet, and mongo-java-server logs an ERROR with a stack trace for a
   * drop of a missing collection ("ns not found") before the driver ignores the answer: so it is
   * looked up first. Nothing else writes the read models' collections, so none appears between.
   */
  public void drop(String collection) {
    // A few dozen names; mongo-java-server's support of listCollections filters is not relied on.
    boolean exists = Boolean.TRUE.equals(Flux.from(database.listCollectionNames()).any(collection::equals).block(WRITE_TIMEOUT));
    if (exists) {
      await(collection(collection).drop());
    }
  }
}
