package gov.ice.registry.projection.reviews;

import gov.ice.registry.agreement.api.AgreementStatus;
import gov.ice.registry.projection.CollectionIndex;
import gov.ice.registry.projection.mongo.ReadStore;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The review schedule's active agreements with a next review due, in the views' order (due day,
 * then id), kept in process for the embedded store, which scans the whole {@code reviews}
 * collection for every view and count (145 ms at 20,000 agreements). A view then takes its range
 * of days by binary search, its count is the range's length, and only its page's documents are
 * read, by {@code _id}. One sorted array per collection, replaced whole under the lock by a batch
 * that changes it; readers never lock. With MongoDB it is inactive and its index serves the views.
 */
@Component
public class ReviewIndex extends CollectionIndex<ReviewIndex.Indexed> {

  static final List<String> FIELDS = List.of("_id", "status", "nextReviewDue");

  /** An active agreement and its next review due (an ISO day: days sort as strings). */
  record Entry(String id, String due) {}

  static final Comparator<Entry> ORDER = Comparator.comparing(Entry::due).thenComparing(Entry::id);

  private record Snapshot(Entry[] entries, boolean fits) {}

  static final class Indexed {
    final Map<String, Entry> byId = new HashMap<>();
    final Set<String> unfit = new HashSet<>();
    volatile Snapshot snapshot = new Snapshot(new Entry[0], true);
  }

  /** Active, and loaded from the store's collections, only for the embedded store. Blocking. */
  @Autowired
  public ReviewIndex(ReadStore store) {
    super(store, store.embedded(), ReviewProjection.COLLECTION, FIELDS);
    if (active) {
      loadAll();
    }
  }

  /** An index that answers nothing: every query runs on the store. */
  static ReviewIndex inactive(ReadStore store) {
    return new ReviewIndex(store, false);
  }

  private ReviewIndex(ReadStore store, boolean active) {
    super(store, active, ReviewProjection.COLLECTION, FIELDS);
  }

  @Override
  protected Indexed empty() {
    return new Indexed();
  }

  /** Under the lock: the entries a document no longer has leave the array, the new ones are sorted and merged in. */
  @Override
  protected void apply(Indexed indexed, Collection<Document> documents) {
    Map<Entry, Boolean> replaced = new IdentityHashMap<>();
    Map<String, Entry> added = new HashMap<>();
    for (Document document : documents) {
      if (!(document.get("_id") instanceof String id)) {
        indexed.unfit.add(String.valueOf(document.get("_id")));
        continue;
      }
      Object status = document.get("status");
      Object due = document.get("nextReviewDue");
      if (status != null && !(status instanceof String) || due != null && !(due instanceof String)) {
        indexed.unfit.add(id);
        continue;
      }
      indexed.unfit.remove(id);
      Entry entry = AgreementStatus.ACTIVE.name().equals(status) && due != null ? new Entry(id, (String) due) : null;
      Entry before = entry == null ? indexed.byId.remove(id) : indexed.byId.put(id, entry);
      if (java.util.Objects.equals(entry, before)) {
        continue;
      }
      if (before != null && added.remove(id) == null) {
        replaced.put(before, Boolean.TRUE);
      }
      if (entry != null) {
        added.put(id, entry);
      }
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

  /**
   * The ids of the active agreements due from {@code from} (inclusive, null for the earliest) to
   * {@code to} (exclusive, null for the latest), in the views' order: {@code size} of them from
   * {@code skip}, and their total; null when this index does not answer for {@code collection}.
   */
  Range range(String collection, LocalDate from, LocalDate to, long skip, int size) {
    Indexed indexed = indexed(collection);
    Snapshot snapshot = indexed == null ? null : indexed.snapshot;
    if (snapshot == null || !snapshot.fits()) {
      return null;
    }
    Entry[] entries = snapshot.entries();
    int lo = from == null ? 0 : firstOnOrAfter(entries, from.toString());
    int hi = to == null ? entries.length : firstOnOrAfter(entries, to.toString());
    long total = Math.max(0, hi - lo);
    long start = Math.min((long) lo + skip, hi);
    long end = size <= 0 ? hi : Math.min(start + size, hi);
    List<String> ids = Arrays.stream(entries, (int) start, (int) end).map(Entry::id).toList();
    return new Range(ids, total);
  }

  /** A page of ids and the number of entries in the whole range. */
  record Range(List<String> ids, long total) {}

  private static int firstOnOrAfter(Entry[] entries, String day) {
    int lo = 0;
    int hi = entries.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (entries[mid].due().compareTo(day) < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
