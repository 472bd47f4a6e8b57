package gov.ice.registry.projection.exigent;

import static gov.ice.registry.projection.batch.BsonValues.day;
import static gov.ice.registry.projection.batch.BsonValues.name;

import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.Indexes;
import gov.ice.registry.agreement.ExigentMemorialization;
import gov.ice.registry.agreement.api.AgreementEvent;
import gov.ice.registry.agreement.api.AgreementStatus;
import gov.ice.registry.agreement.api.ExigentTransfer;
import gov.ice.registry.agreement.api.ExigentTransferRecorded;
import gov.ice.registry.projection.context.AgreementContext;
import gov.ice.registry.projection.context.AgreementContexts;
import gov.ice.registry.projection.context.AgreementLedger;
import gov.ice.registry.projection.batch.BatchedProjection;
import gov.ice.registry.projection.batch.ReadModelBatch;
import gov.ice.registry.projection.mongo.ReadStore;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Exigent transfers, one document per agreement and transfer day, with whether the agreement was
 * memorialized in time. Whether a pending deadline has passed depends on the day it is asked, so
 * the queries decide that, not this projection.
 *
 * <p>Each event of an agreement with transfers rewrites its transfers' documents (at the event's
 * version) from the agreement's title, status, execution day, transfers and missed-deadline
 * notices right after the event, which the projection keeps in {@code exigentContexts} for the
 * agreements with a transfer, from their first one on, changed by each event
 * ({@link AgreementContexts#afterIfKept}), not by folding the agreement from the ledger. Most
 * agreements never have a transfer: their events write nothing here.
 */
@Component
@ProcessingGroup(ExigentDeadlineProjection.GROUP)
public class ExigentDeadlineProjection extends BatchedProjection {

  public static final String GROUP = "exigent";
  static final String COLLECTION = "exigentTransfers";
  static final String CONTEXTS = "exigentContexts";

  private final AgreementContexts contexts;

  public ExigentDeadlineProjection(ReadStore store, AgreementLedger ledger) {
    super(GROUP, COLLECTION, store, List.of(
        new IndexModel(Indexes.ascending("met", "memorializationDeadline")),
        new IndexModel(Indexes.ascending("agreementId"))));
    this.contexts = AgreementContexts.onlyWhereNeeded(store, CONTEXTS, ledger, target());
  }

  @Override
  protected void handle(AgreementEvent event, DomainEventMessage<?> message, ReadModelBatch batch) {
    AgreementContext context = contexts.afterIfKept(message, batch, ExigentTransferRecorded.class::isInstance);
    if (context == null) {
      return;
    }
    String agreementId = event.agreementId().value();
    for (ExigentTransfer transfer : context.exigentTransfers()) {
      Document document = document(agreementId, context.title(), context.status(), context.executedOn(), transfer,
          context.exigentNoticeIssued(transfer.transferredOn()));
      batch.put(collection(), agreementId + ":" + transfer.transferredOn(), message.getSequenceNumber() + 1, document);
    }
  }

  /** The document of one transfer of an agreement whose title, status and execution day are those given. */
  public static Document document(String agreementId, String title, AgreementStatus status, LocalDate executedOn,
      ExigentTransfer transfer, boolean missedNoticeIssued) {
    return new Document()
        .append("agreementId", agreementId)
        .append("title", title)
        .append("status", name(status))
        .append("transferredOn", day(transfer.transferredOn()))
        .append("authorizedBy", name(transfer.authorizedBy()))
        .append("memorializationDeadline", day(transfer.memorializationDeadline()))
        .append("laterMemorializationApprovedBy", name(transfer.laterMemorializationApprovedBy()))
        .append("executedOn", day(executedOn))
        .append("met", ExigentMemorialization.met(transfer, executedOn))
        .append("missedNoticeIssued", missedNoticeIssued);
  }

  @Override
  protected void forget() {
    contexts.forget();
  }
}
