package gov.ice.registry.projection.batch;

import com.mongodb.client.model.IndexModel;
import gov.ice.registry.agreement.api.AgreementEvent;
import gov.ice.registry.projection.mongo.ReadStore;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;

/**
 * The skeleton every read model shares: it collects what the events of a processor's batch change
 * into a {@link ReadModelBatch} kept in the batch's unit of work, and writes it on the batch's last
 * event, inside the handler. A write that fails therefore fails the handler, the batch rolls back
 * and its token stays where it was (the processor registers its token write in prepare-commit,
 * after every handler returned); the batch is then processed again. After the write the store
 * commits ({@link ReadStore#commit()}), so the token never claims documents that are not kept.
 *
 * <p>A rebuild writes into a new collection while queries read the live one ({@link #reset}).
 *
 * <p>It handles every event so that it sees each batch's last one, whatever its type; a read
 * model says what it does with an agreement's events in {@link #handle}. Called without a
 * unit of work (a test driving it directly), every event is a batch of its own.
 */
public abstract class BatchedProjection {

  private final String name;
  private final String collection;
  private final ReadStore store;
  private final List<IndexModel> indexes;
  /** Where the batches are written: the live collection, or the one a rebuild is building. */
  private volatile String target;

  protected BatchedProjection(String name, String collection, ReadStore store, List<IndexModel> indexes) {
    this.name = Objects.requireNonNull(name, "name");
    this.collection = Objects.requireNonNull(collection, "collection");
    this.store = Objects.requireNonNull(store, "store");
    this.indexes = List.copyOf(indexes);
    store.refresh();
    ReadStore.Collections collections = store.collections(collection);
    this.target = collections.building() != null ? collections.building() : collections.live();
    ensureIndexes();
  }

  /** Records in {@code batch} what {@code event} changes; {@link #collection()} names where. */
  protected abstract void handle(AgreementEvent event, DomainEventMessage<?> message, ReadModelBatch batch);

  /**
   * For a read model with one document per agreement, changed by each of its events: the
   * agreement's first event makes it from nothing; a later one changes the document as it stood
   * just before (pending in this batch, else stored); a document missing or further behind is made
   * again from the agreement's whole history; one that already reflects the event (a redelivery,
   * or documents ahead of their token) is left alone.
   */
  protected final void changeByEvent(DomainEventMessage<?> message, String id, ReadModelBatch batch, Supplier<Document> first,
      UnaryOperator<Document> next, Supplier<Document> fromHistory) {
    long sequence = message.getSequenceNumber();
    Document document;
    if (sequence == 0) {
      document = first.get();
    } else {
      Document before = batch.pending(collection, id);
      if (before == null) {
        before = batch.stored(store.collection(target), id);
      }
      long version = before == null ? -1 : BsonValues.number(before, VersionedWrite.VERSION);
      if (version > sequence) {
        return;
      }
      document = version == sequence ? next.apply(before) : fromHistory.get();
    }
    batch.put(collection, id, sequence + 1, document);
  }

  /** Forgets what the projection keeps in memory, before a replay. */
  protected void forget() {}

  /**
   * After a batch's write: the documents of this read model that {@code collection} now holds as
   * the batch made them (written, or versioned and already there at that version), for what a read
   * model keeps beside its collection. Documents changed by {@link ReadModelBatch#updateStored}
   * are not reported.
   */
  protected void written(String collection, List<Document> documents) {}

  /** After {@code collection} was dropped before a replay into it. */
  protected void dropped(String collection) {}

  protected final String collection() {
    return collection;
  }

  /** The collection the batches are written into now: the live one, or the one a rebuild builds. */
  protected final String target() {
    return target;
  }

  @EventHandler
  final void on(Object payload, EventMessage<?> message) {
    UnitOfWork<?> unitOfWork = CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get() : null;
    ReadModelBatch batch = unitOfWork == null
        ? new ReadModelBatch()
        : unitOfWork.root().getOrComputeResource(ReadModelBatch.class.getName() + "/" + name,
            key -> new ReadModelBatch(continued(unitOfWork)));
    if (payload instanceof AgreementEvent event && message instanceof DomainEventMessage<?> domain) {
      handle(event, domain, batch);
    }
    boolean last = !(unitOfWork instanceof BatchingUnitOfWork<?> batching) || batching.isLastMessage();
    if (last && !batch.isEmpty()) {
      String into = target;
      Map<String, List<Document>> held = batch.flush(base -> store.collection(base.equals(collection) ? into : base));
      store.commit();
      List<Document> own = held.getOrDefault(collection, List.of());
      if (!own.isEmpty()) {
        written(into, own);
      }
    }
  }

  /** The agreements of the batch's events past their first event, whose stored documents the handlers will look up. */
  private static Set<String> continued(UnitOfWork<?> unitOfWork) {
    if (!(unitOfWork instanceof BatchingUnitOfWork<?> batching)) {
      return Set.of();
    }
    Set<String> ids = new HashSet<>();
    for (Message<?> message : batching.getMessages()) {
      if (message instanceof DomainEventMessage<?> domain && domain.getSequenceNumber() > 0
          && domain.getPayload() instanceof AgreementEvent) {
        ids.add(domain.getAggregateIdentifier());
      }
    }
    return ids;
  }

  /**
   * Before a replay: into the collection a rebuild named ({@link ReadStore#beginRebuild}), the
   * live one untouched; without one (a reset by other means), into the live collection, emptied.
   */
  @ResetHandler
  public final void reset() {
    forget();
    store.refresh();
    ReadStore.Collections collections = store.collections(collection);
    target = collections.building() != null ? collections.building() : collections.live();
    store.drop(target);
    dropped(target);
    ensureIndexes();
  }

  private void ensureIndexes() {
    store.createIndexes(target, indexes);
  }
}
