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
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reviews of active agreements that are overdue or due soon, as of a given day. */
@Service
public class ReviewQueries {

  private final ReadStore store;

  public ReviewQueries(ReadStore store) {
    this.store = store;
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
    return find(Filters.lt("nextReviewDue", day(today)), today, page, size);
  }

  /** One page ({@code page} from 0, {@code size} 0 for all) of the due-soon view. */
  public Flux<ReviewStanding> dueWithin(LocalDate today, Period within, int page, int size) {
    return find(Filters.and(Filters.gte("nextReviewDue", day(today)), Filters.lte("nextReviewDue", day(today.plus(within)))),
        today, page, size);
  }

  public Mono<Long> countOverdue(LocalDate today) {
    return Mono.from(reviews().countDocuments(active(Filters.lt("nextReviewDue", day(today)))));
  }

  public Mono<Long> countDueWithin(LocalDate today, Period within) {
    return Mono.from(reviews().countDocuments(active(
        Filters.and(Filters.gte("nextReviewDue", day(today)), Filters.lte("nextReviewDue", day(today.plus(within)))))));
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
