package gov.ice.registry.projection.reviews;

import static gov.ice.registry.projection.BsonValues.day;
import static gov.ice.registry.projection.BsonValues.name;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.reactivestreams.client.MongoCollection;
import gov.ice.registry.agreement.api.AgreementKind;
import gov.ice.registry.agreement.api.AgreementStatus;
import gov.ice.registry.agreement.api.Directorate;
import gov.ice.registry.projection.mongo.ReadStore;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reviews of active agreements that are overdue or due soon, as of a given day. */
@Service
public class ReviewQueries {

  private final ReadStore store;
  private final ReviewIndex index;

  /** Every query runs on the store (as on MongoDB, with its index). */
  public ReviewQueries(ReadStore store) {
    this(store, ReviewIndex.inactive(store));
  }

  /** Pages and counts from {@code index} where it is active (the embedded store). */
  @Autowired
  public ReviewQueries(ReadStore store, ReviewIndex index) {
    this.store = store;
    this.index = index;
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
    return page(Filters.lt("nextReviewDue", day(today)), null, today, today, page, size);
  }

  /** One page ({@code page} from 0, {@code size} 0 for all) of the due-soon view. */
  public Flux<ReviewStanding> dueWithin(LocalDate today, Period within, int page, int size) {
    return page(Filters.and(Filters.gte("nextReviewDue", day(today)), Filters.lte("nextReviewDue", day(today.plus(within)))),
        today, today.plus(within).plusDays(1), today, page, size);
  }

  public Mono<Long> countOverdue(LocalDate today) {
    return count(Filters.lt("nextReviewDue", day(today)), null, today);
  }

  public Mono<Long> countDueWithin(LocalDate today, Period within) {
    return count(Filters.and(Filters.gte("nextReviewDue", day(today)), Filters.lte("nextReviewDue", day(today.plus(within)))),
        today, today.plus(within).plusDays(1));
  }

  /**
   * A page of the agreements due from {@code from} (inclusive, null for any) to {@code to}
   * (exclusive): from the index where it answers, else from the store by {@code dueFilter}, the
   * same days. Everything at once ({@code size} 0) is the store's own scan, streamed: reading
   * every document by {@code _id} is the slower way to read them all.
   */
  private Flux<ReviewStanding> page(Bson dueFilter, LocalDate from, LocalDate to, LocalDate today, int page, int size) {
    if (size <= 0 || !index.active()) {
      return find(dueFilter, today, page, size);
    }
    return Flux.defer(() -> {
      String collection = store.collections(ReviewProjection.COLLECTION).live();
      ReviewIndex.Range range = index.range(collection, from, to, (long) page * size, size);
      return range == null ? find(dueFilter, today, page, size) : byIds(collection, range.ids(), today);
    });
  }

  private Mono<Long> count(Bson dueFilter, LocalDate from, LocalDate to) {
    if (!index.active()) {
      return Mono.from(reviews().countDocuments(active(dueFilter)));
    }
    return Mono.defer(() -> {
      ReviewIndex.Range range = index.range(store.collections(ReviewProjection.COLLECTION).live(), from, to, 0, 1);
      return range == null ? Mono.from(reviews().countDocuments(active(dueFilter))) : Mono.just(range.total());
    });
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
