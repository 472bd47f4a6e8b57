package gov.ice.registry.projection.notices;

import static gov.ice.registry.projection.batch.BsonValues.day;
import static gov.ice.registry.projection.batch.BsonValues.instant;

import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.Indexes;
import gov.ice.registry.agreement.api.AgreementEvent;
import gov.ice.registry.agreement.api.ExigentDeadlineMissedNoticeIssued;
import gov.ice.registry.agreement.api.ReminderIssued;
import gov.ice.registry.agreement.api.ReviewDueNoticeIssued;
import gov.ice.registry.projection.context.AgreementContext;
import gov.ice.registry.projection.context.AgreementContexts;
import gov.ice.registry.projection.context.AgreementLedger;
import gov.ice.registry.projection.batch.BatchedProjection;
import gov.ice.registry.projection.batch.ReadModelBatch;
import gov.ice.registry.projection.mongo.ReadStore;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The notices issued, one document per notice event keyed by the event's identifier: writing it
 * again replaces it with the same content. A notice shows the agreement's title as it stood then,
 * which the projection keeps in {@code noticeContexts} for the agreements with a notice, from
 * their first one on (the title may change between notices), changed by each event
 * ({@link AgreementContexts#afterIfKept}), not by folding the agreement from the ledger. Events
 * of an agreement before its first notice write nothing here.
 * Sending notices to webhooks is not this projection's business: it replays, they must not.
 */
@Component
@ProcessingGroup(NoticeProjection.GROUP)
public class NoticeProjection extends BatchedProjection {

  public static final String GROUP = "notices";
  static final String COLLECTION = "notices";
  static final String CONTEXTS = "noticeContexts";

  private final AgreementContexts contexts;

  public NoticeProjection(ReadStore store, AgreementLedger ledger) {
    super(GROUP, COLLECTION, store, List.of(
        new IndexModel(Indexes.ascending("recordedAt")),
        new IndexModel(Indexes.ascending("issuedOn"))));
    this.contexts = AgreementContexts.onlyWhereNeeded(store, CONTEXTS, ledger, target());
  }

  @Override
  protected void handle(AgreementEvent event, DomainEventMessage<?> message, ReadModelBatch batch) {
    AgreementContext context = contexts.afterIfKept(message, batch, NoticeProjection::isNotice);
    if (context != null && isNotice(event)) {
      batch.put(collection(), message.getIdentifier(), notice(message, context.title()));
    }
  }

  private static boolean isNotice(AgreementEvent event) {
    return event instanceof ReviewDueNoticeIssued || event instanceof ExigentDeadlineMissedNoticeIssued
        || event instanceof ReminderIssued;
  }

  /** The notice {@code message} records for an agreement titled {@code title}, or null if it records none. */
  public static Document notice(DomainEventMessage<?> message, String title) {
    AgreementEvent event = (AgreementEvent) message.getPayload();
    Document notice = new Document("agreementId", event.agreementId().value())
        .append("title", title)
        .append("recordedAt", instant(message.getTimestamp()))
        .append("sequence", message.getSequenceNumber());
    if (event instanceof ReviewDueNoticeIssued e) {
      return notice.append("type", IssuedNotice.REVIEW_DUE)
          .append("issuedOn", day(e.issuedOn()))
          .append("dueOn", day(e.dueOn()))
          .append("daysBeforeDue", e.daysBeforeDue());
    } else if (event instanceof ExigentDeadlineMissedNoticeIssued e) {
      return notice.append("type", IssuedNotice.EXIGENT_DEADLINE_MISSED)
          .append("issuedOn", day(e.issuedOn()))
          .append("transferredOn", day(e.transferredOn()))
          .append("deadline", day(e.deadline()));
    } else if (event instanceof ReminderIssued e) {
      return notice.append("type", IssuedNotice.REMINDER)
          .append("issuedOn", day(e.issuedOn()))
          .append("step", e.step().name())
          .append("holder", e.holder())
          .append("draftVersion", e.draftVersion())
          .append("waitingSince", day(e.waitingSince()))
          .append("afterBusinessDays", e.afterBusinessDays());
    }
    return null;
  }

  @Override
  protected void forget() {
    contexts.forget();
  }
}
