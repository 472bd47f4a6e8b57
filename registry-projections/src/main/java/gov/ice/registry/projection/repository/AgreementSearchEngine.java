package gov.ice.registry.projection.repository;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import gov.ice.registry.agreement.api.AgreementStatus;
import gov.ice.registry.projection.context.AgreementLedger;
import gov.ice.registry.projection.context.LedgerFold;
import gov.ice.registry.projection.processing.ReadModelFailures;
import gov.ice.registry.projection.text.DocumentTexts;
import gov.ice.registry.projection.processing.ProjectionRebuilder.RebuildRunning;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import gov.ice.registry.projection.access.AccessPolicy;
import gov.ice.registry.projection.access.Reader;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.util.BytesRef;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The central repository's search: a Lucene index on this instance's local disk, fed by the
 * ledger's events through a tracking loop of its own, whose position is committed inside the
 * index ({@link LuceneIndex}). Started, it opens the index where it is and reads the ledger from
 * the position the last commit names: nothing is reloaded. Each instance keeps its own index.
 *
 * <p>{@code root} holds one directory per index and a file {@code CURRENT} naming the live one. A
 * rebuild ({@link #rebuild}) fills a new directory beside the live one from the ledger's start
 * while the live one goes on answering (and following the ledger); once the new one reached the
 * ledger's head as it stood when the rebuild was asked for, {@code CURRENT} names it, searches
 * turn to it and the old directory is deleted. A rebuild a stopped instance left unfinished is
 * deleted at the next start.
 */
public class AgreementSearchEngine {

  /** The read model's name in health, the admin endpoints and the metrics. */
  public static final String NAME = "search";

  static final String CURRENT = "CURRENT";

  private static final Logger log = LoggerFactory.getLogger(AgreementSearchEngine.class);
  private static final int POLL_MILLIS = 200;
  private static final Duration RETRY = Duration.ofSeconds(1);

  private final Path root;
  private final StreamableMessageSource<TrackedEventMessage<?>> ledger;
  private final AgreementLedger agreements;
  private final int batchSize;
  private final ReadModelFailures failures;
  private final DocumentTexts texts;
  private final java.time.ZoneId zone;
  private final Cursors cursors = new Cursors();
  private volatile Tracker live;
  private volatile Tracker building;
  private volatile FacetState facetState;

  public AgreementSearchEngine(Path root, StreamableMessageSource<TrackedEventMessage<?>> ledger,
      AgreementLedger agreements, int batchSize) {
    this(root, ledger, agreements, batchSize, new ReadModelFailures());
  }

  /**
   * {@code failures} counts each failed attempt of a batch (or of comparing the index with the
   * ledger) under {@link #NAME}, as for the other read models: segment 0 the live index, 1 a rebuild.
   */
  public AgreementSearchEngine(Path root, StreamableMessageSource<TrackedEventMessage<?>> ledger,
      AgreementLedger agreements, int batchSize, ReadModelFailures failures) {
    this(root, ledger, agreements, batchSize, failures, null);
  }

  /** {@code texts} reads the text of attached documents into the index; null: none ("text not extracted"). */
  public AgreementSearchEngine(Path root, StreamableMessageSource<TrackedEventMessage<?>> ledger,
      AgreementLedger agreements, int batchSize, ReadModelFailures failures, DocumentTexts texts) {
    this(root, ledger, agreements, batchSize, failures, texts, WorkSchema.ZONE);
  }

  /** {@code zone}: where an event's instant falls on a day, for the day a work item began waiting. */
  public AgreementSearchEngine(Path root, StreamableMessageSource<TrackedEventMessage<?>> ledger,
      AgreementLedger agreements, int batchSize, ReadModelFailures failures, DocumentTexts texts, java.time.ZoneId zone) {
    this.zone = zone;
    this.texts = texts;
    this.root = root;
    this.ledger = ledger;
    this.agreements = agreements;
    this.batchSize = batchSize;
    this.failures = failures;
  }

  /** Opens the live index (a new one if there is none) and starts following the ledger from its position. */
  public synchronized void start() {
    if (live != null) {
      return;
    }
    try {
      Files.createDirectories(root);
      Path current = root.resolve(CURRENT);
      String name = Files.exists(current) ? Files.readString(current, StandardCharsets.UTF_8).trim() : newName();
      // A directory named after the live one is a rebuild a stop interrupted: it goes on from its
      // own last commit. Older ones (a live index replaced just before a stop) are deleted.
      Path unfinished = null;
      try (Stream<Path> all = Files.list(root)) {
        for (Path other : all.filter(p -> Files.isDirectory(p) && !p.getFileName().toString().equals(name))
            .sorted(Comparator.comparingLong(AgreementSearchEngine::millis).reversed()).toList()) {
          if (unfinished == null && millis(other) > millis(root.resolve(name))) {
            unfinished = other;
          } else {
            log.info("Deleting {}, a search index no longer live", other);
            deleteRecursively(other);
          }
        }
      }
      long opening = System.nanoTime();
      live = new Tracker(new LuceneIndex(root.resolve(name), texts, zone), null);
      // What a restart costs, for an operator reading the log: the open, the comparison with the ledger, the catch-up.
      log.info("Search index {} opened at ledger position {} in {} ms", root.resolve(name), live.index.position(),
          (System.nanoTime() - opening) / 1_000_000);
      writeCurrent(name);
      if (unfinished != null) {
        var head = ledger.createHeadToken();
        long target = head == null ? -1 : head.position().orElse(-1);
        building = new Tracker(new LuceneIndex(unfinished, texts, zone), target);
        log.info("Resuming the search index rebuild in {} from position {}; it takes over at ledger position {}",
            unfinished, building.index.position(), target);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the search index under " + root, e);
    }
    live.start();
    if (building != null) {
      building.start();
    }
  }

  /** The creation time an index directory's name holds ({@code index-<millis>}); -1 for another name. */
  private static long millis(Path dir) {
    String name = dir.getFileName().toString();
    try {
      return name.startsWith("index-") ? Long.parseLong(name.substring("index-".length())) : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** Stops following the ledger and closes the indexes, committing nothing more. */
  public synchronized void stop() {
    for (Tracker tracker : Arrays.asList(building, live)) {
      if (tracker != null) {
        tracker.stopAndClose();
      }
    }
    building = null;
    live = null;
  }

  public boolean isRunning() {
    Tracker t = live;
    return t != null && t.thread.isAlive();
  }

  /**
   * The position of the last event the live index reflects and searches see (-1 before the
   * first); null when not started, or before the index was found to belong to this ledger.
   */
  public Long position() {
    Tracker t = live;
    return t == null || !t.verified ? null : t.index.position();
  }

  /** The live index's token, once searches see it (what read-your-writes compares a position with); null before. */
  public TrackingToken token() {
    Tracker t = live;
    return t == null || !t.verified ? null : t.index.token();
  }

  public boolean rebuilding() {
    return building != null;
  }

  /** The last failure of applying events, while it has not succeeded since; null otherwise. */
  public String error() {
    Tracker t = live;
    Tracker b = building;
    return t != null && t.error != null ? t.error : b == null ? null : b.error;
  }

  /**
   * Builds a new index beside the live one, from the ledger's start; it takes over once it reached
   * {@code target}. An error {@link RebuildRunning} while one runs.
   */
  public synchronized void rebuild(long target) {
    if (building != null) {
      throw new RebuildRunning(NAME);
    }
    Tracker rebuilt = new Tracker(new LuceneIndex(root.resolve(newName()), texts, zone), target);
    building = rebuilt;
    rebuilt.start();
  }

  private synchronized void takeOver(Tracker rebuilt) throws IOException {
    if (building != rebuilt) {
      return;
    }
    writeCurrent(rebuilt.index.path().getFileName().toString());
    Tracker old = live;
    rebuilt.target = null;
    live = rebuilt;
    building = null;
    // The rebuild's failures were counted as segment 1; as the live index it counts as segment 0.
    failures.succeeded(NAME, 1);
    log.info("The rebuilt search index {} took over at position {}", rebuilt.index.path(), rebuilt.index.position());
    if (old != null) {
      old.stopAndClose();
      deleteRecursively(old.index.path());
    }
  }

  private String newName() {
    String name;
    long n = System.currentTimeMillis();
    do {
      name = "index-" + n++;
    } while (Files.exists(root.resolve(name)));
    return name;
  }

  private void writeCurrent(String name) throws IOException {
    Path next = root.resolve(CURRENT + ".next");
    Files.writeString(next, name, StandardCharsets.UTF_8);
    Files.move(next, root.resolve(CURRENT), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  private static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  // ---- queries ----

  /**
   * One page of matches, the exact total and the facet counts of every match. A page after an
   * earlier one of the same search on the same index state continues from that page's last hit
   * ({@link IndexSearcher#searchAfter}); any other collects the top {@code (page + 1) * size}.
   */
  public AgreementPage search(AgreementSearch search) {
    return search(search, (Query) null);
  }

  /** {@link #search(AgreementSearch)} of what {@code reader} may see under {@code policy}: items, total and facets alike. */
  public AgreementPage search(AgreementSearch search, AccessPolicy policy, Reader reader) {
    return search(search, AccessFilter.query(policy, reader));
  }

  private AgreementPage search(AgreementSearch search, Query accessFilter) {
    Query query = AccessFilter.restrict(SearchSchema.query(search), accessFilter);
    Sort sort = SearchSchema.sort(search.sort());
    return read(searcher -> {
      FacetsCollector matches = new FacetsCollector();
      long offset = (long) search.page() * search.size();
      String key = query + "|" + sort + "|" + search.size();
      IndexReader reader = searcher.getIndexReader();
      ScoreDoc after = search.page() == 0 ? null : cursors.get(reader, key, search.page() - 1);
      List<ScoreDoc> hits;
      if (after != null) {
        TopDocs top = FacetsCollector.searchAfter(searcher, after, query, search.size(), sort, matches);
        hits = Arrays.asList(top.scoreDocs);
      } else {
        int n = (int) Math.max(1, Math.min(offset + search.size(), Math.max(1, reader.maxDoc())));
        TopDocs top = FacetsCollector.search(searcher, query, n, sort, matches);
        hits = offset >= top.scoreDocs.length ? List.of()
            : Arrays.asList(top.scoreDocs).subList((int) offset, top.scoreDocs.length);
      }
      if (hits.size() == search.size() && hits.get(hits.size() - 1) instanceof FieldDoc last) {
        cursors.put(reader, key, search.page(), last);
      }
      long total = matches.getMatchingDocs().stream().mapToLong(m -> m.totalHits).sum();
      List<AgreementDocument> items = new ArrayList<>();
      for (ScoreDoc hit : hits) {
        items.add(item(searcher, hit.doc));
      }
      return new AgreementPage(items, total, search.page(), search.size(), facets(searcher, matches, total),
          highlights(searcher, search, hits, items), documentMatches(searcher, search, items));
    });
  }

  /** Each facet's values among the matches and how many matches have each; values no match has are left out. */
  private Map<String, Map<String, Long>> facets(IndexSearcher searcher, FacetsCollector matches, long total)
      throws IOException {
    Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
    Facets counts = total == 0 ? null : new SortedSetDocValuesFacetCounts(facetState(searcher.getIndexReader()), matches);
    for (String facet : SearchSchema.FACETS.keySet()) {
      Map<String, Long> values = new TreeMap<>();
      FacetResult result = counts == null ? null : allChildren(counts, facet);
      if (result != null) {
        for (LabelAndValue value : result.labelValues) {
          if (value.value.longValue() > 0) {
            values.put(value.label, value.value.longValue());
          }
        }
      }
      facets.put(facet, values);
    }
    return facets;
  }

  private static FacetResult allChildren(Facets counts, String facet) throws IOException {
    try {
      return counts.getAllChildren(facet);
    } catch (IllegalArgumentException noSuchValueIndexed) {
      return null;
    }
  }

  /** The ordinals of the facet values, computed once per state of the index. */
  private SortedSetDocValuesReaderState facetState(IndexReader reader) throws IOException {
    FacetState state = facetState;
    if (state == null || state.reader != reader) {
      state = new FacetState(reader, new DefaultSortedSetDocValuesReaderState(reader, SearchSchema.FACETS_CONFIG));
      facetState = state;
    }
    return state.state;
  }

  private record FacetState(IndexReader reader, SortedSetDocValuesReaderState state) {}

  /** Per agreement of the page, the best passage of its text fields that matches the free text, marked. */
  private static Map<String, String> highlights(IndexSearcher searcher, AgreementSearch search, List<ScoreDoc> hits,
      List<AgreementDocument> items) throws IOException {
    if (search.text() == null || hits.isEmpty()) {
      return Map.of();
    }
    UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, SearchSchema.ANALYZER)
        .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", "… ", true))
        .withMaxNoHighlightPassages(0)
        .build();
    TopDocs page = new TopDocs(new TotalHits(hits.size(), TotalHits.Relation.EQUAL_TO), hits.toArray(ScoreDoc[]::new));
    Map<String, String[]> passages = highlighter.highlightFields(SearchSchema.HIGHLIGHTED, SearchSchema.text(search.text()), page);
    Map<String, String> byId = new LinkedHashMap<>();
    for (int i = 0; i < items.size(); i++) {
      for (String field : SearchSchema.HIGHLIGHTED) {
        String passage = passages.get(field)[i];
        if (passage != null) {
          byId.put(items.get(i).id(), passage);
          break;
        }
      }
    }
    return byId;
  }

  /**
   * Per agreement of the page, its documents whose text matches the free text, each with its best
   * passage, marked; the best-scoring documents first, at most three per agreement.
   */
  private static Map<String, List<AgreementPage.DocumentMatch>> documentMatches(IndexSearcher searcher, AgreementSearch search,
      List<AgreementDocument> items) throws IOException {
    if (search.text() == null || items.isEmpty()) {
      return Map.of();
    }
    Query query = new BooleanQuery.Builder()
        .add(new TermQuery(new Term(SearchSchema.DOC, SearchSchema.DOCUMENT)), Occur.FILTER)
        .add(new TermInSetQuery(SearchSchema.OF_AGREEMENT, items.stream().map(d -> new BytesRef(d.id())).toList()), Occur.FILTER)
        .add(SearchSchema.documentText(search.text()), Occur.MUST)
        .build();
    TopDocs found = searcher.search(query, items.size() * 3);
    if (found.scoreDocs.length == 0) {
      return Map.of();
    }
    UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, SearchSchema.ANALYZER)
        .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", "… ", true))
        .withMaxNoHighlightPassages(0)
        .build();
    String[] passages = highlighter.highlight(SearchSchema.DOCUMENT_TEXT, query, found);
    Map<String, List<AgreementPage.DocumentMatch>> byAgreement = new LinkedHashMap<>();
    var fields = searcher.storedFields();
    for (int i = 0; i < found.scoreDocs.length; i++) {
      if (passages[i] == null) {
        continue;
      }
      org.apache.lucene.document.Document doc = fields.document(found.scoreDocs[i].doc,
          java.util.Set.of(SearchSchema.DOCUMENT_ID, SearchSchema.OF_AGREEMENT, "fileName"));
      List<AgreementPage.DocumentMatch> matches = byAgreement.computeIfAbsent(doc.get(SearchSchema.OF_AGREEMENT), k -> new ArrayList<>());
      if (matches.size() < 3) {
        String fileName = doc.get("fileName");
        matches.add(new AgreementPage.DocumentMatch(doc.get(SearchSchema.DOCUMENT_ID), fileName == null || fileName.isEmpty() ? null : fileName,
            passages[i]));
      }
    }
    return byAgreement;
  }

  /** An attached document's text in the index: {@code extracted} (maybe truncated), {@code text not extracted} with the reason, or {@code withdrawn}. */
  public record DocumentTextState(String documentId, String fileName, String state, String reason) {}

  /** The text state of each document of agreement {@code agreementId} the index knows. */
  public List<DocumentTextState> documentTexts(String agreementId) {
    Query query = new BooleanQuery.Builder()
        .add(new TermQuery(new Term(SearchSchema.DOC, SearchSchema.DOCUMENT)), Occur.FILTER)
        .add(new TermQuery(new Term(SearchSchema.OF_AGREEMENT, agreementId)), Occur.FILTER)
        .build();
    return read(searcher -> {
      List<DocumentTextState> states = new ArrayList<>();
      var fields = searcher.storedFields();
      for (ScoreDoc hit : searcher.search(query, 1000).scoreDocs) {
        org.apache.lucene.document.Document doc = fields.document(hit.doc);
        states.add(new DocumentTextState(doc.get(SearchSchema.DOCUMENT_ID), doc.get("fileName"),
            doc.get(SearchSchema.TEXT_STATE), doc.get(SearchSchema.TEXT_REASON)));
      }
      states.sort(Comparator.comparing(DocumentTextState::documentId));
      return states;
    });
  }

  /**
   * Active agreements with one of the party names {@code names} (lower-cased) and one of the
   * categories {@code categories}, but {@code excludingId}, by title then id.
   */
  public List<AgreementDocument> existing(Collection<String> names, Collection<String> categories, String excludingId) {
    BooleanQuery.Builder query = new BooleanQuery.Builder()
        .add(new TermQuery(new Term("status", AgreementStatus.ACTIVE.name())), Occur.FILTER)
        .add(new TermInSetQuery(SearchSchema.PARTY_NAME, names.stream().map(BytesRef::new).toList()), Occur.FILTER)
        .add(new TermInSetQuery("category", categories.stream().map(BytesRef::new).toList()), Occur.FILTER);
    if (excludingId != null) {
      query.add(new TermQuery(new Term(SearchSchema.ID, excludingId)), Occur.MUST_NOT);
    }
    Sort order = SearchSchema.sort(AgreementSearch.Sort.DEFAULT);
    return read(searcher -> {
      List<AgreementDocument> found = new ArrayList<>();
      for (ScoreDoc hit : searcher.search(query.build(), Math.max(1, searcher.getIndexReader().maxDoc()), order).scoreDocs) {
        found.add(item(searcher, hit.doc));
      }
      return found;
    });
  }

  /**
   * The {@code limit} most relevant of {@link #existing}'s agreements, and how many there are: most
   * categories in common first (each category matched scores one), then the latest effective date,
   * then the latest change, then id. Only the page's documents are read whole.
   */
  public AgreementRepositoryQueries.RankedAgreements mostRelevantExisting(Collection<String> names, Collection<String> categories,
      String excludingId, int limit) {
    return mostRelevantExisting(names, categories, excludingId, limit, null);
  }

  /** {@link #mostRelevantExisting(Collection, Collection, String, int)} of what {@code reader} may see: items and total. */
  public AgreementRepositoryQueries.RankedAgreements mostRelevantExisting(Collection<String> names, Collection<String> categories,
      String excludingId, int limit, AccessPolicy policy, Reader reader) {
    return mostRelevantExisting(names, categories, excludingId, limit, AccessFilter.query(policy, reader));
  }

  private AgreementRepositoryQueries.RankedAgreements mostRelevantExisting(Collection<String> names, Collection<String> categories,
      String excludingId, int limit, Query accessFilter) {
    BooleanQuery.Builder common = new BooleanQuery.Builder().setMinimumNumberShouldMatch(1);
    for (String category : categories) {
      common.add(new org.apache.lucene.search.ConstantScoreQuery(new TermQuery(new Term("category", category))), Occur.SHOULD);
    }
    BooleanQuery.Builder query = new BooleanQuery.Builder()
        .add(new TermQuery(new Term("status", AgreementStatus.ACTIVE.name())), Occur.FILTER)
        .add(new TermInSetQuery(SearchSchema.PARTY_NAME, names.stream().map(BytesRef::new).toList()), Occur.FILTER)
        .add(common.build(), Occur.MUST);
    if (excludingId != null) {
      query.add(new TermQuery(new Term(SearchSchema.ID, excludingId)), Occur.MUST_NOT);
    }
    SortField effective = new SortField("sort.effectiveDate", SortField.Type.STRING, true);
    effective.setMissingValue(SortField.STRING_FIRST); // reversed: agreements without a date come last
    SortField updated = new SortField("sort.updatedAt", SortField.Type.LONG, true);
    updated.setMissingValue(Long.MIN_VALUE);
    Sort order = new Sort(SortField.FIELD_SCORE, effective, updated, new SortField(SearchSchema.ID, SortField.Type.STRING));
    Query built = AccessFilter.restrict(query.build(), accessFilter);
    return read(searcher -> {
      int total = searcher.count(built);
      List<AgreementDocument> items = new ArrayList<>();
      if (limit > 0 && total > 0) {
        for (ScoreDoc hit : searcher.search(built, limit, order, true).scoreDocs) {
          items.add(item(searcher, hit.doc));
        }
      }
      return new AgreementRepositoryQueries.RankedAgreements(items, total);
    });
  }

  /** How many agreements are in each status; statuses without any count 0. */
  public Map<AgreementStatus, Long> countByStatus() {
    return read(searcher -> {
      Map<AgreementStatus, Long> counts = new EnumMap<>(AgreementStatus.class);
      for (AgreementStatus status : AgreementStatus.values()) {
        counts.put(status, (long) searcher.count(new TermQuery(new Term("status", status.name()))));
      }
      return counts;
    });
  }

  /** A page of ids in their order and how many there are in all. */
  public record Range(List<String> ids, long total) {}

  /**
   * Active agreements whose next review falls due from {@code from} (inclusive; null for any) to
   * {@code to} (exclusive), by due day then id: the ids from {@code offset}, at most {@code size},
   * and how many there are. The review views' pages and counts.
   */
  public Range reviewsDue(java.time.LocalDate from, java.time.LocalDate to, long offset, int size) {
    return reviewsDue(from, to, offset, size, java.util.Set.of());
  }

  /** {@link #reviewsDue(java.time.LocalDate, java.time.LocalDate, long, int)} without the agreements {@code hidden}. */
  public Range reviewsDue(java.time.LocalDate from, java.time.LocalDate to, long offset, int size, java.util.Set<String> hidden) {
    Query query = new BooleanQuery.Builder()
        .add(new TermQuery(new Term("status", AgreementStatus.ACTIVE.name())), Occur.FILTER)
        .add(org.apache.lucene.document.LongPoint.newRangeQuery(SearchSchema.REVIEW_DUE,
            from == null ? Long.MIN_VALUE : from.toEpochDay(), to.toEpochDay() - 1), Occur.FILTER)
        .build();
    return ids(without(query, SearchSchema.ID, hidden, false), SearchSchema.sort(new AgreementSearch.Sort("nextReviewDue", true)),
        SearchSchema.ID, offset, size);
  }

  /**
   * The agreements {@code reader} may not see under {@code policy}: what every list that is not
   * the search itself (the approvals audit, reviews, the work queue) leaves out before it counts,
   * so its totals count only what the reader can page through. Empty when the reader may see all.
   */
  public java.util.Set<String> hiddenFrom(AccessPolicy policy, Reader reader) {
    Query visible = AccessFilter.query(policy, reader);
    if (visible == null) {
      return java.util.Set.of();
    }
    Query hidden = new BooleanQuery.Builder().add(SearchSchema.AGREEMENTS, Occur.FILTER).add(visible, Occur.MUST_NOT).build();
    return read(searcher -> {
      java.util.Set<String> ids = new java.util.HashSet<>();
      var fields = searcher.storedFields();
      for (ScoreDoc hit : searcher.search(hidden, Math.max(1, searcher.count(hidden))).scoreDocs) {
        ids.add(fields.document(hit.doc, java.util.Set.of(SearchSchema.ID)).get(SearchSchema.ID));
      }
      return java.util.Set.copyOf(ids);
    });
  }

  /** {@code query} without the documents whose {@code field} (an indexed term, or with {@code docValues} a sorted doc value) is one of {@code ids}. */
  private static Query without(Query query, String field, java.util.Set<String> ids, boolean docValues) {
    if (ids == null || ids.isEmpty()) {
      return query;
    }
    List<BytesRef> terms = ids.stream().map(BytesRef::new).toList();
    Query excluded = docValues ? org.apache.lucene.document.SortedDocValuesField.newSlowSetQuery(field, terms)
        : new org.apache.lucene.search.TermInSetQuery(field, terms);
    return new BooleanQuery.Builder().add(query, Occur.FILTER).add(excluded, Occur.MUST_NOT).build();
  }

  /**
   * The approvals of the audit {@code search} selects, in the audit's order (time, agreement,
   * sequence, id): the ids from {@code offset}, at most {@code size}, and how many there are.
   */
  public Range approvals(gov.ice.registry.projection.audit.ApprovalSearch search, long offset, int size) {
    return approvals(search, offset, size, java.util.Set.of());
  }

  /** {@link #approvals(gov.ice.registry.projection.audit.ApprovalSearch, long, int)} without those of the agreements {@code hidden}. */
  public Range approvals(gov.ice.registry.projection.audit.ApprovalSearch search, long offset, int size, java.util.Set<String> hidden) {
    // An approval's agreement is a doc value only (its sort key): a slow set query, run only when something is hidden.
    return ids(without(SearchSchema.approvals(search), "sort.agreementId", hidden, true), SearchSchema.APPROVAL_ORDER,
        SearchSchema.APPROVAL_ID, offset, size);
  }

  /**
   * Exigent transfers, the earliest deadline first, then by id: all of them, or with
   * {@code latestMissedDeadline} those not met whose deadline is on or before it (the missed ones).
   */
  public Range exigentTransfers(java.time.LocalDate latestMissedDeadline, long offset, int size) {
    return ids(SearchSchema.transfers(latestMissedDeadline), SearchSchema.TRANSFER_ORDER, SearchSchema.TRANSFER_ID, offset, size);
  }

  /** The ids (stored field {@code idField}) of {@code query}'s matches in {@code order} from {@code offset}, at most {@code size}; the total. */
  private Range ids(Query query, Sort order, String idField, long offset, int size) {
    return read(searcher -> {
      int total = searcher.count(query);
      if (offset >= total || size <= 0) {
        return new Range(List.of(), total);
      }
      int n = (int) Math.min(offset + size, total);
      ScoreDoc[] hits = searcher.search(query, n, order).scoreDocs;
      List<String> ids = new ArrayList<>();
      var fields = searcher.storedFields();
      for (int i = (int) offset; i < hits.length; i++) {
        ids.add(fields.document(hits[i].doc, java.util.Set.of(idField)).get(idField));
      }
      return new Range(ids, total);
    });
  }

  /**
   * The work queue of {@code holders} (the roles of one user) on {@code today}: each item once, the
   * longest waiting first, from {@code offset} at most {@code size}, and how many there are.
   */
  public WorkSchema.Rows work(java.util.Collection<String> holders, java.time.LocalDate today, long offset, int size) {
    return work(holders, today, offset, size, java.util.Set.of());
  }

  /** {@link #work(java.util.Collection, java.time.LocalDate, long, int)} without the items of the agreements {@code hidden}. */
  public WorkSchema.Rows work(java.util.Collection<String> holders, java.time.LocalDate today, long offset, int size,
      java.util.Set<String> hidden) {
    return read(searcher -> WorkSchema.rows(searcher, without(WorkSchema.queue(holders, today), WorkSchema.WORK_OF, hidden, false),
        offset, size));
  }

  /** Every work item waiting for one of {@code reasons} (names of {@code WorkReason}), in queue order. */
  public List<org.bson.Document> waiting(java.util.Collection<String> reasons) {
    return read(searcher -> WorkSchema.all(searcher, WorkSchema.waiting(reasons)));
  }

  /** The repository document of agreement {@code id} as the live index holds it; null if it holds none. */
  public AgreementDocument byId(String id) {
    return read(searcher -> {
      org.bson.Document source = LuceneIndex.stored(searcher, id);
      return source == null ? null : AgreementDocuments.fromDocument(source);
    });
  }

  private static AgreementDocument item(IndexSearcher searcher, int doc) throws IOException {
    return AgreementDocuments.fromDocument(
        SearchSchema.source(searcher.storedFields().document(doc).getBinaryValue(SearchSchema.SOURCE)));
  }

  private interface Read<T> {
    T from(IndexSearcher searcher) throws IOException;
  }

  /** Runs {@code read} on the live index's latest state; again on the new live one if a rebuild took over meanwhile. */
  private <T> T read(Read<T> read) {
    for (int attempt = 0; ; attempt++) {
      Tracker t = live;
      if (t == null) {
        throw new IllegalStateException("the search index is not open");
      }
      SearcherManager searchers = t.index.searchers();
      IndexSearcher searcher;
      try {
        searcher = searchers.acquire();
      } catch (AlreadyClosedException replaced) {
        if (attempt < 3) {
          continue;
        }
        throw replaced;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      try {
        return read.from(searcher);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } finally {
        try {
          searchers.release(searcher);
        } catch (IOException | AlreadyClosedException ignored) {
          // The reader of a replaced index closes with its last user.
        }
      }
    }
  }

  /** The last hit of recent pages, per state of the index and search: the next page continues after it. */
  private static final class Cursors {
    private record Key(Object state, String search, int page) {}

    private final Cache<Key, FieldDoc> recent = Caffeine.newBuilder().maximumSize(256).executor(Runnable::run).build();

    FieldDoc get(IndexReader reader, String search, int page) {
      return recent.getIfPresent(new Key(state(reader), search, page));
    }

    void put(IndexReader reader, String search, int page, FieldDoc last) {
      recent.put(new Key(state(reader), search, page), last);
    }

    /** The reader's cache key: one per state of one index, never reused. */
    private static Object state(IndexReader reader) {
      return reader.getReaderCacheHelper() == null ? reader : reader.getReaderCacheHelper().getKey();
    }
  }

  // ---- following the ledger ----

  /** Reads the ledger from {@code index}'s position and applies it in batches, each batch one commit. */
  private final class Tracker implements Runnable {
    final LuceneIndex index;
    final Thread thread;
    final LedgerFold fold = new LedgerFold(agreements);
    /** The position a rebuild takes over at; null for the live index. */
    volatile Long target;
    volatile boolean stopped;
    volatile String error;
    /** Whether the index was compared with the ledger (see verify); a new index needs no comparing. */
    volatile boolean verified;

    Tracker(LuceneIndex index, Long target) {
      this.index = index;
      this.target = target;
      this.thread = new Thread(this, target == null ? "search-index" : "search-index-rebuild");
      thread.setDaemon(true);
    }

    void start() {
      thread.start();
    }

    /** How {@link ReadModelFailures} tells the two loops apart: 0 the live index, 1 a rebuild. */
    int segment() {
      return target == null ? 0 : 1;
    }

    @Override
    public void run() {
      long started = System.nanoTime();
      long from = index.position();
      long startHead = -1;
      boolean reported = target != null;
      try {
        var head = reported ? null : ledger.createHeadToken();
        startHead = head == null ? -1 : head.position().orElse(-1);
      } catch (RuntimeException unreachable) {
        // Only the log line below is lost: the loop itself retries the ledger.
        reported = true;
      }
      while (!stopped) {
        if (!verified) {
          try {
            long verifying = System.nanoTime();
            verify();
            verified = true;
            log.info("Search index compared with the ledger in {} ms", (System.nanoTime() - verifying) / 1_000_000);
          } catch (RuntimeException | IOException e) {
            error = String.valueOf(e);
            failures.failed(NAME, segment(), e);
            log.warn("Cannot compare the search index with the ledger yet; retrying", e);
            LockSupport.parkNanos(RETRY.toNanos());
            continue;
          }
        }
        try (BlockingStream<TrackedEventMessage<?>> stream = ledger.openStream(index.token())) {
          while (!stopped) {
            List<TrackedEventMessage<?>> batch = new ArrayList<>();
            if (stream.hasNextAvailable(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
              do {
                batch.add(stream.nextAvailable());
              } while (batch.size() < batchSize && stream.hasNextAvailable());
            }
            index.apply(batch, fold);
            if (!reported && index.position() >= startHead) {
              reported = true;
              log.info("Search index caught up with the ledger's head at start (position {}) from position {} in {} ms",
                  startHead, from, (System.nanoTime() - started) / 1_000_000);
            }
            if (error != null) {
              failures.succeeded(NAME, segment());
            }
            error = null;
            Long takeOverAt = target;
            if (takeOverAt != null && index.position() >= takeOverAt) {
              takeOver(this);
            }
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        } catch (RuntimeException | IOException | Error e) {
          if (stopped) {
            return;
          }
          // Nothing of the failed batch was committed: the ledger is read again from the committed position.
          error = String.valueOf(e);
          failures.failed(NAME, segment(), e);
          log.warn("The search index failed to apply events; retrying from position {}", index.position(), e);
          fold.clear();
          LockSupport.parkNanos(RETRY.toNanos());
        }
      }
    }

    /**
     * An index of another ledger (its first event differs) or ahead of this one (a ledger restored
     * from a backup) would miss events or show agreements the ledger does not hold: it is emptied
     * and built again from the ledger's start.
     */
    private void verify() throws IOException {
      if (index.token() == null) {
        return;
      }
      var head = ledger.createHeadToken();
      long headPosition = head == null ? -1 : head.position().orElse(-1);
      String first = null;
      try (BlockingStream<TrackedEventMessage<?>> stream = ledger.openStream(null)) {
        if (head != null && stream.hasNextAvailable(POLL_MILLIS * 25, TimeUnit.MILLISECONDS)) {
          first = stream.nextAvailable().getIdentifier();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      boolean otherLedger = index.ledger() != null && !index.ledger().equals(first);
      if (otherLedger || index.position() > headPosition) {
        log.warn("The search index in {} is of another ledger or ahead of it (position {}, ledger head {}): building it again",
            index.path(), index.position(), headPosition);
        index.clear();
      }
    }

    /** Lets the loop end (it polls every {@value #POLL_MILLIS} ms; no interrupt, which Lucene's file IO dislikes), then closes. */
    void stopAndClose() {
      stopped = true;
      if (Thread.currentThread() != thread) {
        try {
          thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      try {
        index.close();
      } catch (IOException | RuntimeException e) {
        log.warn("Closing the search index {} failed", index.path(), e);
      }
    }
  }
}
