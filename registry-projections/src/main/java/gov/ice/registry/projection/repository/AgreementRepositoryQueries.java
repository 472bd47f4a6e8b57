package gov.ice.registry.projection.repository;

import static gov.ice.registry.projection.repository.AgreementDocuments.STATUS;
import static gov.ice.registry.projection.repository.AgreementDocuments.TERMINATION_DATE;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.reactivestreams.client.MongoCollection;
import gov.ice.registry.agreement.api.AgreementStatus;
import gov.ice.registry.agreement.api.InformationCategory;
import gov.ice.registry.agreement.api.Party;
import gov.ice.registry.projection.batch.BsonValues;
import gov.ice.registry.projection.mongo.ReadStore;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bson.Document;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import gov.ice.registry.projection.access.AccessPolicy;
import gov.ice.registry.projection.access.Reader;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Reactive queries of the central repository. The search, existing agreements and the counts are
 * answered by the Lucene index ({@link AgreementSearchEngine}), the same on the embedded store and
 * on MongoDB; an agreement by id and the expiry scan read the store.
 */
@Service
public class AgreementRepositoryQueries {

  private final ReadStore store;
  private final AgreementSearchEngine search;

  public AgreementRepositoryQueries(ReadStore store, AgreementSearchEngine search) {
    this.store = store;
    this.search = search;
  }

  /** One page of matches, the total, facet counts over every match and, with free text, a passage per item. */
  public Mono<AgreementPage> search(AgreementSearch search) {
    // CPU and disk work: off the caller's (event loop) thread.
    return Mono.fromCallable(() -> this.search.search(search)).subscribeOn(Schedulers.parallel());
  }

  /** {@link #search(AgreementSearch)} of what {@code reader} may see: items, total and facet counts alike. */
  public Mono<AgreementPage> search(AgreementSearch search, AccessPolicy policy, Reader reader) {
    return Mono.fromCallable(() -> this.search.search(search, policy, reader)).subscribeOn(Schedulers.parallel());
  }

  /** The agreements {@code reader} may not see under {@code policy}, for the lists that are not the search; empty when none. */
  public Mono<java.util.Set<String>> hiddenFrom(AccessPolicy policy, Reader reader) {
    return Mono.fromCallable(() -> this.search.hiddenFrom(policy, reader)).subscribeOn(Schedulers.parallel());
  }

  /**
   * Active agreements sharing at least one party (same name, ignoring case) and at least one
   * information category with a draft: handbook section IV asks program offices to consider them first.
   */
  public Flux<AgreementDocument> existingAgreements(
      Collection<Party> parties, Collection<InformationCategory> categories, String excludingId) {
    List<String> names = parties.stream().map(Party::name).filter(Objects::nonNull)
        .map(AgreementDocuments::lower).distinct().toList();
    if (names.isEmpty() || categories.isEmpty()) {
      return Flux.empty();
    }
    List<String> kinds = categories.stream().map(Enum::name).distinct().toList();
    return Mono.fromCallable(() -> search.existing(names, kinds, excludingId))
        .subscribeOn(Schedulers.parallel())
        .flatMapMany(Flux::fromIterable);
  }

  /** The most relevant of the agreements {@link #existingAgreements} finds, and how many it finds. */
  public record RankedAgreements(List<AgreementDocument> items, long total) {}

  /**
   * The {@code limit} most relevant active agreements sharing a party and a category with a draft
   * (as {@link #existingAgreements}), and how many there are: most categories in common first,
   * then the latest effective date, then the latest change. However many there are, at most
   * {@code limit} documents are read in full.
   */
  public Mono<RankedAgreements> mostRelevantExisting(
      Collection<Party> parties, Collection<InformationCategory> categories, String excludingId, int limit) {
    List<String> names = parties.stream().map(Party::name).filter(Objects::nonNull)
        .map(AgreementDocuments::lower).distinct().toList();
    List<String> kinds = categories.stream().map(Enum::name).distinct().toList();
    if (names.isEmpty() || kinds.isEmpty()) {
      return Mono.just(new RankedAgreements(List.of(), 0));
    }
    return Mono.fromCallable(() -> search.mostRelevantExisting(names, kinds, excludingId, limit))
        .subscribeOn(Schedulers.parallel());
  }

  /** {@link #mostRelevantExisting(Collection, Collection, String, int)} of what {@code reader} may see under {@code policy}. */
  public Mono<RankedAgreements> mostRelevantExisting(Collection<Party> parties, Collection<InformationCategory> categories,
      String excludingId, int limit, AccessPolicy policy, Reader reader) {
    List<String> names = parties.stream().map(Party::name).filter(Objects::nonNull)
        .map(AgreementDocuments::lower).distinct().toList();
    List<String> kinds = categories.stream().map(Enum::name).distinct().toList();
    if (names.isEmpty() || kinds.isEmpty()) {
      return Mono.just(new RankedAgreements(List.of(), 0));
    }
    return Mono.fromCallable(() -> search.mostRelevantExisting(names, kinds, excludingId, limit, policy, reader))
        .subscribeOn(Schedulers.parallel());
  }

  /** Active agreements whose termination date passed before {@code today}: they have expired. */
  public Flux<AgreementDocument> activePastTerminationDate(LocalDate today) {
    return Flux.from(agreements().find(Filters.and(
            Filters.eq(STATUS, AgreementStatus.ACTIVE.name()),
            Filters.ne(TERMINATION_DATE, null),
            Filters.lt(TERMINATION_DATE, BsonValues.day(today))))
        .sort(Sorts.ascending(TERMINATION_DATE, "_id")))
        .map(AgreementDocuments::fromDocument);
  }

  public Mono<AgreementDocument> byId(String id) {
    return Mono.from(agreements().find(Filters.eq("_id", id)).first()).map(AgreementDocuments::fromDocument);
  }

  /** How many agreements are in each status; statuses without any count 0. */
  public Mono<Map<AgreementStatus, Long>> countByStatus() {
    return Mono.fromCallable(search::countByStatus).subscribeOn(Schedulers.parallel());
  }

  /** The live collection: a rebuild switches it once it has caught up. */
  private MongoCollection<Document> agreements() {
    return store.live(AgreementDocuments.COLLECTION);
  }
}
