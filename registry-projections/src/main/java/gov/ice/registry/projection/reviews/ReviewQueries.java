package gov.ice.registry.projection.reviews;

import static gov.ice.registry.projection.batch.BsonValues.day;
import static gov.ice.registry.projection.batch.BsonValues.name;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.reactivestreams.client.MongoCollection;
import gov.ice.registry.agreement.api.AgreementKind;
import gov.ice.registry.agreement.api.AgreementStatus;
import gov.ice.registry.agreement.api.Directorate;
import gov.ice.registry.projection.mongo.ReadStore;
import gov.ice.registry.projection.repository.AgreementSearchEngine;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Reviews of active agreements that are overdue or due soon, as of a given day. */
@Service
public class ReviewQueries {

  private final ReadStore store;
  private final AgreementSearchEngine search;

  /** Every query runs on the store: for tests of the scans (the notice job's), without a search index. */
  public ReviewQueries(ReadStore store) {
    this(store, null);
  }

  /**
   * Pages and counts of the views from the search index (the repository's documents carry the
   * status and the next review's due day), in both modes; each page's documents read by {@code _id}.
   */
  @Autowired
  public ReviewQueries(ReadStore store, AgreementSearchEngine search) {
    this.store = store;
    this.search = search;
  }

  /** Active agreements whose review was due before {@code today}, the longest overdue first. */
  public Flux<ReviewStanding> overdue(LocalDate today) {
    return find(Filters.lt("nextReviewDue", day(today)), today);
  }

  /** Active agreements whose review falls due from {@code today} to {@code today + within}, inclusive. */
  public Flux<ReviewStanding> dueWithin(LocalDate today, Period within) {
    return find(Filters.and(Filters.gte("nextReviewDue", day(today)), Filters.lte("nextReviewDue", day(today.plus(within)))), today);
  }

  /** Active agreements due within {@code within} or overdue: what the notice job looks at. */
  public Flux<ReviewStanding> dueOrOverdue(LocalDate today, Period within) {
    return find(Filters.lte("nextReviewDue", day(today.plus(within))), today);
  }

  /** One page ({@code page} from 0, {@code size} 0 for all) of the overdue view. */
  public Flux<ReviewStanding> overdue(LocalDate today, int page, int size) {
    return overdue(today, page, size, Set.of());
  }

  /** {@link #overdue(LocalDate, int, int)} without the agreements {@code hidden} (those the reader may not see). */
  public Flux<ReviewStanding> overdue(LocalDate today, int page, int size, Set<String> hidden) {
    return page(Filters.lt("nextReviewDue", day(today)), null, today, today, page, size, hidden);
  }

  /** One page ({@code page} from 0, {@code size} 0 for all) of the due-soon view. */
  public Flux<ReviewStanding> dueWithin(LocalDate today, Period within, int page, int size) {
    return dueWithin(today, within, page, size, Set.of());
  }

  /** {@link #dueWithin(LocalDate, Period, int, int)} without the agreements {@code hidden}. */
  public Flux<ReviewStanding> dueWithin(LocalDate today, Period within, int page, int size, Set<String> hidden) {
    return page(Filters.and(Filters.gte("nextReviewDue", day(today)), Filters.lte("nextReviewDue", day(today.plus(within)))),
        today, today.plus(within).plusDays(1), today, page, size, hidden);
  }

  public Mono<Long> countOverdue(LocalDate today) {
    return countOverdue(today, Set.of());
  }

  public Mono<Long> countOverdue(LocalDate today, Set<String> hidden) {
    return count(Filters.lt("nextReviewDue", day(today)), null, today, hidden);
  }

  public Mono<Long> countDueWithin(LocalDate today, Period within) {
    return countDueWithin(today, within, Set.of());
  }

  public Mono<Long> countDueWithin(LocalDate today, Period within, Set<String> hidden) {
    return count(Filters.and(Filters.gte("nextReviewDue", day(today)), Filters.lte("nextReviewDue", day(today.plus(within)))),
        today, today.plus(within).plusDays(1), hidden);
  }

  /**
   * A page of the agreements due from {@code from} (inclusive, null for any) to {@code to}
   * (exclusive): ids from the search index, documents read by {@code _id}; without an index, the
   * store by {@code dueFilter}, the same days. Everything at once ({@code size} 0) is the store's
   * own scan, streamed: reading every document by {@code _id} is the slower way to read them all.
   */
  private Flux<ReviewStanding> page(Bson dueFilter, LocalDate from, LocalDate to, LocalDate today, int page, int size,
      Set<String> hidden) {
    if (size <= 0 || search == null) {
      return find(visible(dueFilter, hidden), today, page, size);
    }
    return Mono.fromCallable(() -> search.reviewsDue(from, to, (long) page * size, size, hidden))
        .subscribeOn(Schedulers.parallel())
        .flatMapMany(range -> byIds(store.collections(ReviewProjection.COLLECTION).live(), range.ids(), today));
  }

  private Mono<Long> count(Bson dueFilter, LocalDate from, LocalDate to, Set<String> hidden) {
    if (search == null) {
      return Mono.from(reviews().countDocuments(active(visible(dueFilter, hidden))));
    }
    return Mono.fromCallable(() -> search.reviewsDue(from, to, 0, 0, hidden).total()).subscribeOn(Schedulers.parallel());
  }

  private static Bson visible(Bson filter, Set<String> hidden) {
    return hidden.isEmpty() ? filter : Filters.and(filter, Filters.nin("_id", hidden));
  }

  /** The documents {@code ids} of {@code collection}, in that order, read by {@code _id} alone; one gone meanwhile is left out. */
  private Flux<ReviewStanding> byIds(String collection, List<String> ids, LocalDate today) {
    if (ids.isEmpty()) {
      return Flux.empty();
    }
    return Flux.from(store.collection(collection).find(Filters.in("_id", ids)))
        .collectMap(d -> d.getString("_id"))
        .flatMapIterable(found -> ids.stream().map(found::get).filter(java.util.Objects::nonNull).map(d -> standing(d, today)).toList());
  }

  private Flux<ReviewStanding> find(Bson dueFilter, LocalDate today) {
    return find(dueFilter, today, 0, 0);
  }

  private Flux<ReviewStanding> find(Bson dueFilter, LocalDate today, int page, int size) {
    return Flux.from(reviews().find(active(dueFilter)).sort(Sorts.ascending("nextReviewDue", "_id")).skip(page * size).limit(size))
        .map(d -> standing(d, today));
  }

  private static Bson active(Bson dueFilter) {
    return Filters.and(Filters.eq("status", AgreementStatus.ACTIVE.name()), Filters.ne("nextReviewDue", null), dueFilter);
  }

  static ReviewStanding standing(Document d, LocalDate today) {
    LocalDate due = day(d, "nextReviewDue");
    long days = ChronoUnit.DAYS.between(today, due);
    return new ReviewStanding(
        d.getString("_id"),
        d.getString("title"),
        name(d, "kind", AgreementKind.class),
        name(d, "owningDirectorate", Directorate.class),
        day(d, "effectiveDate"),
        day(d, "lastReviewedOn"),
        due,
        today,
        days >= 0 ? days : null,
        days < 0 ? -days : null,
        d.getList("noticesIssued", Integer.class) == null ? List.of() : List.copyOf(d.getList("noticesIssued", Integer.class)));
  }

  /** The live collection: a rebuild switches it once it has caught up. */
  private MongoCollection<Document> reviews() {
    return store.live(ReviewProjection.COLLECTION);
  }
}
