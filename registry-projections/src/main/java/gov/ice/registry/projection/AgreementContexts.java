package gov.ice.registry.projection;

import com.mongodb.client.model.Filters;
import gov.ice.registry.agreement.api.AgreementEvent;
import gov.ice.registry.projection.mongo.ReadStore;
import java.util.Objects;
import org.axonframework.eventhandling.DomainEventMessage;
import org.bson.Document;
import reactor.core.publisher.Mono;

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

  private final ReadStore store;
  private final String collection;
  private final LedgerFold fold;

  public AgreementContexts(ReadStore store, String collection, AgreementLedger ledger) {
    this.store = Objects.requireNonNull(store, "store");
    this.collection = Objects.requireNonNull(collection, "collection");
    this.fold = new LedgerFold(ledger);
  }

  /** The agreement's context right after {@code message}, recorded in {@code batch} to be written with it. */
  public AgreementContext after(DomainEventMessage<?> message, ReadModelBatch batch) {
    AgreementEvent event = (AgreementEvent) message.getPayload();
    String id = event.agreementId().value();
    long sequence = message.getSequenceNumber();
    AgreementContext context;
    if (sequence == 0) {
      context = AgreementContext.NONE.next(event);
    } else {
      Document before = batch.pending(collection, id);
      if (before == null) {
        before = stored(id);
      }
      long version = before == null ? -1 : BsonValues.number(before, VersionedWrite.VERSION);
      context = version == sequence
          ? AgreementContext.from(before).next(event)
          : AgreementContext.of(fold.after(message).state());
    }
    // Also when the stored one is already past it: the batch's later events build on it, and the
    // write skips what the store holds at a later version.
    batch.put(collection, id, sequence + 1, context.toDocument());
    return context;
  }

  /** Before a replay: the contexts are made again from the first event. */
  public void forget() {
    fold.clear();
    store.drop(collection);
  }

  public String collection() {
    return collection;
  }

  private Document stored(String id) {
    return Mono.from(store.collection(collection).find(Filters.eq("_id", id)).first()).block(ReadStore.WRITE_TIMEOUT);
  }
}
