package gov.ice.registry.projection.notices;

import static gov.ice.registry.projection.BsonValues.day;
import static gov.ice.registry.projection.BsonValues.instant;

import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.Indexes;
import gov.ice.registry.agreement.api.AgreementEvent;
import gov.ice.registry.agreement.api.ExigentDeadlineMissedNoticeIssued;
import gov.ice.registry.agreement.api.ReviewDueNoticeIssued;
import gov.ice.registry.projection.AgreementLedger;
import gov.ice.registry.projection.BatchedProjection;
import gov.ice.registry.projection.LedgerFold;
import gov.ice.registry.projection.ReadModelBatch;
import gov.ice.registry.projection.mongo.ReadStore;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The notices issued, one document per notice event keyed by the event's identifier: writing it
 * again replaces it with the same content. It folds every event to know the agreement's title.
 * Sending notices to webhooks is not this projection's business: it replays, they must not.
 */
@Component
@ProcessingGroup(NoticeProjection.GROUP)
public class NoticeProjection extends BatchedProjection {

  public static final String GROUP = "notices";
  static final String COLLECTION = "notices";

  private final LedgerFold fold;

  public NoticeProjection(ReadStore store, AgreementLedger ledger) {
    super(GROUP, COLLECTION, store, List.of(
        new IndexModel(Indexes.ascending("recordedAt")),
        new IndexModel(Indexes.ascending("issuedOn"))));
    this.fold = new LedgerFold(ledger);
  }

  @Override
  protected void handle(AgreementEvent event, DomainEventMessage<?> message, ReadModelBatch batch) {
    LedgerFold.Folded folded = fold.after(message);
    Document notice = new Document("agreementId", event.agreementId().value())
        .append("title", folded.state().profile().title())
        .append("recordedAt", instant(message.getTimestamp()))
        .append("sequence", message.getSequenceNumber());
    if (event instanceof ReviewDueNoticeIssued e) {
      notice.append("type", IssuedNotice.REVIEW_DUE)
          .append("issuedOn", day(e.issuedOn()))
          .append("dueOn", day(e.dueOn()))
          .append("daysBeforeDue", e.daysBeforeDue());
    } else if (event instanceof ExigentDeadlineMissedNoticeIssued e) {
      notice.append("type", IssuedNotice.EXIGENT_DEADLINE_MISSED)
          .append("issuedOn", day(e.issuedOn()))
          .append("transferredOn", day(e.transferredOn()))
          .append("deadline", day(e.deadline()));
    } else {
      return;
    }
    batch.put(collection(), message.getIdentifier(), notice);
  }

  @Override
  protected void forget() {
    fold.clear();
  }
}
