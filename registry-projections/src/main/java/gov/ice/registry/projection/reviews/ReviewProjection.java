package gov.ice.registry.projection.reviews;

import static gov.ice.registry.projection.BsonValues.day;
import static gov.ice.registry.projection.BsonValues.name;

import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.Indexes;
import gov.ice.registry.agreement.api.AgreementEvent;
import gov.ice.registry.agreement.AgreementState;
import gov.ice.registry.agreement.NoticeKey;
import gov.ice.registry.agreement.api.AgreementAmended;
import gov.ice.registry.agreement.api.AgreementExecuted;
import gov.ice.registry.agreement.api.AgreementProfile;
import gov.ice.registry.agreement.api.AgreementStatus;
import gov.ice.registry.agreement.api.BiennialReviewCompleted;
import gov.ice.registry.agreement.api.DraftRevised;
import gov.ice.registry.agreement.api.ReviewDueNoticeIssued;
import gov.ice.registry.projection.BsonValues;
import gov.ice.registry.projection.StatusChange;
import gov.ice.registry.projection.VersionedWrite;
import java.util.ArrayList;
import java.util.Comparator;
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
 *
 * <p>Each event changes the agreement's document from the one before it (the batch's own, or the
 * stored one read by {@code _id}), as the repository does; the document also keeps every review
 * notice recorded ({@code reviewNotices}, dates and thresholds), so a due date that moves finds the
 * notices already recorded for its new date, as the fold does. Only a gap (no document, or one
 * behind the event's predecessor) folds the agreement from the ledger.
 */
@Component
@ProcessingGroup(ReviewProjection.GROUP)
public class ReviewProjection extends BatchedProjection {

  public static final String GROUP = "reviews";
  static final String COLLECTION = "reviews";
  static final String NOTICES = "reviewNotices";

  private final LedgerFold fold;

  public ReviewProjection(ReadStore store, AgreementLedger ledger) {
    super(GROUP, COLLECTION, store, List.of(new IndexModel(Indexes.ascending("status", "nextReviewDue"))));
    this.fold = new LedgerFold(ledger);
  }

  @Override
  protected void handle(AgreementEvent event, DomainEventMessage<?> message, ReadModelBatch batch) {
    changeByEvent(message, event.agreementId().value(), batch,
        () -> fromState(AgreementState.none().then(event)),
        before -> next(before, event),
        () -> fromState(fold.after(message).state()));
  }

  /** The document of a folded agreement. */
  public static Document fromState(AgreementState state) {
    List<Document> notices = state.noticesIssued().stream()
        .filter(NoticeKey.Review.class::isInstance).map(NoticeKey.Review.class::cast)
        .map(k -> notice(day(k.dueOn()), k.daysBeforeDue()))
        .sorted(NOTICE_ORDER).toList();
    return new Document()
        .append("title", state.profile().title())
        .append("kind", name(state.profile().kind()))
        .append("owningDirectorate", name(state.profile().owningDirectorate()))
        .append("status", name(state.status()))
        .append("effectiveDate", day(state.effectiveDate()))
        .append("lastReviewedOn", day(state.lastReviewedOn()))
        .append("nextReviewDue", day(state.nextReviewDue()))
        .append("noticesIssued", state.reviewNoticesIssuedFor(state.nextReviewDue()))
        .append(NOTICES, notices);
  }

  /** The document after {@code event}, from the one reflecting exactly the events before it. */
  static Document next(Document before, AgreementEvent event) {
    Document d = new Document(before);
    d.remove("_id");
    d.remove(VersionedWrite.VERSION);
    d.put("status", name(StatusChange.after(BsonValues.name(d, "status", AgreementStatus.class), event)));
    AgreementProfile profile = null;
    if (event instanceof DraftRevised e) {
      profile = e.profile();
    } else if (event instanceof AgreementAmended e) {
      profile = e.profile();
    } else if (event instanceof AgreementExecuted e) {
      d.put("effectiveDate", day(e.effectiveDate()));
      d.put("nextReviewDue", day(e.nextReviewDue()));
    } else if (event instanceof BiennialReviewCompleted e) {
      d.put("lastReviewedOn", day(e.reviewedOn()));
      d.put("nextReviewDue", day(e.nextReviewDue()));
    } else if (event instanceof ReviewDueNoticeIssued e) {
      Document notice = notice(day(e.dueOn()), e.daysBeforeDue());
      List<Document> notices = new ArrayList<>(BsonValues.documents(d, NOTICES));
      if (!notices.contains(notice)) {
        notices.add(notice);
        notices.sort(NOTICE_ORDER);
      }
      d.put(NOTICES, notices);
    }
    if (profile != null) {
      d.put("title", profile.title());
      d.put("kind", name(profile.kind()));
      d.put("owningDirectorate", name(profile.owningDirectorate()));
    }
    String due = d.getString("nextReviewDue");
    d.put("noticesIssued", due == null ? List.of() : BsonValues.documents(d, NOTICES).stream()
        .filter(n -> due.equals(n.getString("dueOn"))).map(n -> n.getInteger("daysBeforeDue")).sorted().toList());
    return d;
  }

  private static final Comparator<Document> NOTICE_ORDER = Comparator
      .comparing((Document n) -> n.getString("dueOn")).thenComparing(n -> n.getInteger("daysBeforeDue"));

  private static Document notice(String dueOn, int daysBeforeDue) {
    return new Document("dueOn", dueOn).append("daysBeforeDue", daysBeforeDue);
  }

  @Override
  protected void forget() {
    fold.clear();
  }
}
