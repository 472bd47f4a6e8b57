package gov.ice.registry.projection.work;

import static gov.ice.registry.projection.batch.BsonValues.day;
import static gov.ice.registry.projection.batch.BsonValues.name;

import gov.ice.registry.agreement.AgreementFacts;
import gov.ice.registry.agreement.api.AgreementEvent;
import gov.ice.registry.agreement.api.AgreementStatus;
import gov.ice.registry.agreement.api.ClearanceReturned;
import gov.ice.registry.agreement.api.LegalReviewCompleted;
import gov.ice.registry.agreement.api.SignatoryAuthority;
import gov.ice.registry.agreement.api.StakeholderOffice;
import gov.ice.registry.projection.batch.BsonValues;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * What an agreement waits for, as the search index keeps it beside the agreement: its items
 * ({@link WorkItems}) with the day each began waiting, its title, status, draft version and the
 * day a draft came back from clearance. The items are the domain's own derived views of the
 * agreement's state (concurrences still needed, standing non-concurrences, the authorities still
 * to sign), so each event's document is made from the domain's fold; the previous document gives
 * only the days the items it already held began.
 */
public final class WorkDocument {

  public static final String ITEMS = "items";
  static final String RETURNED_ON = "clearanceReturnedOn";

  private WorkDocument() {}

  /** The document after {@code event}, the agreement being {@code state}; {@code before} the document before it (or empty). */
  public static Document after(AgreementFacts state, Document before, AgreementEvent event, LocalDate on) {
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
    List<Document> items = WorkItems.of(state, since, on, returnedOn).stream().map(WorkDocument::stored).toList();
    return new Document()
        .append("title", state.profile() == null ? null : state.profile().title())
        .append("status", name(state.status()))
        .append("draftVersion", state.draftVersion())
        .append(RETURNED_ON, day(returnedOn))
        .append(ITEMS, items);
  }

  public static Document stored(WorkItem item) {
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

  public static WorkItem item(Document d) {
    return new WorkItem(d.getString("key"), WorkReason.valueOf(d.getString("reason")),
        BsonValues.name(d, "office", StakeholderOffice.class), BsonValues.name(d, "authority", SignatoryAuthority.class),
        day(d, "since"), d.getString("from"), d.getString("until"), BsonValues.strings(d, "holders"), d.getInteger("remindedAfter", 0));
  }
}
