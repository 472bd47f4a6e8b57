package gov.ice.registry.projection.exigent;

import static gov.ice.registry.projection.batch.BsonValues.day;
import static gov.ice.registry.projection.batch.BsonValues.name;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.reactivestreams.client.MongoCollection;
import gov.ice.registry.agreement.ExigentMemorialization;
import gov.ice.registry.agreement.api.AgreementStatus;
import gov.ice.registry.agreement.api.ExigentAuthority;
import gov.ice.registry.projection.mongo.ReadStore;
import gov.ice.registry.projection.repository.AgreementSearchEngine;
import gov.ice.registry.projection.exigent.ExigentDeadline.State;
import java.time.LocalDate;
import java.util.Objects;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Exigent transfers and their memorialization deadlines, judged as of a given day. Which transfers
 * and in what order come from the search index ({@link AgreementSearchEngine#exigentTransfers}),
 * in both modes; their documents are then read from the exigent read model by {@code _id}.
 */
@Service
public class ExigentDeadlineQueries {

  /** Ids read by {@code _id} per round trip. */
  private static final int CHUNK = 500;

  private final ReadStore store;
  private final AgreementSearchEngine search;

  /** Every query runs on the store: for tests of the read model alone, without a search index. */
  public ExigentDeadlineQueries(ReadStore store) {
    this(store, null);
  }

  @Autowired
  public ExigentDeadlineQueries(ReadStore store, AgreementSearchEngine search) {
    this.store = store;
    this.search = search;
  }

  /** Every exigent transfer, the earliest deadline first. */
  public Flux<ExigentDeadline> all(LocalDate today) {
    return search == null ? find(new Document(), today) : indexed(null, today);
  }

  /** Transfers whose deadline passed before {@code today} without memorialization. */
  public Flux<ExigentDeadline> missed(LocalDate today) {
    return search == null ? find(missedFilter(today), today)
        : indexed(ExigentMemorialization.latestMissedDeadline(today), today);
  }

  public Mono<Long> countMissed(LocalDate today) {
    if (search == null) {
      return Mono.from(transfers().countDocuments(missedFilter(today)));
    }
    return Mono.fromCallable(() -> search.exigentTransfers(ExigentMemorialization.latestMissedDeadline(today), 0, 0).total())
        .subscribeOn(Schedulers.parallel());
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

  /**
   * The transfers the index selects, in its order, read by {@code _id} alone in chunks (which the
   * embedded store answers from its {@code _id} index); one the read model does not hold yet is left out.
   */
  private Flux<ExigentDeadline> indexed(LocalDate latestMissedDeadline, LocalDate today) {
    return Mono.fromCallable(() -> search.exigentTransfers(latestMissedDeadline, 0, Integer.MAX_VALUE).ids())
        .subscribeOn(Schedulers.parallel())
        .flatMapMany(ids -> {
          String live = store.collections(ExigentDeadlineProjection.COLLECTION).live();
          return Flux.fromIterable(ids).buffer(CHUNK).concatMap(chunk -> Flux.from(store.collection(live).find(Filters.in("_id", chunk)))
              .collectMap(d -> d.getString("_id"))
              .flatMapIterable(found -> chunk.stream().map(found::get).filter(Objects::nonNull).map(d -> deadline(d, today)).toList()));
        });
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
