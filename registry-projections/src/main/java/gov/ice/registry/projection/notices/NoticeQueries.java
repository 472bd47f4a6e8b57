package gov.ice.registry.projection.notices;

import static gov.ice.registry.projection.batch.BsonValues.day;
import static gov.ice.registry.projection.batch.BsonValues.instant;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.reactivestreams.client.MongoCollection;
import gov.ice.registry.projection.mongo.ReadStore;
import java.time.Instant;
import java.time.LocalDate;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The notices issued, oldest first. */
@Service
public class NoticeQueries {

  private final ReadStore store;

  public NoticeQueries(ReadStore store) {
    this.store = store;
  }

  /** Notices recorded at or after {@code since}; every notice when it is null. */
  public Flux<IssuedNotice> since(Instant since) {
    return find(since == null ? new Document() : Filters.gte("recordedAt", instant(since)));
  }

  /** Notices issued on or after the day {@code since}. */
  public Flux<IssuedNotice> issuedSince(LocalDate since) {
    return find(Filters.gte("issuedOn", day(since)));
  }

  public Mono<Long> count(String type) {
    return Mono.from(notices().countDocuments(Filters.eq("type", type)));
  }

  private Flux<IssuedNotice> find(Bson filter) {
    return Flux.from(notices().find(filter).sort(Sorts.ascending("recordedAt", "agreementId", "sequence")))
        .map(NoticeQueries::notice);
  }

  static IssuedNotice notice(Document d) {
    Number days = d.get("daysBeforeDue", Number.class);
    return new IssuedNotice(
        d.getString("_id"),
        d.getString("type"),
        d.getString("agreementId"),
        d.getString("title"),
        day(d, "issuedOn"),
        instant(d, "recordedAt"),
        day(d, "dueOn"),
        days == null ? null : days.intValue(),
        day(d, "transferredOn"),
        day(d, "deadline"),
        d.getString("step"),
        d.getString("holder"),
        day(d, "waitingSince"),
        d.getInteger("afterBusinessDays"));
  }

  /** The live collection: a rebuild switches it once it has caught up. */
  private MongoCollection<Document> notices() {
    return store.live(NoticeProjection.COLLECTION);
  }
}
