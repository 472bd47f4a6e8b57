package gov.ice.registry.projection.cycle;

import static gov.ice.registry.projection.batch.BsonValues.day;

import gov.ice.registry.cycle.Stage;
import gov.ice.registry.cycle.StageInterval;
import gov.ice.registry.cycle.StageInterval.Outcome;
import gov.ice.registry.cycle.StageInterval.Unit;
import gov.ice.registry.projection.batch.BsonValues;
import gov.ice.registry.projection.batch.CollectionIndex;
import gov.ice.registry.projection.mongo.ReadStore;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Every agreement's stage intervals, kept in memory in a compact form (days as epoch days, the
 * completed durations counted once), so that the cycle-time report aggregates 100,000 agreements
 * without reading the store or folding events per request. Loaded from the live collection (and
 * one a rebuild is building) at start, before the processors run; then it follows every batch the
 * projection writes. Unlike the approvals index it is active on MongoDB too: the report needs
 * every interval whatever the store.
 */
@Component
public class CycleTimeIndex extends CollectionIndex<CycleTimeIndex.Indexed> {

  static final List<String> FIELDS = List.of("_id", "directorate", "kind", "partyKinds", "categories", "imported", "intervals",
      "concurrencyHeldMillis", "concurrencySpanMillis");
  static final int OPEN = -1;

  /** One interval: days as epoch days ({@link #OPEN} end while it runs), completed durations counted once. */
  public record Span(Stage stage, String holder, int startDay, int endDay, Outcome outcome, boolean rework, int businessDays,
      int days, long endMillis) {

    public int duration(Unit unit) {
      return unit == Unit.BUSINESS_DAYS ? businessDays : days;
    }
  }

  /** One agreement as the report groups and measures it. */
  public record Entry(String id, String directorate, String kind, List<String> partyKinds, List<String> categories,
      boolean imported, List<Span> spans, long concurrencyHeld, long concurrencySpan) {}

  static final class Indexed {
    final Map<String, Entry> byId = new ConcurrentHashMap<>();
  }

  private final List<BiConsumer<Entry, Entry>> listeners = new CopyOnWriteArrayList<>();

  @Autowired
  public CycleTimeIndex(ReadStore store) {
    super(store, true, CycleTimeProjection.COLLECTION, FIELDS);
    loadAll();
  }

  @Override
  protected Indexed empty() {
    return new Indexed();
  }

  @Override
  protected void apply(Indexed indexed, Collection<Document> documents) {
    String live = store.collections(CycleTimeProjection.COLLECTION).live();
    boolean isLive = indexed == collections.get(live);
    for (Document document : documents) {
      Entry entry = entry(document);
      Entry before = indexed.byId.put(entry.id(), entry);
      if (isLive) {
        listeners.forEach(l -> l.accept(before, entry));
      }
    }
  }

  /** Told of each agreement's entry as a batch changes it in the live collection: before (or null) and after. */
  public void onChange(BiConsumer<Entry, Entry> listener) {
    listeners.add(listener);
  }

  /** The entries of the live collection; empty before it was loaded. */
  public Collection<Entry> entries() {
    Indexed indexed = indexed(store.collections(CycleTimeProjection.COLLECTION).live());
    return indexed == null ? List.of() : indexed.byId.values();
  }

  static Entry entry(Document d) {
    List<Span> spans = BsonValues.documents(d, "intervals").stream().map(CycleTimeIndex::span).toList();
    return new Entry(d.getString("_id"), intern(d.getString("directorate")), intern(d.getString("kind")),
        BsonValues.strings(d, "partyKinds").stream().map(CycleTimeIndex::intern).toList(),
        BsonValues.strings(d, "categories").stream().map(CycleTimeIndex::intern).toList(),
        Boolean.TRUE.equals(d.getBoolean("imported")), spans,
        BsonValues.number(d, "concurrencyHeldMillis"), BsonValues.number(d, "concurrencySpanMillis"));
  }

  private static Span span(Document i) {
    LocalDate start = day(i, "startDay");
    LocalDate end = day(i, "endDay");
    Outcome outcome = Outcome.valueOf(i.getString("outcome"));
    boolean closed = end != null;
    java.util.Date endAt = i.getDate("end");
    return new Span(Stage.valueOf(i.getString("stage")), intern(i.getString("holder")), (int) start.toEpochDay(),
        closed ? (int) end.toEpochDay() : OPEN, outcome, Boolean.TRUE.equals(i.getBoolean("rework")),
        closed ? StageInterval.length(Unit.BUSINESS_DAYS, start, end) : 0,
        closed ? StageInterval.length(Unit.DAYS, start, end) : 0,
        endAt == null ? 0 : endAt.getTime());
  }

  private static String intern(String value) {
    return value == null ? null : value.intern();
  }
}
