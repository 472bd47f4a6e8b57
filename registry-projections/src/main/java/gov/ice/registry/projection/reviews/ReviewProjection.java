package gov.ice.registry.projection.reviews;

import static gov.ice.registry.projection.BsonValues.day;
import static gov.ice.registry.projection.BsonValues.name;

import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.Indexes;
import gov.ice.registry.agreement.api.AgreementEvent;
import gov.ice.registry.agreement.AgreementState;
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
 * The review schedule: every agreement with its status and next review due date, as the domain
 * computed it (two years from the effective date or the last review), and the review-due notices
 * recorded for that date.
 */
@Component
@ProcessingGroup(ReviewProjection.GROUP)
public class ReviewProjection extends BatchedProjection {

  public static final String GROUP = "reviews";
  static final String COLLECTION = "reviews";

  private final LedgerFold fold;

  public ReviewProjection(ReadStore store, AgreementLedger ledger) {
    super(GROUP, COLLECTION, store, List.of(new IndexModel(Indexes.ascending("status", "nextReviewDue"))));
    this.fold = new LedgerFold(ledger);
  }

  @Override
  protected void handle(AgreementEvent event, DomainEventMessage<?> message, ReadModelBatch batch) {
    LedgerFold.Folded folded = fold.after(message);
    AgreementState state = folded.state();
    String dueOn = day(state.nextReviewDue());
    List<Integer> notices = state.reviewNoticesIssuedFor(state.nextReviewDue());
    Document document = new Document()
        .append("title", state.profile().title())
        .append("kind", name(state.profile().kind()))
        .append("owningDirectorate", name(state.profile().owningDirectorate()))
        .append("status", name(state.status()))
        .append("effectiveDate", day(state.effectiveDate()))
        .append("lastReviewedOn", day(state.lastReviewedOn()))
        .append("nextReviewDue", dueOn)
        .append("noticesIssued", notices);
    batch.put(collection(), event.agreementId().value(), folded.sequence() + 1, document);
  }

  @Override
  protected void forget() {
    fold.clear();
  }
}
