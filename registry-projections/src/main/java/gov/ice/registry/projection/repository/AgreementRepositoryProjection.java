package gov.ice.registry.projection.repository;

import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.Indexes;
import gov.ice.registry.agreement.api.AgreementEvent;
import gov.ice.registry.projection.context.AgreementLedger;
import gov.ice.registry.projection.context.LedgerFold;
import gov.ice.registry.projection.batch.BatchedProjection;
import gov.ice.registry.projection.batch.ReadModelBatch;
import gov.ice.registry.projection.mongo.ReadStore;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.stereotype.Component;

/**
 * The central repository: one document per agreement, changed by each of its events from the
 * document as it stood before that event (the batch's own, or the stored one read by {@code _id}).
 * Every event changes the summary (at least its version), so it handles them all.
 *
 * <p>Only when the document before the event is missing or older than the event's predecessor (a
 * gap no ordered delivery leaves, kept as a safety net) is the agreement folded from the ledger.
 */
@Component
@ProcessingGroup(AgreementRepositoryProjection.GROUP)
public class AgreementRepositoryProjection extends BatchedProjection {

  public static final String GROUP = "repository";

  private final LedgerFold fold;

  public AgreementRepositoryProjection(ReadStore store, AgreementLedger ledger) {
    super(GROUP, AgreementDocuments.COLLECTION, store, indexes());
    this.fold = new LedgerFold(ledger);
  }

  @Override
  protected void handle(AgreementEvent event, DomainEventMessage<?> message, ReadModelBatch batch) {
    changeByEvent(message, event.agreementId().value(), batch,
        () -> AgreementDocuments.next(null, event, message.getTimestamp()),
        before -> AgreementDocuments.next(before, event, message.getTimestamp()),
        () -> AgreementDocuments.toDocument(fold.after(message)));
  }

  @Override
  protected void forget() {
    fold.clear();
  }

  /** One index per filter of the search, and the sort keys (used by MongoDB; the embedded store scans). */
  private static List<IndexModel> indexes() {
    return List.of(
        new IndexModel(Indexes.ascending(AgreementDocuments.STATUS, AgreementDocuments.TITLE_SORT)),
        new IndexModel(Indexes.ascending(AgreementDocuments.KIND)),
        new IndexModel(Indexes.ascending(AgreementDocuments.CATEGORIES)),
        new IndexModel(Indexes.ascending(AgreementDocuments.PARTY_KINDS)),
        new IndexModel(Indexes.ascending(AgreementDocuments.PARTY_NAMES)),
        new IndexModel(Indexes.ascending(AgreementDocuments.COUNTRIES)),
        new IndexModel(Indexes.ascending(AgreementDocuments.DIRECTORATE)),
        new IndexModel(Indexes.ascending(AgreementDocuments.PII)),
        new IndexModel(Indexes.ascending(AgreementDocuments.TITLE_SORT)),
        new IndexModel(Indexes.descending("updatedAt")));
  }
}
