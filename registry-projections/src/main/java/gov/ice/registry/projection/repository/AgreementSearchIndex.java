package gov.ice.registry.projection.repository;

import static gov.ice.registry.projection.repository.AgreementDocuments.CATEGORIES;
import static gov.ice.registry.projection.repository.AgreementDocuments.COUNTRIES;
import static gov.ice.registry.projection.repository.AgreementDocuments.DIRECTORATE;
import static gov.ice.registry.projection.repository.AgreementDocuments.KIND;
import static gov.ice.registry.projection.repository.AgreementDocuments.PARTY_KINDS;
import static gov.ice.registry.projection.repository.AgreementDocuments.PARTY_NAMES;
import static gov.ice.registry.projection.repository.AgreementDocuments.PII;
import static gov.ice.registry.projection.repository.AgreementDocuments.SEARCH_TEXT;
import static gov.ice.registry.projection.repository.AgreementDocuments.STATUS;
import static gov.ice.registry.projection.repository.AgreementDocuments.TITLE_SORT;

import gov.ice.registry.projection.VersionedWrite;
import gov.ice.registry.projection.CollectionIndex;
import gov.ice.registry.projection.mongo.ReadStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * What the central repository's queries need of each agreement, kept in memory beside the
 * embedded read store, which answers every query but one by {@code _id} by reading and
 * deserializing every document (it ignores secondary indexes and sorts in memory). Per agreement
 * it keeps the filter fields (status, kind, directorate, PII, categories, party kinds, countries,
 * party names; values as small integer codes), the sort keys, {@code searchText}, {@code _id} and
 * the version. A search filters these entries, counts its facets from them, selects its page
 * (bounded: a heap for the first pages, a selection of the page's range otherwise, never a sort
 * of every match) and leaves it to the caller to read only the page's documents by {@code _id}.
 *
 * <p>It answers exactly as the aggregation does on mongo-java-server (same filters, same order:
 * null and missing first ascending, strings by {@link String#compareTo}, ties by {@code _id});
 * a collection holding a document of another shape (a field of an unexpected type) is not
 * answered here ({@link #select} answers null and the caller runs the aggregation).
 *
 * <p>It follows the store: loaded from the live collection (and one a rebuild is building) when
 * the application starts, before any processor runs or any request is served; then every batch
 * the repository projection writes ({@link #written}) and every drop before a replay
 * ({@link #dropped}). Queries answer from the entries of the collection that is live at the time
 * they run. Each collection's entries are an immutable array replaced whole by a write (copy on
 * write, under one lock): a query reads one consistent snapshot without a lock, and writers never
 * wait for queries. Only for the embedded store ({@link ReadStore#embedded()}): a MongoDB is
 * written by every instance and uses its indexes.
 */
@Component
public class AgreementSearchIndex extends CollectionIndex<AgreementSearchIndex.Indexed> {

  /** What an entry is made of: the stored fields read when a collection is loaded. */
  static final List<String> FIELDS = List.of("_id", VersionedWrite.VERSION, STATUS, KIND, DIRECTORATE, PII, CATEGORIES,
      PARTY_KINDS, COUNTRIES, PARTY_NAMES, SEARCH_TEXT, TITLE_SORT, "createdAt", "updatedAt", "effectiveDate",
      "nextReviewDue");

  private static final int NONE = -1;
  private static final int[] EMPTY = new int[0];
  /** A null date: it sorts before every date (a stored date at this very instant does not fit). */
  private static final long NO_DATE = Long.MIN_VALUE;
  /** Up to this many entries in the page and before it, a bounded heap selects them; beyond, a quickselect. */
  private static final int HEAP_LIMIT = 256;

  /** One agreement as the queries see it. Codes index {@link #values}; {@link #NONE} is null or missing. */
  record Entry(String id, long version, int status, int kind, int directorate, byte pii, int[] categories,
      int[] partyKinds, int[] countries, int[] partyNames, String searchText, String titleSort, long createdAt,
      long updatedAt, String effectiveDate, String nextReviewDue) {}

  /** A collection's entries at one moment; {@code fits} is false while a document of another shape is stored. */
  private record Snapshot(Entry[] entries, boolean fits) {}

  /** A collection as indexed: the snapshot queries read, and the writer's bookkeeping (under {@link #lock}). */
  static final class Indexed {
    final Map<String, Integer> slots = new HashMap<>();
    final Set<String> unfit = new HashSet<>();
    volatile Snapshot snapshot = new Snapshot(new Entry[0], true);
  }

  /** A search's answer before its documents are read: the page's ids in order, the total, the facet counts. */
  record Selection(List<String> ids, long total, Map<String, Map<String, Long>> facets) {}

  private final Map<String, Integer> codes = new ConcurrentHashMap<>();
  /** Code to value; grows only, published after the codes it adds and before any entry using them. */
  private volatile String[] values = new String[0];
  /** Dates repeat across agreements: one String per distinct day. */
  private final Map<String, String> days = new HashMap<>();

  /** Active, and loaded from the store's collections, only for the embedded store. Blocking. */
  @Autowired
  public AgreementSearchIndex(ReadStore store) {
    super(store, store.embedded(), AgreementDocuments.COLLECTION, FIELDS);
    if (active) {
      loadAll();
    }
  }

  /** An index that answers nothing: every query runs on the store. */
  static AgreementSearchIndex inactive(ReadStore store) {
    return new AgreementSearchIndex(store, false);
  }

  private AgreementSearchIndex(ReadStore store, boolean active) {
    super(store, active, AgreementDocuments.COLLECTION, FIELDS);
  }

  @Override
  protected Indexed empty() {
    return new Indexed();
  }

  @Override
  protected void apply(Indexed indexed, Collection<Document> documents) {
    Entry[] current = indexed.snapshot.entries();
    Entry[] next = null;
    int size = current.length;
    for (Document document : documents) {
      Object id = document.get("_id");
      if (!(id instanceof String key)) {
        indexed.unfit.add(String.valueOf(id));
        continue;
      }
      Entry entry = entry(key, document);
      if (entry == null) {
        indexed.unfit.add(key);
        continue;
      }
      indexed.unfit.remove(key);
      Integer slot = indexed.slots.get(key);
      if (slot != null && (next == null ? current : next)[slot].version() > entry.version()) {
        continue;
      }
      if (next == null) {
        next = Arrays.copyOf(current, Math.max(current.length, 16) + documents.size());
      }
      if (slot == null) {
        slot = size++;
        indexed.slots.put(key, slot);
      }
      next[slot] = entry;
    }
    Entry[] entries = next == null ? current : Arrays.copyOf(next, size);
    indexed.snapshot = new Snapshot(entries, indexed.unfit.isEmpty());
  }

  /** The entry of a stored document, or null if a field has a type the stored documents never have. */
  private Entry entry(String id, Document d) {
    Object version = d.get(VersionedWrite.VERSION);
    if (version != null && !(version instanceof Number)) {
      return null;
    }
    Object pii = d.get(PII);
    long createdAt = date(d.get("createdAt"));
    long updatedAt = date(d.get("updatedAt"));
    int[] categories = codes(d.get(CATEGORIES));
    int[] partyKinds = codes(d.get(PARTY_KINDS));
    int[] countries = codes(d.get(COUNTRIES));
    int[] partyNames = codes(d.get(PARTY_NAMES));
    Object status = d.get(STATUS);
    Object kind = d.get(KIND);
    Object directorate = d.get(DIRECTORATE);
    Object searchText = d.get(SEARCH_TEXT);
    Object titleSort = d.get(TITLE_SORT);
    Object effectiveDate = d.get("effectiveDate");
    Object nextReviewDue = d.get("nextReviewDue");
    if ((pii != null && !(pii instanceof Boolean)) || createdAt == NO_DATE + 1 || updatedAt == NO_DATE + 1
        || categories == null || partyKinds == null || countries == null || partyNames == null
        || !stringOrNull(status) || !stringOrNull(kind) || !stringOrNull(directorate) || !stringOrNull(searchText)
        || !stringOrNull(titleSort) || !stringOrNull(effectiveDate) || !stringOrNull(nextReviewDue)) {
      return null;
    }
    return new Entry(id, version == null ? 0 : ((Number) version).longValue(), code((String) status), code((String) kind),
        code((String) directorate), pii == null ? (byte) -1 : (byte) (Boolean.TRUE.equals(pii) ? 1 : 0), categories,
        partyKinds, countries, partyNames, (String) searchText, (String) titleSort, createdAt, updatedAt,
        day((String) effectiveDate), day((String) nextReviewDue));
  }

  private static boolean stringOrNull(Object value) {
    return value == null || value instanceof String;
  }

  /** Millis of a date, {@link #NO_DATE} for null, {@code NO_DATE + 1} for a value that does not fit. */
  private static long date(Object value) {
    if (value == null) {
      return NO_DATE;
    }
    if (!(value instanceof Date date) || date.getTime() == NO_DATE || date.getTime() == NO_DATE + 1) {
      return NO_DATE + 1;
    }
    return date.getTime();
  }

  private String day(String value) {
    return value == null ? null : days.computeIfAbsent(value, v -> v);
  }

  /** Codes of an array of strings (null or missing: none); null if it is no such array. */
  private int[] codes(Object value) {
    if (value == null) {
      return EMPTY;
    }
    if (!(value instanceof List<?> list)) {
      return null;
    }
    if (list.isEmpty()) {
      return EMPTY;
    }
    int[] codes = new int[list.size()];
    for (int i = 0; i < codes.length; i++) {
      if (!(list.get(i) instanceof String s)) {
        return null;
      }
      codes[i] = code(s);
    }
    return codes;
  }

  /** Under the lock. */
  private int code(String value) {
    if (value == null) {
      return NONE;
    }
    Integer known = codes.get(value);
    if (known != null) {
      return known;
    }
    String[] grown = Arrays.copyOf(values, values.length + 1);
    int code = values.length;
    grown[code] = value;
    values = grown;
    codes.put(value, code);
    return code;
  }

  // ---------------------------------------------------------------------------------------- queries

  /**
   * The page, total and facet counts of {@code search} over {@code collection}; null when this
   * index does not answer for it (inactive, a collection it does not know whole, a document of
   * another shape, a sort key it does not keep): the caller then asks the store.
   */
  Selection select(String collection, AgreementSearch search) {
    Snapshot snapshot = snapshot(collection);
    Comparator<Entry> order = snapshot == null ? null : order(search.sort());
    if (order == null) {
      return null;
    }
    Entry[] all = snapshot.entries();
    // After the entries: every code they use is in this array.
    String[] dictionary = values;
    Filter filter = new Filter(search, dictionary.length);
    int[][] counts = new int[6][dictionary.length];
    int[] pii = new int[2];
    Entry[] matches = new Entry[all.length];
    int n = 0;
    for (Entry e : all) {
      if (filter.test(e)) {
        matches[n++] = e;
        count(counts[0], e.status());
        count(counts[1], e.kind());
        count(counts[2], e.categories());
        count(counts[3], e.partyKinds());
        count(counts[4], e.countries());
        count(counts[5], e.directorate());
        if (e.pii() >= 0) {
          pii[e.pii()]++;
        }
      }
    }
    Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
    String[] names = {"status", "kind", "category", "partyKind", "country", "directorate"};
    for (int f = 0; f < names.length; f++) {
      Map<String, Long> buckets = new TreeMap<>();
      for (int code = 0; code < dictionary.length; code++) {
        if (counts[f][code] > 0) {
          buckets.put(dictionary[code], (long) counts[f][code]);
        }
      }
      facets.put(names[f], buckets);
    }
    Map<String, Long> piiBuckets = new TreeMap<>();
    if (pii[0] > 0) {
      piiBuckets.put("false", (long) pii[0]);
    }
    if (pii[1] > 0) {
      piiBuckets.put("true", (long) pii[1]);
    }
    facets.put("pii", piiBuckets);
    long offset = (long) search.page() * search.size();
    List<String> ids = new ArrayList<>();
    for (Entry e : page(matches, n, offset, search.size(), order)) {
      ids.add(e.id());
    }
    return new Selection(ids, n, facets);
  }

  /**
   * Active agreements with one of {@code partyNames} (lower-cased) and one of {@code categories},
   * other than {@code excludingId}, by title then id; null when this index does not answer.
   */
  List<String> existing(String collection, Collection<String> partyNames, Collection<String> categories, String excludingId) {
    Snapshot snapshot = snapshot(collection);
    if (snapshot == null) {
      return null;
    }
    Entry[] all = snapshot.entries();
    String[] dictionary = values;
    boolean[] names = accepted(partyNames, dictionary.length);
    boolean[] kinds = accepted(categories, dictionary.length);
    Integer activeCode = codes.get("ACTIVE");
    List<Entry> found = new ArrayList<>();
    for (Entry e : all) {
      if (activeCode != null && e.status() == activeCode && any(names, e.partyNames()) && any(kinds, e.categories())
          && !e.id().equals(excludingId)) {
        found.add(e);
      }
    }
    found.sort(order(AgreementSearch.Sort.DEFAULT));
    return found.stream().map(Entry::id).toList();
  }

  /**
   * The {@code limit} most relevant of {@link #existing}'s agreements, and how many there are:
   * most categories in common with {@code categories} first, then the latest effective date, then
   * the latest change. Null when this index does not answer.
   */
  Selection mostRelevantExisting(String collection, Collection<String> partyNames, Collection<String> categories, String excludingId,
      int limit) {
    Snapshot snapshot = snapshot(collection);
    if (snapshot == null) {
      return null;
    }
    String[] dictionary = values;
    boolean[] names = accepted(partyNames, dictionary.length);
    boolean[] kinds = accepted(categories, dictionary.length);
    Integer activeCode = codes.get("ACTIVE");
    record Ranked(Entry entry, int common) {}
    List<Ranked> found = new ArrayList<>();
    for (Entry e : snapshot.entries()) {
      if (activeCode != null && e.status() == activeCode && any(names, e.partyNames()) && !e.id().equals(excludingId)) {
        int common = 0;
        for (int code : e.categories()) {
          if (kinds[code]) {
            common++;
          }
        }
        if (common > 0) {
          found.add(new Ranked(e, common));
        }
      }
    }
    Comparator<String> latestFirst = Comparator.nullsLast(Comparator.<String>reverseOrder());
    found.sort(Comparator.comparingInt((Ranked r) -> -r.common())
        .thenComparing(r -> r.entry().effectiveDate(), latestFirst)
        .thenComparing(r -> -r.entry().updatedAt())
        .thenComparing(r -> r.entry().id()));
    return new Selection(found.stream().limit(limit).map(r -> r.entry().id()).toList(), found.size(), Map.of());
  }

  /** How many agreements are in each status (null or missing not counted); null when this index does not answer. */
  Map<String, Long> countByStatus(String collection) {
    Snapshot snapshot = snapshot(collection);
    if (snapshot == null) {
      return null;
    }
    Entry[] all = snapshot.entries();
    String[] dictionary = values;
    int[] counts = new int[dictionary.length];
    for (Entry e : all) {
      count(counts, e.status());
    }
    Map<String, Long> byStatus = new TreeMap<>();
    for (int code = 0; code < counts.length; code++) {
      if (counts[code] > 0) {
        byStatus.put(dictionary[code], (long) counts[code]);
      }
    }
    return byStatus;
  }

  /** How many agreements {@code collection}'s entries hold, or -1 if it is not indexed. */
  public int size(String collection) {
    Snapshot snapshot = snapshot(collection);
    return snapshot == null ? -1 : snapshot.entries().length;
  }

  private Snapshot snapshot(String collection) {
    Indexed indexed = indexed(collection);
    Snapshot snapshot = indexed == null ? null : indexed.snapshot;
    return snapshot == null || !snapshot.fits() ? null : snapshot;
  }

  private static void count(int[] counts, int code) {
    if (code >= 0) {
      counts[code]++;
    }
  }

  private static void count(int[] counts, int[] codes) {
    for (int code : codes) {
      counts[code]++;
    }
  }

  /** The order of a sort key, then {@code _id}; null for a key this index does not keep. */
  private Comparator<Entry> order(AgreementSearch.Sort sort) {
    Comparator<Entry> byField = switch (sort.field()) {
      case TITLE_SORT -> (a, b) -> strings(a.titleSort(), b.titleSort());
      case STATUS -> (a, b) -> strings(value(a.status()), value(b.status()));
      case KIND -> (a, b) -> strings(value(a.kind()), value(b.kind()));
      case "createdAt" -> (a, b) -> Long.compare(a.createdAt(), b.createdAt());
      case "updatedAt" -> (a, b) -> Long.compare(a.updatedAt(), b.updatedAt());
      case "effectiveDate" -> (a, b) -> strings(a.effectiveDate(), b.effectiveDate());
      case "nextReviewDue" -> (a, b) -> strings(a.nextReviewDue(), b.nextReviewDue());
      default -> null;
    };
    if (byField == null) {
      return null;
    }
    Comparator<Entry> field = sort.ascending() ? byField : byField.reversed();
    return (a, b) -> {
      int c = field.compare(a, b);
      return c != 0 ? c : a.id().compareTo(b.id());
    };
  }

  private String value(int code) {
    return code < 0 ? null : values[code];
  }

  /** As mongo-java-server compares them: null (or missing) before every string, strings by {@link String#compareTo}. */
  private static int strings(String a, String b) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : -1) : 1;
    }
    return a.compareTo(b);
  }

  /** Entries {@code offset} to {@code offset + size} of the first {@code n} of {@code matches} in {@code order}. */
  private static List<Entry> page(Entry[] matches, int n, long offset, int size, Comparator<Entry> order) {
    if (offset >= n) {
      return List.of();
    }
    int from = (int) offset;
    int to = (int) Math.min(n, offset + size);
    if (to <= HEAP_LIMIT) {
      // The first pages: one comparison with the heap's largest for most entries.
      PriorityQueue<Entry> smallest = new PriorityQueue<>(to, order.reversed());
      for (int i = 0; i < n; i++) {
        Entry e = matches[i];
        if (smallest.size() < to) {
          smallest.add(e);
        } else if (order.compare(e, smallest.peek()) < 0) {
          smallest.poll();
          smallest.add(e);
        }
      }
      Entry[] first = smallest.toArray(new Entry[0]);
      Arrays.sort(first, order);
      return Arrays.asList(first).subList(from, to);
    }
    // Deeper: place the entry of rank `from`, then the one of rank `to - 1` among those after it; sort only the page.
    select(matches, 0, n - 1, from, order);
    if (to - 1 > from) {
      select(matches, from + 1, n - 1, to - 1, order);
    }
    Arrays.sort(matches, from, to, order);
    return Arrays.asList(matches).subList(from, to);
  }

  /** Quickselect: afterwards {@code a[k]} holds the entry of rank {@code k} within {@code a[lo..hi]}, smaller ones before it, larger after. */
  private static void select(Entry[] a, int lo, int hi, int k, Comparator<Entry> order) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    while (hi > lo) {
      swap(a, lo + random.nextInt(hi - lo + 1), hi);
      Entry pivot = a[hi];
      int store = lo;
      for (int i = lo; i < hi; i++) {
        if (order.compare(a[i], pivot) < 0) {
          swap(a, store++, i);
        }
      }
      swap(a, store, hi);
      if (k == store) {
        return;
      }
      if (k < store) {
        hi = store - 1;
      } else {
        lo = store + 1;
      }
    }
  }

  private static void swap(Entry[] a, int i, int j) {
    Entry t = a[i];
    a[i] = a[j];
    a[j] = t;
  }

  private boolean[] accepted(Collection<String> wanted, int size) {
    boolean[] accepted = new boolean[size];
    for (String value : wanted) {
      Integer code = codes.get(value);
      if (code != null && code < size) {
        accepted[code] = true;
      }
    }
    return accepted;
  }

  private static boolean any(boolean[] accepted, int[] codes) {
    for (int code : codes) {
      if (accepted[code]) {
        return true;
      }
    }
    return false;
  }

  /** {@link AgreementRepositoryQueries#filter} over entries: values of one filter OR-ed, filters AND-ed. */
  private final class Filter {

    private final boolean[] statuses;
    private final boolean[] kinds;
    private final boolean[] categories;
    private final boolean[] partyKinds;
    private final boolean[] countries;
    private final boolean[] directorates;
    private final boolean[] partyNames;
    private final Boolean pii;
    private final String[] words;

    Filter(AgreementSearch s, int size) {
      statuses = names(s.statuses(), size);
      kinds = names(s.kinds(), size);
      categories = names(s.categories(), size);
      partyKinds = names(s.partyKinds(), size);
      directorates = names(s.directorates(), size);
      partyNames = s.parties().isEmpty() ? null : accepted(s.parties(), size);
      countries = s.countries().isEmpty() ? null
          : accepted(s.countries().stream().map(c -> c.trim().toUpperCase(Locale.ROOT)).toList(), size);
      pii = s.pii();
      // As the aggregation's regex: every word, taken literally, somewhere in searchText.
      words = s.text() == null ? null : s.text().toLowerCase(Locale.ROOT).split("\\s+");
    }

    private boolean[] names(List<? extends Enum<?>> values, int size) {
      return values.isEmpty() ? null : accepted(values.stream().map(Enum::name).toList(), size);
    }

    boolean test(Entry e) {
      if (statuses != null && (e.status() < 0 || !statuses[e.status()])
          || kinds != null && (e.kind() < 0 || !kinds[e.kind()])
          || directorates != null && (e.directorate() < 0 || !directorates[e.directorate()])
          || categories != null && !any(categories, e.categories())
          || partyKinds != null && !any(partyKinds, e.partyKinds())
          || countries != null && !any(countries, e.countries())
          || partyNames != null && !any(partyNames, e.partyNames())
          || pii != null && e.pii() != (pii ? 1 : 0)) {
        return false;
      }
      if (words != null) {
        String text = e.searchText();
        if (text == null) {
          return false;
        }
        for (String word : words) {
          if (!text.contains(word)) {
            return false;
          }
        }
      }
      return true;
    }
  }
}
