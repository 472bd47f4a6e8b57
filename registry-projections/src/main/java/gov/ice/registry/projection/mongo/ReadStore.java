package gov.ice.registry.projection.mongo;

import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.time.Duration;
import java.util.Objects;
import org.bson.Document;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

/**
 * The read models' database. Queries use the reactive collections as they are; projections call
 * {@link #await} because an Axon handler must finish its write before its tracking token moves.
 */
public final class ReadStore {

  /** A write that takes longer fails the handler, and the processor retries the event. */
  static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);

  private final MongoDatabase database;

  public ReadStore(MongoDatabase database) {
    this.database = Objects.requireNonNull(database, "database");
  }

  public MongoDatabase database() {
    return database;
  }

  public MongoCollection<Document> collection(String name) {
    return database.getCollection(name);
  }

  /** Blocks until the publisher completes, for use inside event handlers only; returns its last value or null. */
  public static <T> T await(Publisher<T> publisher) {
    return Flux.from(publisher).takeLast(1).singleOrEmpty().block(WRITE_TIMEOUT);
  }

  /** Drops a collection; used by reset handlers before a replay. */
  public void drop(String collection) {
    await(collection(collection).drop());
  }
}
