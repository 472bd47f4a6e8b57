package gov.ice.registry.projection.repository;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import gov.ice.registry.agreement.AgreementFixtures;
import gov.ice.registry.agreement.api.AgreementId;
import gov.ice.registry.agreement.api.AgreementKind;
import gov.ice.registry.agreement.api.AgreementStatus;
import gov.ice.registry.agreement.api.Directorate;
import gov.ice.registry.agreement.api.InformationCategory;
import gov.ice.registry.agreement.api.Party;
import gov.ice.registry.agreement.api.PartyKind;
import gov.ice.registry.projection.AgreementLedger;
import gov.ice.registry.projection.TestReadStore;
import gov.ice.registry.projection.mongo.ReadStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * The search index answers every search exactly as the aggregation does on the same embedded
 * store (items in order, total, every facet), while it follows the projection's batches,
 * erasures and a rebuild, when it is loaded from stored documents of any shape, and while a
 * writer and readers run at once.
 */
class AgreementSearchIndexTest {

  static final int AGREEMENTS = 300;
  static final int BATCH = 25;

  static TestReadStore mongo;

  @BeforeAll
  static void start() {
    mongo = new TestReadStore();
  }

  @AfterAll
  static void stop() {
    mongo.close();
  }

  /** One embedded read store with the repository projection feeding an index, and both ways to query it. */
  static final class Side {
    final ReadStore store;
    final AgreementSearchIndex index;
    final AgreementRepositoryProjection projection;
    final AnnotationEventHandlerAdapter adapter;
    final AgreementRepositoryQueries indexed;
    final AgreementRepositoryQueries aggregated;
    final List<DomainEventMessage<?>> ledger = new CopyOnWriteArrayList<>();

    Side(String database) {
      store = new ReadStore(mongo.store(database).database(), () -> {}, true);
      index = new AgreementSearchIndex(store);
      AgreementLedger fromApplied = (AgreementId id, long sequence) -> ledger.stream()
          .filter(m -> m.getAggregateIdentifier().equals(id.value()) && m.getSequenceNumber() < sequence).toList();
      projection = new AgreementRepositoryProjection(store, fromApplied, index);
      adapter = new AnnotationEventHandlerAdapter(projection);
      indexed = new AgreementRepositoryQueries(store, index);
      aggregated = new AgreementRepositoryQueries(store);
    }

    /** The messages in batches of {@code size}, each a processor's batch: one write at its last event. */
    void apply(List<DomainEventMessage<?>> messages, int size) {
      for (int from = 0; from < messages.size(); from += size) {
        List<EventMessage<?>> batch = new ArrayList<>(messages.subList(from, Math.min(messages.size(), from + size)));
        for (EventMessage<?> m : batch) {
          if (ledger.stream().noneMatch(l -> l.getIdentifier().equals(m.getIdentifier()))) {
            ledger.add((DomainEventMessage<?>) m);
          }
        }
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(batch);
        ResultMessage<?> result = unitOfWork.executeWithResult(() -> adapter.handle(unitOfWork.getMessage()),
            RollbackConfigurationType.ANY_THROWABLE);
        if (result.isExceptional()) {
          throw new IllegalStateException(result.exceptionResult());
        }
      }
    }

    String live() {
      return store.collections(AgreementDocuments.COLLECTION).live();
    }

    /** Every search answered by the index (never by its fallback) equals the aggregation's answer. */
    void assertParity(List<AgreementSearch> searches) {
      for (AgreementSearch search : searches) {
        assertThat(index.select(live(), search)).as("the index answers %s", search).isNotNull();
        AgreementPage expected = aggregated.aggregate(search).block();
        assertThat(indexed.search(search).block()).as("%s", search).isEqualTo(expected);
      }
    }
  }

  @Test
  void answersEverySearchAsTheAggregationDoes() {
    Side side = new Side("parity");
    side.apply(SearchCorpus.interleaved(SearchCorpus.stories(AGREEMENTS, 8)), BATCH);
    assertThat(side.index.size(side.live())).isEqualTo(AGREEMENTS);
    List<AgreementSearch> searches = searches(new Random(11), 300);
    side.assertParity(searches);

    // Non-trivial answers: the comparison would pass on two empty pages, too.
    AgreementPage all = side.indexed.search(AgreementSearch.all()).block();
    assertThat(all.total()).isEqualTo(AGREEMENTS);
    assertThat(all.items()).hasSize(AgreementSearch.DEFAULT_SIZE);
    assertThat(all.facets().get("country")).containsKeys("US", "GB", "FR", "MX", "CA");
    assertThat(all.facets().get("status")).containsKeys("DRAFT", "ACTIVE", "WITHDRAWN");
    assertThat(searches.stream().filter(s -> side.indexed.search(s).block().total() > 0).count()).isGreaterThan(150);

    assertThat(side.indexed.countByStatus().block()).isEqualTo(side.aggregated.countByStatus().block());
    for (String name : SearchCorpus.PARTY_NAMES) {
      for (List<InformationCategory> categories : List.of(List.of(InformationCategory.LAW_ENFORCEMENT),
          List.of(InformationCategory.BUSINESS_OPERATIONS, InformationCategory.HOMELAND_SECURITY))) {
        List<Party> parties = List.of(AgreementFixtures.party(name.toUpperCase(), PartyKind.STATE, "US"));
        List<AgreementDocument> expected = side.aggregated.existingAgreements(parties, categories, "S-0001").collectList().block();
        assertThat(side.indexed.existingAgreements(parties, categories, "S-0001").collectList().block())
            .as("%s %s", name, categories).isEqualTo(expected);
      }
    }

    // After a restart the index is loaded from the stored documents: the same entries as followed.
    AgreementSearchIndex reloaded = new AgreementSearchIndex(side.store);
    for (AgreementSearch search : searches) {
      assertThat(reloaded.select(side.live(), search)).isEqualTo(side.index.select(side.live(), search));
    }
  }

  @Test
  void followsARebuildAndAnswersFromTheLiveCollectionThroughout() {
    Side side = new Side("rebuild");
    List<DomainEventMessage<?>> events = SearchCorpus.interleaved(SearchCorpus.stories(120, 21));
    side.apply(events, BATCH);
    List<AgreementSearch> searches = searches(new Random(5), 80);
    side.assertParity(searches);
    String before = side.live();

    side.store.beginRebuild(AgreementDocuments.COLLECTION);
    side.adapter.prepareReset();
    String building = side.store.collections(AgreementDocuments.COLLECTION).building();
    assertThat(side.index.size(building)).isZero();
    side.apply(events.subList(0, events.size() / 2), BATCH);
    // Half rebuilt: the search still answers from the whole live collection.
    assertThat(side.live()).isEqualTo(before);
    side.assertParity(searches);
    assertThat(side.indexed.search(AgreementSearch.all()).block().total()).isEqualTo(120);

    side.apply(events.subList(events.size() / 2, events.size()), BATCH);
    side.store.completeRebuild(AgreementDocuments.COLLECTION);
    assertThat(side.live()).isEqualTo(building);
    side.assertParity(searches);
    assertThat(side.index.size(before)).as("the dropped collection is forgotten").isEqualTo(-1);
    assertThat(side.indexed.search(AgreementSearch.all()).block().total()).isEqualTo(120);
  }

  @Test
  void answersStoredDocumentsWithMissingAndNullFieldsAsTheAggregationDoes() {
    ReadStore store = new ReadStore(mongo.store("shapes").database(), () -> {}, true);
    List<Document> documents = new ArrayList<>();
    Random random = new Random(3);
    for (int i = 0; i < 150; i++) {
      Document d = new Document("_id", String.format("R-%03d", (i * 37) % 150)).append("version", 1L + random.nextInt(4));
      put(d, random, AgreementDocuments.STATUS, pick(random, "ACTIVE", "DRAFT", null));
      put(d, random, AgreementDocuments.KIND, pick(random, "MOU", "MOA", null));
      put(d, random, AgreementDocuments.DIRECTORATE, pick(random, "HSI", "ERO", null));
      put(d, random, AgreementDocuments.PII, pick(random, true, false, null));
      put(d, random, AgreementDocuments.CATEGORIES, pick(random, List.of(), List.of("LAW_ENFORCEMENT"),
          List.of("LAW_ENFORCEMENT", "HOMELAND_SECURITY"), null));
      put(d, random, AgreementDocuments.PARTY_KINDS, pick(random, List.of("STATE"), List.of(), null));
      put(d, random, AgreementDocuments.COUNTRIES, pick(random, List.of("US", "GB"), List.of("FR"), List.of(), null));
      put(d, random, AgreementDocuments.PARTY_NAMES, pick(random, List.of("ohio bci"), List.of(), null));
      put(d, random, AgreementDocuments.TITLE_SORT, pick(random, "alpha", "Alpha", "beta", "", "émile", null));
      put(d, random, AgreementDocuments.SEARCH_TEXT, pick(random, "alpha\nborder\nohio bci", "beta", null));
      put(d, random, "createdAt", pick(random, Date.from(Instant.parse("2025-01-01T00:00:00Z")),
          Date.from(Instant.parse("2024-01-01T00:00:00Z")), null));
      put(d, random, "updatedAt", pick(random, Date.from(Instant.parse("2025-02-01T00:00:00Z")), null));
      put(d, random, "effectiveDate", pick(random, "2024-02-29", "2023-06-01", null));
      put(d, random, "nextReviewDue", pick(random, "2026-02-28", null));
      documents.add(d);
    }
    Mono.from(store.collection(AgreementDocuments.COLLECTION).insertMany(documents)).block();
    AgreementSearchIndex index = new AgreementSearchIndex(store);
    AgreementRepositoryQueries indexed = new AgreementRepositoryQueries(store, index);
    AgreementRepositoryQueries aggregated = new AgreementRepositoryQueries(store);
    for (AgreementSearch search : searches(new Random(7), 200)) {
      assertThat(index.select(AgreementDocuments.COLLECTION, search)).isNotNull();
      assertThat(indexed.search(search).block()).as("%s", search).isEqualTo(aggregated.aggregate(search).block());
    }
    assertThat(index.size(AgreementDocuments.COLLECTION)).isEqualTo(documents.size());

    // A document of a shape the projection never writes (a number for a status): the store answers, still the same.
    Mono.from(store.collection(AgreementDocuments.COLLECTION).insertOne(new Document("_id", "odd").append("status", 7))).block();
    AgreementSearchIndex odd = new AgreementSearchIndex(store);
    assertThat(odd.select(AgreementDocuments.COLLECTION, AgreementSearch.all())).isNull();
    assertThat(new AgreementRepositoryQueries(store, odd).search(AgreementSearch.all()).block())
        .isEqualTo(aggregated.aggregate(AgreementSearch.all()).block());
    Mono.from(store.collection(AgreementDocuments.COLLECTION).deleteOne(Filters.eq("_id", "odd"))).block();
  }

  @Test
  void answersAsTheAggregationWhileAWriterAndReadersRunAtOnce() throws Exception {
    Side side = new Side("concurrent");
    List<DomainEventMessage<?>> events = SearchCorpus.interleaved(SearchCorpus.stories(150, 33));
    List<AgreementSearch> searches = searches(new Random(9), 40);
    AtomicBoolean done = new AtomicBoolean();
    ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
    List<Thread> readers = new ArrayList<>();
    for (int r = 0; r < 2; r++) {
      Thread reader = new Thread(() -> {
        int i = 0;
        while (!done.get()) {
          try {
            AgreementPage page = side.indexed.search(searches.get(i++ % searches.size())).block();
            assertThat(page.items().size()).isLessThanOrEqualTo(page.size());
          } catch (Throwable t) {
            failures.add(t);
          }
        }
      }, "reader-" + r);
      reader.start();
      readers.add(reader);
    }
    try {
      side.apply(events, 10);
    } finally {
      done.set(true);
      for (Thread reader : readers) {
        reader.join(60_000);
      }
    }
    assertThat(failures).isEmpty();
    side.assertParity(searches);
    assertThat(side.indexed.search(AgreementSearch.all()).block().total()).isEqualTo(150);
  }

  // ------------------------------------------------------------------------------------------------ searches

  /** Every filter alone (one value, two values, unknown ones), every sort both ways, pages past the end, free text, then random mixes. */
  static List<AgreementSearch> searches(Random random, int mixed) {
    List<AgreementSearch> searches = new ArrayList<>();
    searches.add(AgreementSearch.all());
    for (String key : AgreementSearch.Sort.FIELDS.keySet()) {
      for (boolean ascending : new boolean[] {true, false}) {
        for (int[] pageAndSize : new int[][] {{0, 20}, {1, 7}, {3, 50}, {0, 200}, {2, 200}, {9, 33}, {400, 20}, {0, 1}}) {
          searches.add(new AgreementSearch(null, null, null, null, null, null, null, null, pageAndSize[0], pageAndSize[1],
              new AgreementSearch.Sort(key, ascending)));
        }
      }
    }
    for (AgreementStatus s : AgreementStatus.values()) {
      searches.add(search(List.of(s), null, null, null, null, null, null, null));
    }
    searches.add(search(List.of(AgreementStatus.ACTIVE, AgreementStatus.DRAFT), null, null, null, null, null, null, null));
    for (AgreementKind k : AgreementKind.values()) {
      searches.add(search(null, List.of(k), null, null, null, null, null, null));
    }
    searches.add(search(null, List.of(AgreementKind.MOU, AgreementKind.LOI), null, null, null, null, null, null));
    for (InformationCategory c : InformationCategory.values()) {
      searches.add(search(null, null, List.of(c), null, null, null, null, null));
    }
    searches.add(search(null, null, List.of(InformationCategory.LAW_ENFORCEMENT, InformationCategory.BUSINESS_OPERATIONS),
        null, null, null, null, null));
    for (PartyKind k : PartyKind.values()) {
      searches.add(search(null, null, null, List.of(k), null, null, null, null));
    }
    for (List<String> countries : List.of(List.of("US"), List.of("gb"), List.of(" fr "), List.of("Mx", "CA"), List.of("ZZ"))) {
      searches.add(search(null, null, null, null, countries, null, null, null));
    }
    for (Directorate d : Directorate.values()) {
      searches.add(search(null, null, null, null, null, List.of(d), null, null));
    }
    searches.add(search(null, null, null, null, null, null, true, null));
    searches.add(search(null, null, null, null, null, null, false, null));
    for (String q : List.of("border", "BORDER agreement", "c++", "(pilot)", ".*", "o'odham", "montréal", "uk home",
        "data 1", "nothing-like-this", "ohio bci weekly", "alpha", "\n")) {
      searches.add(search(null, null, null, null, null, null, null, q));
    }
    searches.add(search(List.of(AgreementStatus.ACTIVE), null, List.of(InformationCategory.LAW_ENFORCEMENT),
        List.of(PartyKind.STATE), null, null, null, null));
    for (int i = 0; i < mixed; i++) {
      searches.add(new AgreementSearch(
          some(random, AgreementStatus.values()), some(random, AgreementKind.values()),
          some(random, InformationCategory.values()), some(random, PartyKind.values()),
          random.nextInt(4) == 0 ? List.of(pick(random, "us", "GB", "fr", "mx")) : null,
          some(random, Directorate.values()),
          random.nextInt(3) == 0 ? random.nextBoolean() : null,
          random.nextInt(4) == 0 ? SearchCorpus.WORDS.get(random.nextInt(SearchCorpus.WORDS.size())) : null,
          random.nextInt(5) == 0 ? random.nextInt(4) : 0, 1 + random.nextInt(40),
          new AgreementSearch.Sort(new ArrayList<>(AgreementSearch.Sort.FIELDS.keySet()).get(
              random.nextInt(AgreementSearch.Sort.FIELDS.size())), random.nextBoolean())));
    }
    return searches;
  }

  private static AgreementSearch search(List<AgreementStatus> statuses, List<AgreementKind> kinds,
      List<InformationCategory> categories, List<PartyKind> partyKinds, List<String> countries,
      List<Directorate> directorates, Boolean pii, String q) {
    return new AgreementSearch(statuses, kinds, categories, partyKinds, countries, directorates, pii, q, 0, 30, null);
  }

  @SafeVarargs
  private static <E> List<E> some(Random random, E... values) {
    if (random.nextInt(3) != 0) {
      return null;
    }
    List<E> chosen = new ArrayList<>(Arrays.asList(values));
    java.util.Collections.shuffle(chosen, random);
    return chosen.subList(0, 1 + random.nextInt(2));
  }

  @SafeVarargs
  private static <T> T pick(Random random, T... values) {
    return values[random.nextInt(values.length)];
  }

  /** Sets the field, or (one time in five) leaves it out. */
  private static void put(Document d, Random random, String field, Object value) {
    if (random.nextInt(5) != 0) {
      d.append(field, value);
    }
  }
}
