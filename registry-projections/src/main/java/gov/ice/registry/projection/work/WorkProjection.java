package gov.ice.registry.projection.work;

import static gov.ice.registry.projection.BsonValues.day;
import static gov.ice.registry.projection.BsonValues.name;

import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.Indexes;
import gov.ice.registry.agreement.AgreementFacts;
import gov.ice.registry.agreement.api.AgreementEvent;
import gov.ice.registry.agreement.api.AgreementStatus;
import gov.ice.registry.agreement.api.ClearanceReturned;
import gov.ice.registry.agreement.api.LegalReviewCompleted;
import gov.ice.registry.agreement.api.SignatoryAuthority;
import gov.ice.registry.agreement.api.StakeholderOffice;
import gov.ice.registry.projection.AgreementLedger;
import gov.ice.registry.projection.BatchedProjection;
import gov.ice.registry.projection.BsonValues;
import gov.ice.registry.projection.LedgerFold;
import gov.ice.registry.projection.ReadModelBatch;
import gov.ice.registry.projection.mongo.ReadStore;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The work queues: per agreement, what it waits for and from whom ({@link WorkItems}), with the
 * day each item began waiting. One document per agreement, versioned like the review schedule.
 *
 * <p>The items are the domain's own derived views of the agreement's state (concurrences still
 * needed, standing non-concurrences, the authorities still to sign), so each event's state comes
 * from the domain's fold ({@link LedgerFold}: in ledger order the cached state after the
 * agreement's previous event, one ledger read for an agreement outside its cache); the previous
 * document gives only the days the items it already held began.
 */
@Component
@ProcessingGroup(WorkProjection.GROUP)
public class WorkProjection extends BatchedProjection {

  public static final String GROUP = "work";
  public static final String COLLECTION = "work";
  static final String ITEMS = "items";
  static final String RETURNED_ON = "clearanceReturnedOn";

  private final LedgerFold fold;
  private final ZoneId zone;
  private final WorkIndex index;

  public WorkProjection(ReadStore store, AgreementLedger ledger, ZoneId zone) {
    this(store, ledger, zone, WorkIndex.inactive(store));
  }

  /** {@code zone}: where an event's instant falls on a day (the registry's, as the notice job's). */
  @Autowired
  public WorkProjection(ReadStore store, AgreementLedger ledger,
      @Value("${registry.notices.zone:America/New_York}") ZoneId zone, WorkIndex index) {
    super(GROUP, COLLECTION, store, List.of(new IndexModel(Indexes.ascending(ITEMS + ".holders", ITEMS + ".since")),
        new IndexModel(Indexes.ascending(ITEMS + ".reason"))));
    this.fold = new LedgerFold(ledger);
    this.zone = zone;
    this.index = index;
  }

  @Override
  protected void handle(AgreementEvent event, DomainEventMessage<?> message, ReadModelBatch batch) {
    LocalDate on = LocalDate.ofInstant(message.getTimestamp(), zone);
    changeByEvent(message, event.agreementId().value(), batch,
        () -> document(fold.after(message).state(), new Document(), event, on),
        before -> document(fold.after(message).state(), before, event, on),
        () -> document(fold.after(message).state(), new Document(), event, on));
  }

  /** The document after {@code event}, the agreement being {@code state}; {@code before} the document before it (or empty). */
  static Document document(AgreementFacts state, Document before, AgreementEvent event, LocalDate on) {
    LocalDate returnedOn = day(before, RETURNED_ON);
    if (event instanceof ClearanceReturned || event instanceof LegalReviewCompleted l && !l.legallySufficient()) {
      returnedOn = on;
    } else if (state.status() != AgreementStatus.DRAFT || state.draftVersion() != before.getInteger("draftVersion", -1)) {
      returnedOn = null;
    }
    Map<String, LocalDate> since = new HashMap<>();
    for (Document item : BsonValues.documents(before, ITEMS)) {
      since.put(item.getString("key"), day(item, "since"));
    }
    List<Document> items = WorkItems.of(state, since, on, returnedOn).stream().map(WorkProjection::stored).toList();
    return new Document()
        .append("title", state.profile() == null ? null : state.profile().title())
        .append("status", name(state.status()))
        .append("draftVersion", state.draftVersion())
        .append(RETURNED_ON, day(returnedOn))
        .append(ITEMS, items);
  }

  static Document stored(WorkItem item) {
    return new Document("key", item.key())
        .append("reason", item.reason().name())
        .append("office", name(item.office()))
        .append("authority", name(item.authority()))
        .append("since", day(item.since()))
        .append("from", item.from())
        .append("until", item.until())
        .append("holders", item.holders())
        .append("remindedAfter", item.remindedAfter());
  }

  static WorkItem item(Document d) {
    return new WorkItem(d.getString("key"), WorkReason.valueOf(d.getString("reason")),
        BsonValues.name(d, "office", StakeholderOffice.class), BsonValues.name(d, "authority", SignatoryAuthority.class),
        day(d, "since"), d.getString("from"), d.getString("until"), BsonValues.strings(d, "holders"), d.getInteger("remindedAfter", 0));
  }

  @Override
  protected void written(String collection, List<Document> documents) {
    index.written(collection, documents);
  }

  @Override
  protected void dropped(String collection) {
    index.dropped(collection);
  }

  @Override
  protected void forget() {
    fold.clear();
  }
}
