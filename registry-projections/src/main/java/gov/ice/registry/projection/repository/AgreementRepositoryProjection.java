package gov.ice.registry.projection.repository;

import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.Indexes;
import com.mongodb.reactivestreams.client.MongoCollection;
import gov.ice.registry.agreement.api.AgreementEvent;
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
 * The central repository: one document per agreement, rewritten from the domain's fold after
 * each of its events. Every event changes the summary (at least its version), so it handles them all.
 */
@Component
@ProcessingGroup(AgreementRepositoryProjection.GROUP)
public class AgreementRepositoryProjection {

  public static final String GROUP = "repository";

  private final ReadStore store;
  private final MongoCollection<Document> agreements;
  private final LedgerFold fold;

  public AgreementRepositoryProjection(ReadStore store, AgreementLedger ledger) {
    this.store = store;
    this.agreements = store.collection(AgreementDocuments.COLLECTION);
    this.fold = new LedgerFold(ledger);
    ensureIndexes();
  }

  @EventHandler
  void on(AgreementEvent event, DomainEventMessage<?> message) {
    LedgerFold.Folded folded = fold.after(message);
    VersionedWrite.replace(agreements, event.agreementId().value(), folded.sequence() + 1, AgreementDocuments.toDocument(folded));
  }

  @ResetHandler
  void reset() {
    fold.clear();
    store.drop(AgreementDocuments.COLLECTION);
    ensureIndexes();
  }

  /** One index per filter of the search, and the sort keys. */
  private void ensureIndexes() {
    ReadStore.await(agreements.createIndexes(List.of(
        new IndexModel(Indexes.ascending(AgreementDocuments.STATUS, AgreementDocuments.TITLE_SORT)),
        new IndexModel(Indexes.ascending(AgreementDocuments.KIND)),
        new IndexModel(Indexes.ascending(AgreementDocuments.CATEGORIES)),
        new IndexModel(Indexes.ascending(AgreementDocuments.PARTY_KINDS)),
        new IndexModel(Indexes.ascending(AgreementDocuments.PARTY_NAMES)),
        new IndexModel(Indexes.ascending(AgreementDocuments.COUNTRIES)),
        new IndexModel(Indexes.ascending(AgreementDocuments.DIRECTORATE)),
        new IndexModel(Indexes.ascending(AgreementDocuments.PII)),
        new IndexModel(Indexes.ascending(AgreementDocuments.TITLE_SORT)),
        new IndexModel(Indexes.descending("updatedAt")))));
  }
}
