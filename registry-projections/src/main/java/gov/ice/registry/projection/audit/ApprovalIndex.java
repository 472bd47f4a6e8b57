package gov.ice.registry.projection.audit;

import static gov.ice.registry.projection.BsonValues.instant;

import gov.ice.registry.projection.CollectionIndex;
import gov.ice.registry.projection.mongo.ReadStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * What the approvals audit's queries need of each approval, kept in memory beside the embedded
 * read store, which ignores secondary indexes: there every audit query read and deserialized every
 * approval. Per approval it keeps {@code _id}, actorKey and office (as small integer codes),
 * {@code at}, agreementId and sequence, in the audit's order ({@code at}, agreementId, sequence,
 * {@code _id}). A search finds its time range by binary search, filters actor and office over that
 * range alone, and leaves it to the caller to read only the page's documents by {@code _id}; the
 * unpaged stream hands out its ids in chunks, never the whole answer at once.
 *
 * <p>It answers as {@link ApprovalQueries}' plain queries do on mongo-java-server. It keeps only
 * the fields approvals are written with; a collection holding a document of another shape (no
 * date {@code at}, no string agreementId, ...) is not answered here (null, and the caller asks the
 * store). Stored approvals are changed in place only by an erasure, which touches no indexed
 * field; the documents themselves are always read from the store.
 *
 * <p>It follows the store: loaded from the live collection (and
 * one a rebuild is building) when the application starts, before any processor runs or request is
 * served; then every batch the audit projection writes and every drop before a replay. Queries
 * answer from the collection live when they run. Each collection's entries are one immutable
 * sorted array, replaced whole under one lock by a batch that changes it (a merge: approvals
 * mostly arrive in {@code at} order, at the end); readers never lock. Only for the embedded store.
 */
@Component
public class ApprovalIndex extends CollectionIndex<ApprovalIndex.Indexed> {

  static final List<String> FIELDS = List.of("_id", "actorKey", "office", "at", "agreementId", "sequence");

  private static final int NONE = -1;

  /** One approval as the queries see it; {@link #NONE} codes a null or missing actorKey or office. */
  record Entry(String id, int actor, int office, long at, String agreementId, long sequence) {}

  /** The audit's order, as mongo-java-server sorts the fields approvals are written with. */
  static final Comparator<Entry> ORDER = Comparator.comparingLong(Entry::at).thenComparing(Entry::agreementId)
      .thenComparingLong(Entry::sequence).thenComparing(Entry::id);

  private record Snapshot(Entry[] entries, boolean fits) {}

  static final class Indexed {
    final Map<String, Entry> byId = new HashMap<>();
    final Set<String> unfit = new HashSet<>();
    volatile Snapshot snapshot = new Snapshot(new Entry[0], true);
  }

  private final Map<String, Integer> codes = new ConcurrentHashMap<>();

  /** Active, and loaded from the store's collections, only for the embedded store. Blocking. */
  @Autowired
  public ApprovalIndex(ReadStore store) {
    super(store, store.embedded(), ApprovalProjection.COLLECTION, FIELDS);
    if (active) {
      loadAll();
    }
  }

  /** An index that answers nothing: every query runs on the store. */
  static ApprovalIndex inactive(ReadStore store) {
    return new ApprovalIndex(store, false);
  }

  private ApprovalIndex(ReadStore store, boolean active) {
    super(store, active, ApprovalProjection.COLLECTION, FIELDS);
  }

  /** Under the lock: the replaced entries leave the array, the new ones are sorted and merged in. */
  @Override
  protected Indexed empty() {
    return new Indexed();
  }

  @Override
  protected void apply(Indexed indexed, Collection<Document> documents) {
    Map<Entry, Boolean> replaced = new IdentityHashMap<>();
    Map<String, Entry> added = new HashMap<>();
    for (Document document : documents) {
      Object id = document.get("_id");
      Entry entry = id instanceof String key ? entry(key, document) : null;
      if (entry == null) {
        indexed.unfit.add(String.valueOf(id));
        continue;
      }
      indexed.unfit.remove(entry.id());
      Entry before = indexed.byId.put(entry.id(), entry);
      if (entry.equals(before)) {
        continue;
      }
      if (before != null && added.remove(before.id()) == null) {
        replaced.put(before, Boolean.TRUE);
      }
      added.put(entry.id(), entry);
    }
    Entry[] current = indexed.snapshot.entries();
    if (replaced.isEmpty() && added.isEmpty()) {
      indexed.snapshot = new Snapshot(current, indexed.unfit.isEmpty());
      return;
    }
    Entry[] incoming = added.values().toArray(new Entry[0]);
    Arrays.sort(incoming, ORDER);
    Entry[] next = new Entry[current.length - replaced.size() + incoming.length];
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < current.length || j < incoming.length) {
      if (i < current.length && replaced.containsKey(current[i])) {
        i++;
      } else if (j == incoming.length || i < current.length && ORDER.compare(current[i], incoming[j]) <= 0) {
        next[n++] = current[i++];
      } else {
        next[n++] = incoming[j++];
      }
    }
    indexed.snapshot = new Snapshot(next, indexed.unfit.isEmpty());
  }

  /** The entry of a stored approval, or null if a field is missing or of a type approvals are never written with. */
  private Entry entry(String id, Document d) {
    Object actor = d.get("actorKey");
    Object office = d.get("office");
    Object at = d.get("at");
    Object agreementId = d.get("agreementId");
    Object sequence = d.get("sequence");
    if (!(at instanceof Date date) || !(agreementId instanceof String agreement)
        || !(sequence instanceof Long || sequence instanceof Integer)
        || actor != null && !(actor instanceof String) || office != null && !(office instanceof String)) {
      return null;
    }
    return new Entry(id, code((String) actor), code((String) office), date.getTime(), agreement,
        ((Number) sequence).longValue());
  }

  /** Under the lock. */
  private int code(String value) {
    return value == null ? NONE : codes.computeIfAbsent(value, v -> codes.size());
  }

  // ---------------------------------------------------------------------------------------- queries

  /** How many approvals {@code search} selects in {@code collection}; null when this index does not answer. */
  Long count(String collection, ApprovalSearch search) {
    Snapshot snapshot = snapshot(collection);
    if (snapshot == null) {
      return null;
    }
    Matches matches = new Matches(snapshot.entries(), search);
    long n = 0;
    while (matches.next() != null) {
      n++;
    }
    return n;
  }

  /**
   * The ids of the approvals {@code offset} to {@code offset + size} that {@code search} selects,
   * in order; null when this index does not answer.
   */
  List<String> page(String collection, ApprovalSearch search, long offset, int size) {
    Snapshot snapshot = snapshot(collection);
    if (snapshot == null || offset < 0 || size <= 0) {
      return null;
    }
    Matches matches = new Matches(snapshot.entries(), search);
    for (long skipped = 0; skipped < offset; skipped++) {
      if (matches.next() == null) {
        return List.of();
      }
    }
    List<String> ids = new ArrayList<>(Math.min(size, 1024));
    for (Entry e; ids.size() < size && (e = matches.next()) != null; ) {
      ids.add(e.id());
    }
    return ids;
  }

  /** How many approvals {@code collection}'s entries hold, or -1 if it is not indexed. */
  public int size(String collection) {
    Snapshot snapshot = snapshot(collection);
    return snapshot == null ? -1 : snapshot.entries().length;
  }

  private Snapshot snapshot(String collection) {
    Indexed indexed = indexed(collection);
    Snapshot snapshot = indexed == null ? null : indexed.snapshot;
    return snapshot == null || !snapshot.fits() ? null : snapshot;
  }

  /**
   * The entries {@code search} selects, in order: its time range found by binary search (the
   * entries are sorted by {@code at} first), actor and office compared as codes within it.
   */
  private final class Matches {

    private final Entry[] entries;
    private final int actor;
    private final int office;
    private final boolean none;
    private final int end;
    private int next;

    Matches(Entry[] entries, ApprovalSearch search) {
      this.entries = entries;
      // Codes read after the entries: every code they use is known.
      Integer a = search.actor() == null ? null : codes.get(search.actor().toLowerCase(Locale.ROOT));
      Integer o = search.office() == null ? null : codes.get(search.office().toUpperCase(Locale.ROOT));
      this.actor = a == null ? NONE : a;
      this.office = o == null ? NONE : o;
      this.none = search.actor() != null && a == null || search.office() != null && o == null;
      this.next = search.from() == null ? 0 : firstAtOrAfter(instant(search.from()).getTime());
      this.end = search.to() == null ? entries.length : firstAtOrAfter(instant(search.to()).getTime());
    }

    private int firstAtOrAfter(long at) {
      int lo = 0;
      int hi = entries.length;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (entries[mid].at() < at) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }

    /** The next match, or null. */
    Entry next() {
      if (none) {
        return null;
      }
      while (next < end) {
        Entry e = entries[next++];
        if ((actor == NONE || e.actor() == actor) && (office == NONE || e.office() == office)) {
          return e;
        }
      }
      return null;
    }
  }
}
