package gov.ice.registry.projection.repository;

import gov.ice.registry.projection.batch.BsonValues;
import gov.ice.registry.projection.work.WorkDocument;
import gov.ice.registry.projection.work.WorkItem;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexOrDocValuesQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.util.BytesRef;
import org.bson.Document;

/**
 * The work queues in the search index, beside the agreements: per agreement one document of what
 * it waits for ({@link WorkDocument}, kept for the next event to start from) and one per item, in
 * one block replaced whole by each event of the agreement. An item's fields:
 * <ul>
 *   <li>{@code work.holder}: the roles whose queue it is in, exact (the queue's filter);
 *   <li>{@code work.reason}: why it is there, exact (the reminders' filter);
 *   <li>{@code work.from}, {@code work.until}: the first and last day it is shown (epoch days,
 *       unbounded where it shows at once or while it stands), so a query, not a stored flag, decides
 *       whether a review or a termination is due on the day asked;
 *   <li>{@code sort.work.since}, {@code sort.work.agreement}, {@code sort.work.key}: the queue's
 *       order, the longest waiting first;
 *   <li>{@code work.row}: stored, the item with its agreement's id and title, as a page shows it.
 * </ul>
 */
public final class WorkSchema {

  /** Where an event's instant falls on a day when none is configured: the registry's zone, as the notice job's. */
  public static final ZoneId ZONE = ZoneId.of("America/New_York");

  /** {@link SearchSchema#DOC} of an agreement's work document and of each of its items. */
  static final String WORK = "work";
  static final String WORK_ITEM = "workItem";
  /** The agreement the work document or item belongs to: the key its block is replaced by. */
  static final String WORK_OF = "workOf";
  static final String STATE = "work.state";
  static final String HOLDER = "work.holder";
  static final String REASON = "work.reason";
  static final String FROM = "work.from";
  static final String UNTIL = "work.until";
  static final String ROW = "work.row";
  private static final String SINCE = "sort.work.since";
  private static final String AGREEMENT = "sort.work.agreement";
  private static final String KEY = "sort.work.key";

  /** The queue's order: the longest waiting first, then by agreement and item key. */
  static final Sort ORDER = new Sort(new SortField(SINCE, SortField.Type.LONG), new SortField(AGREEMENT, SortField.Type.STRING),
      new SortField(KEY, SortField.Type.STRING));

  /** Items of a queue as stored: {@code agreementId}, {@code title} and {@code item} (a {@link WorkDocument#stored} item). */
  public record Rows(List<Document> rows, long total) {}

  private WorkSchema() {}

  /** The block of agreement {@code id}: its work document {@code work} first, then one Lucene document per item. */
  static List<org.apache.lucene.document.Document> documents(String id, Document work) {
    List<org.apache.lucene.document.Document> block = new ArrayList<>();
    org.apache.lucene.document.Document state = new org.apache.lucene.document.Document();
    state.add(new StringField(SearchSchema.DOC, WORK, Field.Store.NO));
    state.add(new StringField(WORK_OF, id, Field.Store.NO));
    state.add(new StoredField(STATE, SearchSchema.bson(work)));
    block.add(state);
    String title = work.getString("title");
    for (Document stored : BsonValues.documents(work, WorkDocument.ITEMS)) {
      WorkItem item = WorkDocument.item(stored);
      org.apache.lucene.document.Document doc = new org.apache.lucene.document.Document();
      doc.add(new StringField(SearchSchema.DOC, WORK_ITEM, Field.Store.NO));
      doc.add(new StringField(WORK_OF, id, Field.Store.NO));
      for (String holder : item.holders()) {
        doc.add(new StringField(HOLDER, holder, Field.Store.NO));
      }
      doc.add(new StringField(REASON, item.reason().name(), Field.Store.NO));
      long from = item.from().equals(WorkItem.ALWAYS_FROM) ? Long.MIN_VALUE : LocalDate.parse(item.from()).toEpochDay();
      long until = item.until().equals(WorkItem.ALWAYS_UNTIL) ? Long.MAX_VALUE : LocalDate.parse(item.until()).toEpochDay();
      doc.add(new LongPoint(FROM, from));
      doc.add(new NumericDocValuesField(FROM, from));
      doc.add(new LongPoint(UNTIL, until));
      doc.add(new NumericDocValuesField(UNTIL, until));
      doc.add(new NumericDocValuesField(SINCE, item.since().toEpochDay()));
      doc.add(new SortedDocValuesField(AGREEMENT, new BytesRef(id)));
      doc.add(new SortedDocValuesField(KEY, new BytesRef(item.key())));
      doc.add(new StoredField(ROW, SearchSchema.bson(new Document("agreementId", id).append("title", title).append("item", stored))));
      block.add(doc);
    }
    return block;
  }

  /** The work document the index holds for agreement {@code id}, or null. */
  static Document held(IndexSearcher searcher, String id) throws IOException {
    Query query = new BooleanQuery.Builder()
        .add(new TermQuery(new Term(SearchSchema.DOC, WORK)), Occur.FILTER)
        .add(new TermQuery(new Term(WORK_OF, id)), Occur.FILTER)
        .build();
    TopDocs found = searcher.search(query, 1);
    if (found.scoreDocs.length == 0) {
      return null;
    }
    return SearchSchema.source(searcher.storedFields().document(found.scoreDocs[0].doc, Set.of(STATE)).getBinaryValue(STATE));
  }

  /** The items in the queue of any of {@code holders} shown on {@code today}, each once. */
  static Query queue(Collection<String> holders, LocalDate today) {
    long day = today.toEpochDay();
    return new BooleanQuery.Builder()
        .add(new TermQuery(new Term(SearchSchema.DOC, WORK_ITEM)), Occur.FILTER)
        .add(new TermInSetQuery(HOLDER, holders.stream().map(BytesRef::new).toList()), Occur.FILTER)
        .add(range(FROM, Long.MIN_VALUE, day), Occur.FILTER)
        .add(range(UNTIL, day, Long.MAX_VALUE), Occur.FILTER)
        .build();
  }

  /**
   * A range Lucene answers from the points or, when the holder's items lead the search, by checking
   * each of them in the doc values: most items are shown at once, so the range alone selects nearly all.
   */
  private static Query range(String field, long from, long to) {
    return new IndexOrDocValuesQuery(LongPoint.newRangeQuery(field, from, to), NumericDocValuesField.newSlowRangeQuery(field, from, to));
  }

  /** Every item waiting for one of {@code reasons}, whatever its days. */
  static Query waiting(Collection<String> reasons) {
    return new BooleanQuery.Builder()
        .add(new TermQuery(new Term(SearchSchema.DOC, WORK_ITEM)), Occur.FILTER)
        .add(new TermInSetQuery(REASON, reasons.stream().map(BytesRef::new).toList()), Occur.FILTER)
        .build();
  }

  /**
   * The exact count of {@code query}'s items and, in queue order, those from {@code offset}, at
   * most {@code size}: one pass, counting every match while it keeps the top ones.
   */
  static Rows rows(IndexSearcher searcher, Query query, long offset, int size) throws IOException {
    int n = (int) Math.max(1, Math.min(offset + Math.max(size, 0), Math.max(1, searcher.getIndexReader().maxDoc())));
    TopFieldDocs top = searcher.search(query, new TopFieldCollectorManager(ORDER, n, null, Integer.MAX_VALUE));
    List<Document> rows = new ArrayList<>();
    StoredFields fields = searcher.storedFields();
    for (long i = offset; i < top.scoreDocs.length && rows.size() < size; i++) {
      rows.add(SearchSchema.source(fields.document(top.scoreDocs[(int) i].doc, Set.of(ROW)).getBinaryValue(ROW)));
    }
    return new Rows(rows, top.totalHits.value);
  }

  /** Every item {@code query} matches, in queue order. */
  static List<Document> all(IndexSearcher searcher, Query query) throws IOException {
    int total = searcher.count(query);
    return total == 0 ? List.of() : rows(searcher, query, 0, total).rows();
  }
}
