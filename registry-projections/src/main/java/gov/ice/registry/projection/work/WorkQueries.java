package gov.ice.registry.projection.work;

import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import gov.ice.registry.projection.mongo.ReadStore;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * What awaits a user: the items of every role the user holds, each once, the longest waiting
 * first. On MongoDB, an aggregation that selects the agreements through the
 * {@code items.holders} index; on the embedded store, the in-memory {@link WorkIndex}.
 */
@Service
public class WorkQueries {

  private final ReadStore store;
  private final WorkIndex index;

  public WorkQueries(ReadStore store, WorkIndex index) {
    this.store = store;
    this.index = index;
  }

  /** Page {@code page} (from 0) of {@code size} items of the queues of {@code roles}, as of {@code today}. */
  public Mono<WorkPage> queue(Collection<String> roles, LocalDate today, int page, int size) {
    return queue(roles, today, page, size, Set.of());
  }

  /** {@link #queue(Collection, LocalDate, int, int)} without the items of the agreements {@code hidden} (those the user may not see). */
  public Mono<WorkPage> queue(Collection<String> roles, LocalDate today, int page, int size, Set<String> hidden) {
    Set<String> holders = Set.copyOf(roles);
    String live = store.collections(WorkProjection.COLLECTION).live();
    if (index.knows(live)) {
      return Mono.fromCallable(() -> fromIndex(live, holders, today, page, size, hidden)).subscribeOn(Schedulers.parallel());
    }
    return fromStore(live, holders, today, page, size, hidden);
  }

  private WorkPage fromIndex(String live, Set<String> holders, LocalDate today, int page, int size, Set<String> hidden) {
    String day = today.toString();
    List<WorkIndex.Row> shown = new ArrayList<>();
    long total = 0;
    long skip = (long) page * size;
    if (holders.size() == 1) {
      var queue = index.queue(live, holders.iterator().next());
      for (WorkIndex.Row row : queue == null ? List.<WorkIndex.Row>of() : queue) {
        if (row.item().shownOn(day) && !hidden.contains(row.agreementId())) {
          if (total >= skip && shown.size() < size) {
            shown.add(row);
          }
          total++;
        }
      }
    } else {
      TreeSet<WorkIndex.Row> all = new TreeSet<>(WorkIndex.ORDER);
      for (String holder : holders) {
        var queue = index.queue(live, holder);
        if (queue != null) {
          queue.stream().filter(row -> row.item().shownOn(day) && !hidden.contains(row.agreementId())).forEach(all::add);
        }
      }
      total = all.size();
      all.stream().skip(skip).limit(size).forEach(shown::add);
    }
    return new WorkPage(shown.stream().map(row -> entry(row.agreementId(), row.title(), row.item(), today)).toList(),
        total, page, size);
  }

  private Mono<WorkPage> fromStore(String live, Set<String> holders, LocalDate today, int page, int size, Set<String> hidden) {
    String day = today.toString();
    String items = WorkProjection.ITEMS;
    Bson mine = hidden.isEmpty() ? Filters.in(items + ".holders", holders)
        : Filters.and(Filters.in(items + ".holders", holders), Filters.nin("_id", hidden));
    Bson shown = Filters.and(mine, Filters.lte(items + ".from", day), Filters.gte(items + ".until", day));
    List<Bson> selected = List.of(Aggregates.match(mine), Aggregates.unwind("$" + items), Aggregates.match(shown));
    var collection = store.collection(live);
    Mono<Long> total = Flux.from(collection.aggregate(Stream.concat(selected.stream(),
            Stream.of(Aggregates.group(null, Accumulators.sum("n", 1)))).toList()))
        .next().map(d -> ((Number) d.get("n")).longValue()).defaultIfEmpty(0L);
    Mono<List<WorkEntry>> rows = Flux.from(collection.aggregate(Stream.concat(selected.stream(), Stream.of(
            Aggregates.sort(Sorts.ascending(items + ".since", "_id", items + ".key")),
            Aggregates.skip(page * size), Aggregates.limit(size))).toList()))
        .map(d -> entry(d.getString("_id"), d.getString("title"), WorkProjection.item(d.get(items, Document.class)), today))
        .collectList();
    return Mono.zip(total, rows).map(t -> new WorkPage(t.getT2(), t.getT1(), page, size));
  }

  /** An open item a reminder may be owed for, with its agreement. */
  public record Waiting(String agreementId, WorkItem item) {}

  /**
   * Every open concurrence, clearance and signature item, for the reminder job: from the in-memory
   * index on the embedded store, else through the {@code items.reason} index.
   */
  public Flux<Waiting> waitingSteps() {
    Set<String> reasons = Set.of(WorkReason.AWAITING_CONCURRENCE.name(), WorkReason.AWAITING_CLEARANCE.name(),
        WorkReason.AWAITING_SIGNATURE.name());
    String live = store.collections(WorkProjection.COLLECTION).live();
    if (index.knows(live)) {
      return Flux.defer(() -> Flux.fromIterable(index.rows(live)))
          .filter(row -> reasons.contains(row.item().reason().name()))
          .map(row -> new Waiting(row.agreementId(), row.item()));
    }
    return Flux.from(store.collection(live).find(Filters.in(WorkProjection.ITEMS + ".reason", reasons))
            .projection(com.mongodb.client.model.Projections.include(WorkProjection.ITEMS)).batchSize(1_000))
        .concatMapIterable(d -> gov.ice.registry.projection.BsonValues.documents(d, WorkProjection.ITEMS).stream()
            .filter(item -> reasons.contains(item.getString("reason")))
            .map(item -> new Waiting(d.getString("_id"), WorkProjection.item(item))).toList());
  }

  private static WorkEntry entry(String agreementId, String title, WorkItem item, LocalDate today) {
    return new WorkEntry(agreementId, title, item.reason(), item.office(), item.authority(), item.since(),
        WorkDays.between(item.since(), today));
  }
}
