package gov.ice.registry.projection.work;

import gov.ice.registry.projection.batch.BsonValues;
import gov.ice.registry.projection.batch.CollectionIndex;
import gov.ice.registry.projection.mongo.ReadStore;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The work queues in memory, for the embedded store (mongo-java-server ignores the
 * {@code items.holders} index and would read every document per query): per role, its items in
 * queue order (the longest waiting first). Loaded before readiness, then following every batch
 * the projection writes; a query filters the time-based items by the day it runs for.
 */
@Component
public class WorkIndex extends CollectionIndex<WorkIndex.Indexed> {

  static final List<String> FIELDS = List.of("_id", "title", WorkProjection.ITEMS);

  /** One item of one agreement. */
  record Row(String agreementId, String title, WorkItem item) {}

  static final Comparator<Row> ORDER = Comparator.comparing((Row r) -> r.item().since())
      .thenComparing(Row::agreementId).thenComparing(r -> r.item().key());

  static final class Indexed {
    final Map<String, List<Row>> byAgreement = new ConcurrentHashMap<>();
    final Map<String, NavigableSet<Row>> byHolder = new ConcurrentHashMap<>();
  }

  @Autowired
  public WorkIndex(ReadStore store) {
    super(store, store.embedded(), WorkProjection.COLLECTION, FIELDS);
    if (active) {
      loadAll();
    }
  }

  static WorkIndex inactive(ReadStore store) {
    return new WorkIndex(store, false);
  }

  private WorkIndex(ReadStore store, boolean active) {
    super(store, active, WorkProjection.COLLECTION, FIELDS);
  }

  @Override
  protected Indexed empty() {
    return new Indexed();
  }

  @Override
  protected void apply(Indexed indexed, Collection<Document> documents) {
    for (Document d : documents) {
      String id = d.getString("_id");
      List<Row> rows = BsonValues.documents(d, WorkProjection.ITEMS).stream()
          .map(item -> new Row(id, d.getString("title"), WorkProjection.item(item))).toList();
      List<Row> was = indexed.byAgreement.put(id, rows);
      if (was != null) {
        was.forEach(row -> row.item().holders().forEach(h -> indexed.byHolder.get(h).remove(row)));
      }
      rows.forEach(row -> row.item().holders().forEach(h ->
          indexed.byHolder.computeIfAbsent(h, k -> new ConcurrentSkipListSet<>(ORDER)).add(row)));
    }
  }

  /** Whether the index answers for {@code collection} (the embedded store, the collection known whole). */
  boolean knows(String collection) {
    return indexed(collection) != null;
  }

  /** Every item of {@code collection} (which the index knows), agreement by agreement. */
  List<Row> rows(String collection) {
    return indexed(collection).byAgreement.values().stream().flatMap(List::stream).toList();
  }

  /** The queue of {@code holder} in {@code collection}, or null when the index does not know the collection. */
  NavigableSet<Row> queue(String collection, String holder) {
    Indexed indexed = indexed(collection);
    if (indexed == null) {
      return null;
    }
    return indexed.byHolder.getOrDefault(holder, new ConcurrentSkipListSet<>(ORDER));
  }
}
