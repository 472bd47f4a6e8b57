package gov.ice.registry.notice;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import gov.ice.registry.agreement.api.ExigentDeadlineMissedNoticeIssued;
import gov.ice.registry.agreement.api.ReminderIssued;
import gov.ice.registry.agreement.api.ReviewDueNoticeIssued;
import gov.ice.registry.projection.mongo.ReadStore;
import java.net.URI;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Queues each recorded notice for every configured webhook. Delivery happens later
 * ({@link NoticeWebhookSender}), so a slow receiver never holds up the ledger's processing.
 *
 * <p>A notice is queued once: the entry is keyed by event identifier and URL and only inserted
 * when absent; the handlers disallow replay; the processor starts at the head of the ledger when
 * it has no token (a new installation sends no history) and keeps its token in the ledger's own
 * token store, so losing or rebuilding the read store never sends a notice again.
 */
@Component
@ProcessingGroup(NoticeWebhookOutbox.GROUP)
public class NoticeWebhookOutbox {

  public static final String GROUP = "notice-webhooks";
  static final String COLLECTION = "webhookOutbox";

  static final String PENDING = "PENDING";
  static final String DELIVERED = "DELIVERED";
  static final String GAVE_UP = "GAVE_UP";

  private final MongoCollection<Document> outbox;
  private final NoticeProperties properties;
  private final Clock clock;

  public NoticeWebhookOutbox(ReadStore store, NoticeProperties properties, Clock clock) {
    this.outbox = store.collection(COLLECTION);
    this.properties = properties;
    this.clock = clock;
    ReadStore.await(outbox.createIndexes(List.of(new IndexModel(Indexes.ascending("status", "nextAttemptAt")))));
  }

  @EventHandler
  @DisallowReplay
  void on(ReviewDueNoticeIssued notice, EventMessage<?> message) {
    enqueue(message, new Document("type", "REVIEW_DUE")
        .append("agreementId", notice.agreementId().value())
        .append("dueOn", notice.dueOn().toString())
        .append("daysBeforeDue", notice.daysBeforeDue())
        .append("issuedOn", notice.issuedOn().toString()));
  }

  @EventHandler
  @DisallowReplay
  void on(ExigentDeadlineMissedNoticeIssued notice, EventMessage<?> message) {
    enqueue(message, new Document("type", "EXIGENT_DEADLINE_MISSED")
        .append("agreementId", notice.agreementId().value())
        .append("transferredOn", notice.transferredOn().toString())
        .append("deadline", notice.deadline().toString())
        .append("issuedOn", notice.issuedOn().toString()));
  }

  @EventHandler
  @DisallowReplay
  void on(ReminderIssued reminder, EventMessage<?> message) {
    enqueue(message, new Document("type", "REMINDER")
        .append("agreementId", reminder.agreementId().value())
        .append("step", reminder.step().name())
        .append("holder", reminder.holder())
        .append("draftVersion", reminder.draftVersion())
        .append("waitingSince", reminder.waitingSince().toString())
        .append("afterBusinessDays", reminder.afterBusinessDays())
        .append("issuedOn", reminder.issuedOn().toString()));
  }

  private void enqueue(EventMessage<?> message, Document payload) {
    payload.append("noticeId", message.getIdentifier()).append("recordedAt", message.getTimestamp().toString());
    for (URI url : properties.webhooks()) {
      ReadStore.await(outbox.updateOne(
          Filters.eq("_id", message.getIdentifier() + " " + url),
          Updates.combine(
              Updates.setOnInsert("url", url.toString()),
              Updates.setOnInsert("body", payload.toJson()),
              Updates.setOnInsert("status", PENDING),
              Updates.setOnInsert("attempts", 0),
              Updates.setOnInsert("nextAttemptAt", Date.from(clock.instant()))),
          new UpdateOptions().upsert(true)));
    }
  }
}
