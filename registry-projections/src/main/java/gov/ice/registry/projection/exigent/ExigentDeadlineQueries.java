package gov.ice.registry.projection.exigent;

import static gov.ice.registry.projection.BsonValues.day;
import static gov.ice.registry.projection.BsonValues.name;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.reactivestreams.client.MongoCollection;
import gov.ice.registry.agreement.ExigentMemorialization;
import gov.ice.registry.agreement.api.AgreementStatus;
import gov.ice.registry.agreement.api.ExigentAuthority;
import gov.ice.registry.projection.mongo.ReadStore;
import gov.ice.registry.projection.exigent.ExigentDeadline.State;
import java.time.LocalDate;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Exigent transfers and their memorialization deadlines, judged as of a given day. */
@Service
public class ExigentDeadlineQueries {

  private final ReadStore store;

  public ExigentDeadlineQueries(ReadStore store) {
    this.store = store;
  }

  /** Every exigent transfer, the earliest deadline first. */
  public Flux<ExigentDeadline> all(LocalDate today) {
    return find(new Document(), today);
  }

  /** Transfers whose deadline passed before {@code today} without memorialization. */
  public Flux<ExigentDeadline> missed(LocalDate today) {
    return find(missedFilter(today), today);
  }

  public Mono<Long> countMissed(LocalDate today) {
    return Mono.from(transfers().countDocuments(missedFilter(today)));
  }

  /** {@link ExigentMemorialization#missed(boolean, LocalDate, LocalDate)} as a filter: not met, deadline passed. */
  private static Bson missedFilter(LocalDate today) {
    return Filters.and(Filters.eq("met", false),
        Filters.lte("memorializationDeadline", day(ExigentMemorialization.latestMissedDeadline(today))));
  }

  private Flux<ExigentDeadline> find(Bson filter, LocalDate today) {
    return Flux.from(transfers().find(filter).sort(Sorts.ascending("memorializationDeadline", "_id")))
        .map(d -> deadline(d, today));
  }

  static ExigentDeadline deadline(Document d, LocalDate today) {
    boolean met = Boolean.TRUE.equals(d.getBoolean("met"));
    LocalDate deadline = day(d, "memorializationDeadline");
    State state = met ? State.MET : ExigentMemorialization.missed(met, deadline, today) ? State.MISSED : State.PENDING;
    return new ExigentDeadline(
        d.getString("agreementId"),
        d.getString("title"),
        name(d, "status", AgreementStatus.class),
        day(d, "transferredOn"),
        name(d, "authorizedBy", ExigentAuthority.class),
        deadline,
        name(d, "laterMemorializationApprovedBy", ExigentAuthority.class),
        day(d, "executedOn"),
        met,
        state,
        Boolean.TRUE.equals(d.getBoolean("missedNoticeIssued")),
        today);
  }

  /** The live collection: a rebuild switches it once it has caught up. */
  private MongoCollection<Document> transfers() {
    return store.live(ExigentDeadlineProjection.COLLECTION);
  }
}
