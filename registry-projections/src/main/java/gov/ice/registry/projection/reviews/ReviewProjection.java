package gov.ice.registry.projection.reviews;

import static gov.ice.registry.projection.BsonValues.day;
import static gov.ice.registry.projection.BsonValues.name;

import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.Indexes;
import gov.ice.registry.agreement.api.AgreementEvent;
import gov.ice.registry.agreement.AgreementFacts;
import gov.ice.registry.agreement.api.AgreementAmended;
import gov.ice.registry.agreement.api.AgreementExecuted;
import gov.ice.registry.agreement.api.AgreementProfile;
import gov.ice.registry.agreement.api.AgreementStatus;
import gov.ice.registry.agreement.api.BiennialReviewCompleted;
import gov.ice.registry.agreement.api.DraftRevised;
import gov.ice.registry.agreement.api.NoticeKey;
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
import java.time.LocalDate;
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
        () -> fromState(AgreementFacts.none().then(event)),
        before -> next(before, event),
        () -> fromState(fold.after(message).state()));
  }

  /** The document of a folded agreement. */
  public static Document fromState(AgreementFacts state) {
    List<Document> notices = notices(state.noticesIssued().stream()
        .filter(NoticeKey.Review.class::isInstance).map(NoticeKey.Review.class::cast).toList());
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
      List<NoticeKey.Review> keys = new ArrayList<>(notices(d));
      keys.add(e.key());
      d.put(NOTICES, notices(keys));
    }
    if (profile != null) {
      d.put("title", profile.title());
      d.put("kind", name(profile.kind()));
      d.put("owningDirectorate", name(profile.owningDirectorate()));
    }
    LocalDate due = day(d, "nextReviewDue");
    d.put("noticesIssued", due == null ? List.of() : notices(d).stream()
        .filter(key -> key.dueOn().equals(due)).map(NoticeKey.Review::daysBeforeDue).sorted().toList());
    return d;
  }

  /** Ordered by due date, then threshold; each notice once. */
  private static final Comparator<NoticeKey.Review> NOTICE_ORDER = Comparator
      .comparing(NoticeKey.Review::dueOn).thenComparingInt(NoticeKey.Review::daysBeforeDue);

  /** The stored form of review notices: {@code {dueOn, daysBeforeDue}} documents, read back as the keys they are. */
  private static List<Document> notices(List<NoticeKey.Review> keys) {
    return keys.stream().distinct().sorted(NOTICE_ORDER)
        .map(key -> new Document("dueOn", day(key.dueOn())).append("daysBeforeDue", key.daysBeforeDue()))
        .toList();
  }

  private static List<NoticeKey.Review> notices(Document d) {
    return BsonValues.documents(d, NOTICES).stream()
        .map(n -> new NoticeKey.Review(day(n, "dueOn"), n.getInteger("daysBeforeDue")))
        .toList();
  }

  @Override
  protected void forget() {
    fold.clear();
  }
}
