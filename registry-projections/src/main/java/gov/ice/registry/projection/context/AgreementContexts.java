package gov.ice.registry.projection.context;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import gov.ice.registry.agreement.api.AgreementEvent;
import gov.ice.registry.projection.mongo.ReadStore;
import java.util.Objects;
import java.util.function.Predicate;
import org.axonframework.eventhandling.DomainEventMessage;
import org.bson.Document;
import gov.ice.registry.projection.batch.VersionedWrite;
import gov.ice.registry.projection.batch.ReadModelBatch;
import gov.ice.registry.projection.batch.BsonValues;
import gov.ice.registry.projection.batch.BatchedProjection;

/**
 * One read model's {@link AgreementContext}s, one document per agreement in a collection of the
 * read model's own, with {@code version} (its events reflected) as the documents changed by event
 * ({@link BatchedProjection#changeByEvent}): the context before an event is the one the batch
 * already holds, else the stored one read by {@code _id} alone, and the event changes it.
 *
 * <p>Only when that context is missing or behind the event's predecessor (a gap ordered delivery
 * does not leave; or a read store written before contexts existed), or already past the event (a
 * batch delivered again after its documents were written but not its token), is the agreement
 * folded from the ledger ({@link LedgerFold}). The context answered is always the one right after
 * the event, so a read model derives the same documents from it whichever way it came.
 *
 * <p>Queries never read contexts: a rebuild writes its documents into a new collection while the
 * live one is read, but the contexts belong to the writer alone, so a reset drops them
 * ({@link #forget}) and the replay makes them again.
 */
public final class AgreementContexts {

  /** Which contexts collections hold a context for every agreement that needs one. */
  static final String MARKS = "readModelContexts";

  private final ReadStore store;
  private final String collection;
  private final LedgerFold fold;
  private final boolean sparse;
  /** Whether every agreement that needed a context has one: see {@link #onlyWhereNeeded}. */
  private volatile boolean complete;

  public AgreementContexts(ReadStore store, String collection, AgreementLedger ledger) {
    this(store, collection, ledger, false);
  }

  private AgreementContexts(ReadStore store, String collection, AgreementLedger ledger, boolean sparse) {
    this.store = Objects.requireNonNull(store, "store");
    this.collection = Objects.requireNonNull(collection, "collection");
    this.fold = new LedgerFold(ledger);
    this.sparse = sparse;
  }

  /**
   * Contexts for a read model that needs them only for some agreements ({@link #afterIfKept}),
   * whose documents are written into {@code documents}. Keeping only those is sound only if every
   * agreement that needed one has one: true of contexts made from an empty read model or since a
   * reset (which {@code readModelContexts} records), not of a read store written before contexts
   * existed, whose agreements may have transfers or notices and no context. Such a store keeps
   * a context for every agreement, as {@link #after} does, until the read model is rebuilt.
   */
  public static AgreementContexts onlyWhereNeeded(ReadStore store, String collection, AgreementLedger ledger,
      String documents) {
    AgreementContexts contexts = new AgreementContexts(store, collection, ledger, true);
    contexts.complete = contexts.marked();
    if (!contexts.complete && ReadStore.await(store.collection(documents).find().first()) == null) {
      contexts.mark();
      contexts.complete = true;
    }
    return contexts;
  }

  /** The agreement's context right after {@code message}, recorded in {@code batch} to be written with it. */
  public AgreementContext after(DomainEventMessage<?> message, ReadModelBatch batch) {
    AgreementEvent event = (AgreementEvent) message.getPayload();
    if (message.getSequenceNumber() == 0) {
      AgreementContext context = AgreementContext.NONE.next(event);
      batch.put(collection, event.agreementId().value(), 1, context.toDocument());
      return context;
    }
    return changed(message, before(event, batch), batch);
  }

  /**
   * For a read model that needs the context of only some agreements: the context right after
   * {@code message} if the agreement already has one or {@code message} is the first it needs
   * one for ({@code starts}), recorded in {@code batch}; else null, and nothing is read from the
   * ledger or written. The first context of an agreement is made from its fold from the ledger
   * (once per agreement: the events before it were not kept), every later one by the event, so
   * an agreement that never needs one costs a lookup by {@code _id} per event, not a write.
   */
  public AgreementContext afterIfKept(DomainEventMessage<?> message, ReadModelBatch batch,
      Predicate<AgreementEvent> starts) {
    if (!complete) {
      return after(message, batch);
    }
    AgreementEvent event = (AgreementEvent) message.getPayload();
    Document before = message.getSequenceNumber() == 0 ? null : before(event, batch);
    if (before == null && !starts.test(event)) {
      return null;
    }
    return changed(message, before, batch);
  }

  /** The context before {@code event}: the one the batch holds, else the stored one, or null. */
  private Document before(AgreementEvent event, ReadModelBatch batch) {
    String id = event.agreementId().value();
    Document pending = batch.pending(collection, id);
    return pending != null ? pending : batch.stored(store.collection(collection), id);
  }

  /**
   * The context after {@code message} from {@code before}, or from the agreement's fold if that is
   * missing, behind the event's predecessor, or already past the event (written again: the batch's
   * later events build on it, and the write skips what the store holds at a later version).
   */
  private AgreementContext changed(DomainEventMessage<?> message, Document before, ReadModelBatch batch) {
    AgreementEvent event = (AgreementEvent) message.getPayload();
    long sequence = message.getSequenceNumber();
    long version = before == null ? -1 : BsonValues.number(before, VersionedWrite.VERSION);
    AgreementContext context = version == sequence
        ? AgreementContext.from(before).next(event)
        : AgreementContext.of(fold.after(message).state());
    batch.put(collection, event.agreementId().value(), sequence + 1, context.toDocument());
    return context;
  }

  /** Before a replay: the contexts are made again from the first event. */
  public void forget() {
    fold.clear();
    store.drop(collection);
    if (sparse && !complete) {
      // The replay makes them again from the first event, so from now on none is missing.
      mark();
      complete = true;
    }
  }

  public String collection() {
    return collection;
  }

  private boolean marked() {
    return ReadStore.await(store.collection(MARKS).find(Filters.eq("_id", collection)).first()) != null;
  }

  private void mark() {
    ReadStore.await(store.collection(MARKS).replaceOne(Filters.eq("_id", collection),
        new Document("_id", collection).append("complete", true), new ReplaceOptions().upsert(true)));
    // Committed with the next batch: until then the documents are as empty as they were, or, after
    // a reset, as dropped, and a restart marks them again.
  }

}
