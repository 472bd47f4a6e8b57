package gov.ice.registry.projection.batch;

import com.mongodb.client.model.Projections;
import gov.ice.registry.projection.mongo.ReadStore;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;

/**
 * What an in-process index of one read model shares, whatever it keeps: on the embedded store
 * (which ignores secondary indexes) it holds, per collection of the read model, what its queries
 * need; it is loaded from the live collection and one a rebuild is building, follows the batches
 * its projection writes ({@link #written}) and the drops before a replay ({@link #dropped}), and
 * forgets a collection once the store no longer names it (after a rebuild switched). A collection
 * never loaded nor dropped here is not known whole, and its queries go to the store. Writers hold
 * {@link #lock}; what readers read is the subclass's to publish safely.
 *
 * @param <I> what the index keeps of one collection
 */
public abstract class CollectionIndex<I> {

  private final Logger log = LoggerFactory.getLogger(getClass());

  protected final ReadStore store;
  protected final boolean active;
  protected final Object lock = new Object();
  protected final Map<String, I> collections = new ConcurrentHashMap<>();
  private final String base;
  private final List<String> fields;

  /** {@code base}: the read model's collection name; {@code fields}: what {@link #load} reads of each document. */
  protected CollectionIndex(ReadStore store, boolean active, String base, List<String> fields) {
    this.store = store;
    this.active = active;
    this.base = base;
    this.fields = List.copyOf(fields);
  }

  /** A collection known to be empty. */
  protected abstract I empty();

  /** Under {@link #lock}: takes {@code documents} (as stored now) into {@code indexed}. */
  protected abstract void apply(I indexed, Collection<Document> documents);

  public boolean active() {
    return active;
  }

  /** Loads the live collection and one being built. Blocking; for an active index's constructor. */
  protected final void loadAll() {
    store.refresh();
    ReadStore.Collections names = store.collections(base);
    load(names.live());
    if (names.building() != null) {
      load(names.building());
    }
  }

  /** Reads every document of {@code collection} (only the fields the index keeps) into a fresh set. Blocking. */
  public void load(String collection) {
    if (!active) {
      return;
    }
    long start = System.nanoTime();
    // Read whole again on an error: once, under heavy load, the H2 backend failed a long read ("Chunk 176 not found").
    // In batches of 1,000: unbounded demand asks for one batch of everything, and at 100,000
    // agreements mongo-java-server answered it with one 81 MB message, which the driver refuses (48 MB).
    List<Document> documents = Flux.defer(() -> store.collection(collection).find().projection(Projections.include(fields))
            .batchSize(1_000))
        .collectList()
        .retry(2)
        .block(ReadStore.WRITE_TIMEOUT.multipliedBy(10));
    synchronized (lock) {
      I indexed = empty();
      collections.put(collection, indexed);
      apply(indexed, documents);
    }
    log.info("{}: {} documents of {} loaded in {} ms", getClass().getSimpleName(), documents.size(), collection,
        (System.nanoTime() - start) / 1_000_000);
  }

  /** The documents {@code collection} now holds, as a batch wrote them. */
  public void written(String collection, Collection<Document> documents) {
    if (!active) {
      return;
    }
    synchronized (lock) {
      prune();
      I indexed = collections.get(collection);
      if (indexed != null) {
        apply(indexed, documents);
      }
    }
  }

  /** {@code collection} was dropped before a replay into it: it is known, and empty. */
  public void dropped(String collection) {
    if (!active) {
      return;
    }
    synchronized (lock) {
      collections.put(collection, empty());
      prune();
    }
  }

  /** What the index keeps of {@code collection}, or null when it does not know it whole (or is inactive). */
  protected final I indexed(String collection) {
    if (!active) {
      return null;
    }
    ReadStore.Collections names = store.collections(base);
    if (collections.keySet().stream().anyMatch(name -> !name.equals(names.live()) && !name.equals(names.building()))) {
      synchronized (lock) {
        prune();
      }
    }
    return collections.get(collection);
  }

  /** Forgets collections the store no longer names (the previous live one, after a rebuild switched). */
  private void prune() {
    ReadStore.Collections names = store.collections(base);
    collections.keySet().removeIf(name -> !name.equals(names.live()) && !name.equals(names.building()));
  }
}
