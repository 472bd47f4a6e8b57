package gov.ice.registry.projection.repository;

import static gov.ice.registry.projection.repository.AgreementDocuments.CATEGORIES;
import static gov.ice.registry.projection.repository.AgreementDocuments.COUNTRIES;
import static gov.ice.registry.projection.repository.AgreementDocuments.DIRECTORATE;
import static gov.ice.registry.projection.repository.AgreementDocuments.KIND;
import static gov.ice.registry.projection.repository.AgreementDocuments.PARTY_KINDS;
import static gov.ice.registry.projection.repository.AgreementDocuments.PARTY_NAMES;
import static gov.ice.registry.projection.repository.AgreementDocuments.PII;
import static gov.ice.registry.projection.repository.AgreementDocuments.SEARCH_TEXT;
import static gov.ice.registry.projection.repository.AgreementDocuments.STATUS;
import static gov.ice.registry.projection.repository.AgreementDocuments.TERMINATION_DATE;

import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Facet;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.reactivestreams.client.MongoCollection;
import gov.ice.registry.agreement.api.AgreementStatus;
import gov.ice.registry.agreement.api.InformationCategory;
import gov.ice.registry.agreement.api.Party;
import gov.ice.registry.projection.BsonValues;
import gov.ice.registry.projection.mongo.ReadStore;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Reactive queries of the central repository. */
@Service
public class AgreementRepositoryQueries {

  /** Facet name to the stored field counted, in the order of the answer's facets. */
  private static final Map<String, String> FACETS = facets();
  /** The facets over arrays: each value of a document counts once (the stored arrays hold distinct values). */
  private static final Set<String> ARRAYS = Set.of(CATEGORIES, PARTY_KINDS, COUNTRIES);

  private static Map<String, String> facets() {
    Map<String, String> facets = new LinkedHashMap<>();
    facets.put("status", STATUS);
    facets.put("kind", KIND);
    facets.put("category", CATEGORIES);
    facets.put("partyKind", PARTY_KINDS);
    facets.put("country", COUNTRIES);
    facets.put("directorate", DIRECTORATE);
    facets.put("pii", PII);
    return Collections.unmodifiableMap(facets);
  }

  private final ReadStore store;
  private final AgreementSearchIndex index;

  /** Every query runs on the store (as on MongoDB, with its indexes). */
  public AgreementRepositoryQueries(ReadStore store) {
    this(store, AgreementSearchIndex.inactive(store));
  }

  /** Searches, existing agreements and counts answered from {@code index} where it is active (the embedded store). */
  @Autowired
  public AgreementRepositoryQueries(ReadStore store, AgreementSearchIndex index) {
    this.store = store;
    this.index = index;
  }

  /**
   * One page of matches, the total, and facet counts over every match, in one aggregation: the
   * match, then {@code $facet} with the page (sorted, skipped, limited) and one count per facet.
   * An array facet first keeps only its own field ({@code $project}), so {@code $unwind} copies
   * that small document per value, never the whole agreement (mongo-java-server clones each
   * document it unwinds); scalar facets group the matches as they are, without a copy.
   */
  public Mono<AgreementPage> search(AgreementSearch search) {
    if (!index.active()) {
      return aggregate(search);
    }
    String collection = store.collections(AgreementDocuments.COLLECTION).live();
    // CPU work over every entry: off the caller's (event loop) thread.
    return Mono.fromSupplier(() -> Optional.ofNullable(index.select(collection, search)))
        .subscribeOn(Schedulers.parallel())
        .flatMap(selection -> selection.isEmpty() ? aggregate(search)
            : byIds(collection, selection.get().ids()).map(items ->
                new AgreementPage(items, selection.get().total(), search.page(), search.size(), selection.get().facets())));
  }

  /**
   * The documents {@code ids} of {@code collection}, in that order, read by {@code _id} alone
   * (the embedded store answers {@code $in} on {@code _id} from its {@code _id} index). A
   * document gone meanwhile (the collection replaced by a rebuild) is left out.
   */
  private Mono<List<AgreementDocument>> byIds(String collection, List<String> ids) {
    if (ids.isEmpty()) {
      return Mono.just(List.of());
    }
    return Flux.from(store.collection(collection).find(Filters.in("_id", ids)))
        .collectMap(d -> d.getString("_id"))
        .map(found -> ids.stream().map(found::get).filter(Objects::nonNull).map(AgreementDocuments::fromDocument).toList());
  }

  /** The search as one aggregation: what MongoDB answers with its indexes, and the embedded store without an index. */
  Mono<AgreementPage> aggregate(AgreementSearch search) {
    Bson order = search.sort().ascending()
        ? Sorts.orderBy(Sorts.ascending(search.sort().field()), Sorts.ascending("_id"))
        : Sorts.orderBy(Sorts.descending(search.sort().field()), Sorts.ascending("_id"));
    List<Facet> facets = new ArrayList<>();
    facets.add(new Facet("items", Aggregates.sort(order), Aggregates.skip(search.page() * search.size()),
        Aggregates.limit(search.size())));
    facets.add(new Facet("total", Aggregates.count("n")));
    FACETS.forEach((facet, field) -> facets.add(ARRAYS.contains(field)
        ? new Facet(facet, Aggregates.project(Projections.fields(Projections.include(field), Projections.excludeId())),
            Aggregates.unwind("$" + field), Aggregates.group("$" + field, Accumulators.sum("n", 1)))
        : new Facet(facet, Aggregates.group("$" + field, Accumulators.sum("n", 1)))));
    // MongoDB answers one document even for no matches; mongo-java-server answers none when the collection is absent.
    return Mono.from(agreements().aggregate(List.of(Aggregates.match(filter(search)), Aggregates.facet(facets))).first())
        .defaultIfEmpty(new Document())
        .map(result -> page(search, result));
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
    List<Bson> filters = new ArrayList<>(List.of(
        Filters.eq(STATUS, AgreementStatus.ACTIVE.name()),
        Filters.in(PARTY_NAMES, names),
        Filters.in(CATEGORIES, categories.stream().map(Enum::name).distinct().toList())));
    if (excludingId != null) {
      filters.add(Filters.ne("_id", excludingId));
    }
    Flux<AgreementDocument> scanned = Flux.defer(() -> agreements().find(Filters.and(filters))
            .sort(Sorts.ascending(AgreementDocuments.TITLE_SORT, "_id")))
        .map(AgreementDocuments::fromDocument);
    if (!index.active()) {
      return scanned;
    }
    List<String> kinds = categories.stream().map(Enum::name).distinct().toList();
    return Flux.defer(() -> {
      String collection = store.collections(AgreementDocuments.COLLECTION).live();
      List<String> ids = index.existing(collection, names, kinds, excludingId);
      return ids == null ? scanned : byIds(collection, ids).flatMapMany(Flux::fromIterable);
    });
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
    return Mono.defer(() -> {
      String collection = store.collections(AgreementDocuments.COLLECTION).live();
      AgreementSearchIndex.Selection selection = index.active()
          ? index.mostRelevantExisting(collection, names, kinds, excludingId, limit) : null;
      Mono<AgreementSearchIndex.Selection> ranked = selection != null ? Mono.just(selection)
          : rankScanned(names, kinds, excludingId, limit);
      return ranked.flatMap(s -> byIds(collection, s.ids()).map(items -> new RankedAgreements(items, s.total())));
    });
  }

  /** The ranking of {@link #mostRelevantExisting} over the matches' few ranking fields, read from the store. */
  private Mono<AgreementSearchIndex.Selection> rankScanned(List<String> names, List<String> kinds, String excludingId, int limit) {
    List<Bson> filters = new ArrayList<>(List.of(
        Filters.eq(STATUS, AgreementStatus.ACTIVE.name()),
        Filters.in(PARTY_NAMES, names),
        Filters.in(CATEGORIES, kinds)));
    if (excludingId != null) {
      filters.add(Filters.ne("_id", excludingId));
    }
    record Ranked(String id, int common, java.util.Date effective, java.util.Date updated) {}
    Comparator<java.util.Date> latestFirst = Comparator.nullsLast(Comparator.<java.util.Date>reverseOrder());
    return Flux.from(agreements().find(Filters.and(filters))
            .projection(Projections.include(CATEGORIES, "effectiveDate", "updatedAt")))
        .map(d -> new Ranked(d.getString("_id"),
            (int) d.getList(CATEGORIES, String.class, List.of()).stream().filter(kinds::contains).count(),
            d.get("effectiveDate") instanceof java.util.Date date ? date : null,
            d.get("updatedAt") instanceof java.util.Date date ? date : null))
        .collectList()
        .map(found -> {
          List<Ranked> sorted = new ArrayList<>(found);
          sorted.sort(Comparator.comparingInt((Ranked r) -> -r.common())
              .thenComparing(Ranked::effective, latestFirst)
              .thenComparing(Ranked::updated, latestFirst)
              .thenComparing(Ranked::id));
          return new AgreementSearchIndex.Selection(sorted.stream().limit(limit).map(Ranked::id).toList(), sorted.size(), Map.of());
        });
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
    return Mono.defer(() -> {
      Map<String, Long> indexed = index.countByStatus(store.collections(AgreementDocuments.COLLECTION).live());
      if (indexed == null) {
        return countByStatusInStore();
      }
      Map<AgreementStatus, Long> counts = new EnumMap<>(AgreementStatus.class);
      for (AgreementStatus s : AgreementStatus.values()) {
        counts.put(s, indexed.getOrDefault(s.name(), 0L));
      }
      return Mono.just(counts);
    });
  }

  private Mono<Map<AgreementStatus, Long>> countByStatusInStore() {
    return Flux.from(agreements().aggregate(List.of(Aggregates.group("$" + STATUS, Accumulators.sum("n", 1)))))
        .collect(() -> {
          Map<AgreementStatus, Long> counts = new EnumMap<>(AgreementStatus.class);
          for (AgreementStatus s : AgreementStatus.values()) {
            counts.put(s, 0L);
          }
          return counts;
        }, (counts, d) -> {
          if (d.getString("_id") != null) {
            counts.put(AgreementStatus.valueOf(d.getString("_id")), BsonValues.number(d, "n"));
          }
        });
  }

  static Bson filter(AgreementSearch s) {
    List<Bson> filters = new ArrayList<>();
    in(filters, STATUS, s.statuses());
    in(filters, KIND, s.kinds());
    in(filters, CATEGORIES, s.categories());
    in(filters, PARTY_KINDS, s.partyKinds());
    in(filters, DIRECTORATE, s.directorates());
    if (!s.countries().isEmpty()) {
      filters.add(Filters.in(COUNTRIES, s.countries().stream().map(c -> c.trim().toUpperCase(Locale.ROOT)).toList()));
    }
    if (s.pii() != null) {
      filters.add(Filters.eq(PII, s.pii()));
    }
    if (!s.parties().isEmpty()) {
      filters.add(Filters.in(PARTY_NAMES, s.parties()));
    }
    if (s.text() != null) {
      // Every word must occur, in any of title, purpose or party names; words are literals, never patterns.
      for (String word : s.text().toLowerCase(Locale.ROOT).split("\\s+")) {
        filters.add(Filters.regex(SEARCH_TEXT, Pattern.quote(word)));
      }
    }
    return filters.isEmpty() ? new Document() : Filters.and(filters);
  }

  private static void in(List<Bson> filters, String field, List<? extends Enum<?>> values) {
    if (!values.isEmpty()) {
      filters.add(Filters.in(field, values.stream().map(Enum::name).toList()));
    }
  }

  private static AgreementPage page(AgreementSearch search, Document result) {
    List<AgreementDocument> items = BsonValues.documents(result, "items").stream()
        .map(AgreementDocuments::fromDocument).toList();
    List<Document> total = BsonValues.documents(result, "total");
    Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
    for (String facet : FACETS.keySet()) {
      Map<String, Long> counts = new TreeMap<>();
      for (Document bucket : BsonValues.documents(result, facet)) {
        if (bucket.get("_id") != null) {
          counts.put(bucket.get("_id").toString(), BsonValues.number(bucket, "n"));
        }
      }
      facets.put(facet, counts);
    }
    return new AgreementPage(items, total.isEmpty() ? 0 : BsonValues.number(total.get(0), "n"),
        search.page(), search.size(), facets);
  }

  /** The live collection: a rebuild switches it once it has caught up. */
  private MongoCollection<Document> agreements() {
    return store.live(AgreementDocuments.COLLECTION);
  }
}
