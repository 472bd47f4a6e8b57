package gov.ice.registry.projection.exigent;

import static gov.ice.registry.projection.BsonValues.day;
import static gov.ice.registry.projection.BsonValues.name;

import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.Indexes;
import gov.ice.registry.agreement.api.AgreementEvent;
import gov.ice.registry.agreement.AgreementState;
import gov.ice.registry.agreement.ExigentMemorialization;
import gov.ice.registry.agreement.api.ExigentTransfer;
import gov.ice.registry.projection.AgreementLedger;
import gov.ice.registry.projection.LedgerFold;
import gov.ice.registry.projection.BatchedProjection;
import gov.ice.registry.projection.ReadModelBatch;
import gov.ice.registry.projection.mongo.ReadStore;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Exigent transfers, one document per agreement and transfer day, with whether the agreement was
 * memorialized in time. Whether a pending deadline has passed depends on the day it is asked, so
 * the queries decide that, not this projection.
 */
@Component
@ProcessingGroup(ExigentDeadlineProjection.GROUP)
public class ExigentDeadlineProjection extends BatchedProjection {

  public static final String GROUP = "exigent";
  static final String COLLECTION = "exigentTransfers";

  private final LedgerFold fold;

  public ExigentDeadlineProjection(ReadStore store, AgreementLedger ledger) {
    super(GROUP, COLLECTION, store, List.of(
        new IndexModel(Indexes.ascending("met", "memorializationDeadline")),
        new IndexModel(Indexes.ascending("agreementId"))));
    this.fold = new LedgerFold(ledger);
  }

  @Override
  protected void handle(AgreementEvent event, DomainEventMessage<?> message, ReadModelBatch batch) {
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
      batch.put(collection(), event.agreementId().value() + ":" + transfer.transferredOn(), folded.sequence() + 1, document);
    }
  }

  @Override
  protected void forget() {
    fold.clear();
  }
}
