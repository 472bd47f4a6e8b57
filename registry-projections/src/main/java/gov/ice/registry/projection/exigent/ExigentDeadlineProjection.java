package gov.ice.registry.projection.exigent;

import static gov.ice.registry.projection.BsonValues.day;
import static gov.ice.registry.projection.BsonValues.name;

import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.Indexes;
import com.mongodb.reactivestreams.client.MongoCollection;
import gov.ice.registry.agreement.api.AgreementEvent;
import gov.ice.registry.agreement.AgreementState;
import gov.ice.registry.agreement.ExigentMemorialization;
import gov.ice.registry.agreement.api.ExigentTransfer;
import gov.ice.registry.projection.AgreementLedger;
import gov.ice.registry.projection.LedgerFold;
import gov.ice.registry.projection.VersionedWrite;
import gov.ice.registry.projection.mongo.ReadStore;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Exigent transfers, one document per agreement and transfer day, with whether the agreement was
 * memorialized in time. Whether a pending deadline has passed depends on the day it is asked, so
 * the queries decide that, not this projection.
 */
@Component
@ProcessingGroup(ExigentDeadlineProjection.GROUP)
public class ExigentDeadlineProjection {

  public static final String GROUP = "exigent";
  static final String COLLECTION = "exigentTransfers";

  private final ReadStore store;
  private final MongoCollection<Document> transfers;
  private final LedgerFold fold;

  public ExigentDeadlineProjection(ReadStore store, AgreementLedger ledger) {
    this.store = store;
    this.transfers = store.collection(COLLECTION);
    this.fold = new LedgerFold(ledger);
    ensureIndexes();
  }

  @EventHandler
  void on(AgreementEvent event, DomainEventMessage<?> message) {
    LedgerFold.Folded folded = fold.after(message);
    AgreementState state = folded.state();
    for (ExigentTransfer transfer : state.exigentTransfers()) {
      Document document = new Document()
          .append("agreementId", event.agreementId().value())
          .append("title", state.profile().title())
          .append("status", name(state.status()))
          .append("transferredOn", day(transfer.transferredOn()))
          .append("authorizedBy", name(transfer.authorizedBy()))
          .append("memorializationDeadline", day(transfer.memorializationDeadline()))
          .append("laterMemorializationApprovedBy", name(transfer.laterMemorializationApprovedBy()))
          .append("executedOn", day(state.executedOn()))
          .append("met", ExigentMemorialization.met(transfer, state.executedOn()))
          .append("missedNoticeIssued", state.noticeIssued(AgreementState.exigentNoticeKey(transfer.transferredOn())));
      VersionedWrite.replace(transfers, event.agreementId().value() + ":" + transfer.transferredOn(), folded.sequence() + 1, document);
    }
  }

  @ResetHandler
  void reset() {
    fold.clear();
    store.drop(COLLECTION);
    ensureIndexes();
  }

  private void ensureIndexes() {
    ReadStore.await(transfers.createIndexes(List.of(
        new IndexModel(Indexes.ascending("met", "memorializationDeadline")),
        new IndexModel(Indexes.ascending("agreementId")))));
  }
}
