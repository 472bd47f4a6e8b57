package gov.ice.registry.projection.audit;

import static gov.ice.registry.agreement.AgreementFixtures.IGP;
import static gov.ice.registry.agreement.AgreementFixtures.PROGRAM;
import static org.assertj.core.api.Assertions.assertThat;

import gov.ice.registry.agreement.AgreementFixtures;
import gov.ice.registry.agreement.AgreementFixtures.Story;
import gov.ice.registry.agreement.api.Actor;
import gov.ice.registry.agreement.api.AgreementId;
import gov.ice.registry.agreement.api.AgreementKind;
import gov.ice.registry.agreement.api.AgreementProfile;
import gov.ice.registry.agreement.api.Directorate;
import gov.ice.registry.agreement.api.DisputeDecision;
import gov.ice.registry.agreement.api.DisputeResolved;
import gov.ice.registry.agreement.api.InformationCategory;
import gov.ice.registry.agreement.api.LegalReviewCompleted;
import gov.ice.registry.agreement.api.PartyKind;
import gov.ice.registry.agreement.api.PersonalDataErased;
import gov.ice.registry.agreement.api.StakeholderConcurred;
import gov.ice.registry.agreement.api.StakeholderNonConcurred;
import gov.ice.registry.agreement.api.StakeholderOffice;
import gov.ice.registry.projection.context.AgreementLedger;
import gov.ice.registry.projection.TestReadStore;
import gov.ice.registry.projection.mongo.ReadStore;
import gov.ice.registry.projection.repository.TestSearch;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The audit's pages and counts from the search index equal the plain queries' on the audit read
 * model (pages in order, pages past the end, counts, the unpaged stream) over the same events:
 * after batches, erasures and a redelivery, after a restart of the index, during and after a
 * rebuild of the index and of the read model.
 */
class ApprovalSearchParityTest {

  static final int AGREEMENTS = 150;
  static final int BATCH = 25;
  static final Instant T0 = Instant.parse("2025-01-06T14:00:00Z");
  /** "Pat" and "pat" are one actorKey; some actors only ever act on a few agreements. */
  static final List<Actor> ACTORS = List.of(PROGRAM, IGP, new Actor("Pat", "Pat Again", List.of("PROGRAM_OFFICE")),
      new Actor("OLA", "Ola Legal", List.of("OPLA")), new Actor("rae", "Rae Reviewer", List.of("STAKEHOLDER_IGP")));

  static TestReadStore mongo;

  @BeforeAll
  static void start() {
    mongo = new TestReadStore();
  }

  @AfterAll
  static void stop() {
    mongo.close();
  }

  /** One embedded read store with the audit projection, a search index on the same events, and both ways to query them. */
  static final class Side implements AutoCloseable {
    final ReadStore store;
    final TestSearch search;
    final AnnotationEventHandlerAdapter adapter;
    final ApprovalQueries indexed;
    final ApprovalQueries plain;
    final List<DomainEventMessage<?>> ledger = new CopyOnWriteArrayList<>();

    Side(String database) {
      store = new ReadStore(mongo.store(database).database(), () -> {}, true);
      search = TestSearch.start();
      AgreementLedger fromApplied = (AgreementId id, long sequence) -> ledger.stream()
          .filter(m -> m.getAggregateIdentifier().equals(id.value()) && m.getSequenceNumber() < sequence).toList();
      adapter = new AnnotationEventHandlerAdapter(new ApprovalProjection(store, fromApplied));
      indexed = new ApprovalQueries(store, search.engine());
      plain = new ApprovalQueries(store);
    }

    @Override
    public void close() {
      search.close();
    }

    /** The index as the live engine has it (after a restart, another engine object). */
    ApprovalQueries indexed() {
      return new ApprovalQueries(store, search.engine());
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
      search.publish(messages);
    }

    String live() {
      return store.collections(ApprovalProjection.COLLECTION).live();
    }

    /** Every search, every page of it (and pages past its end), its count and its stream equal the plain queries'. */
    void assertParity(List<ApprovalSearch> searches) {
      ApprovalQueries indexed = indexed();
      for (ApprovalSearch search : searches) {
        long total = plain.countInStore(search).block();
        assertThat(indexed.count(search).block()).as("count %s", search).isEqualTo(total);
        assertThat(indexed.find(search).collectList().block()).as("all of %s", search)
            .isEqualTo(plain.scan(search, 0, 0).collectList().block());
        for (int size : new int[] {7, 100}) {
          for (int page = 0; page <= total / size + 1; page++) {
            assertThat(indexed.find(search, page, size).collectList().block()).as("page %d of %d, %s", page, size, search)
                .isEqualTo(plain.scan(search, page, size).collectList().block());
          }
        }
      }
    }
  }

  /**
   * Agreements whose events often share an instant (several agreements start in the same hour), so
   * the order's ties by agreementId, sequence and {@code _id} matter; approvals of every type.
   */
  static List<DomainEventMessage<?>> corpus(int count, long seed) {
    Random random = new Random(seed);
    List<Story> stories = new ArrayList<>();
    List<Integer> numbers = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      numbers.add(i);
    }
    Collections.shuffle(numbers, random);
    for (int i = 0; i < count; i++) {
      String id = String.format("A-%04d", numbers.get(i));
      AgreementId a = AgreementId.of(id);
      Instant start = T0.plusSeconds(3600L * random.nextInt(count / 4 + 1));
      AgreementProfile profile = AgreementFixtures.profile("Agreement " + i, AgreementKind.values()[random.nextInt(AgreementKind.values().length)],
          Directorate.values()[random.nextInt(Directorate.values().length)],
          List.of(AgreementFixtures.party("Party " + random.nextInt(5), PartyKind.values()[random.nextInt(PartyKind.values().length)], "US")),
          List.of(InformationCategory.values()[random.nextInt(InformationCategory.values().length)]), random.nextBoolean(),
          "Share records", null, null);
      Actor actor = ACTORS.get(random.nextInt(ACTORS.size()));
      Story story = switch (random.nextInt(5)) {
        case 0 -> AgreementFixtures.drafted(id, start, profile)
            .then(actor, new StakeholderNonConcurred(a, StakeholderOffice.IGP_PRIVACY, 1, "too broad", AgreementFixtures.ruleIds("S3")))
            .then(actor, new StakeholderConcurred(a, StakeholderOffice.IGP, 1, "ok", AgreementFixtures.ruleIds("S1")));
        case 1 -> AgreementFixtures.drafted(id, start, profile)
            .then(actor, new LegalReviewCompleted(a, 1, random.nextBoolean(), "reviewed"))
            .then(ACTORS.get(random.nextInt(ACTORS.size())), new DisputeResolved(a, DisputeDecision.PROCEED_AS_DRAFTED, "need", 1, List.of()));
        case 2 -> AgreementFixtures.active(id, start, profile, LocalDate.of(2025, 2, 1))
            .then(PROGRAM, new PersonalDataErased(a, "request", "PRIV-" + i, 3));
        default -> AgreementFixtures.active(id, start, profile, LocalDate.of(2025, 2, 1));
      };
      stories.add(story);
    }
    // Interleaved round-robin (each agreement's events in order): one batch holds several agreements.
    List<DomainEventMessage<?>> all = new ArrayList<>();
    for (int step = 0; ; step++) {
      boolean any = false;
      for (Story s : stories) {
        if (step < s.messages().size()) {
          all.add(s.messages().get(step));
          any = true;
        }
      }
      if (!any) {
        break;
      }
    }
    return all;
  }

  /** Searches with every combination of filters, boundaries at stored instants, and values nothing has. */
  static List<ApprovalSearch> searches(Side side, Random random, int count) {
    List<Instant> ats = Flux.from(side.store.collection(side.live()).find()).map(d -> d.getDate("at").toInstant())
        .distinct().collectList().block();
    List<String> actors = List.of("pat", "PAT", "ivy", "Sam", "ola", "rae", "nobody");
    List<String> offices = List.of("igp", "IGP_PRIVACY", "OPLA", "HSI_EAD", "ICE_DIRECTOR", "ERO", "HSI", "nowhere");
    List<ApprovalSearch> searches = new ArrayList<>();
    searches.add(new ApprovalSearch(null, null, null, null));
    for (int i = 0; i < count; i++) {
      int mask = i % 16;
      String actor = (mask & 1) == 0 ? null : actors.get(random.nextInt(actors.size()));
      String office = (mask & 2) == 0 ? null : offices.get(random.nextInt(offices.size()));
      Instant a = ats.get(random.nextInt(ats.size()));
      Instant b = random.nextInt(5) == 0 ? a.plusMillis(1) : ats.get(random.nextInt(ats.size()));
      Instant from = (mask & 4) == 0 ? null : a.isBefore(b) ? a : b;
      Instant to = (mask & 8) == 0 ? null : a.isBefore(b) ? b : a.plusSeconds(1);
      if (from != null && to != null && !from.isBefore(to)) {
        to = from.plusSeconds(60);
      }
      searches.add(new ApprovalSearch(actor, office, from, to));
    }
    return searches;
  }

  @Test
  void answersEverySearchAsThePlainQueriesDo() {
    try (Side side = new Side("parity")) {
      List<DomainEventMessage<?>> events = corpus(AGREEMENTS, 3);
      side.apply(events, BATCH);
      long stored = Mono.from(side.store.collection(side.live()).countDocuments()).block();
      assertThat(stored).isGreaterThan(AGREEMENTS * 2);
      List<ApprovalSearch> searches = searches(side, new Random(11), 120);
      side.assertParity(searches);

      // Non-trivial answers: the comparison would pass on empty ones, too.
      assertThat(searches.stream().filter(s -> side.indexed.count(s).block() > 7).count()).isGreaterThan(40);
      // Erased approvals are read as stored: the signatory's name is gone from every signature of an erased agreement.
      List<Approval> all = side.indexed.find(new ApprovalSearch(null, null, null, null), 0, 200).collectList().block();
      assertThat(all).hasSize((int) Math.min(200, stored));
      List<Approval> every = new ArrayList<>();
      for (int page = 0; page * 100 < stored; page++) {
        every.addAll(side.indexed.find(new ApprovalSearch(null, null, null, null), page, 100).collectList().block());
      }
      assertThat(every).hasSize((int) stored);
      assertThat(every).filteredOn(x -> "SIGNATURE".equals(x.type()) && x.signatoryName() == null).isNotEmpty();
      assertThat(every).filteredOn(x -> "SIGNATURE".equals(x.type()) && x.signatoryName() != null).isNotEmpty();

      // A redelivered batch changes nothing.
      side.apply(events.subList(0, BATCH * 3), BATCH);
      side.assertParity(searches.subList(0, 20));

      // After a restart the index opens where it was: the same answers, nothing reloaded.
      side.search.stop().open().awaitCaughtUp();
      side.assertParity(searches);
    }
  }

  @Test
  void answersFromTheLiveCollectionThroughARebuildOfTheReadModelAndOfTheIndex() throws java.io.IOException {
    try (Side side = new Side("rebuild")) {
      List<DomainEventMessage<?>> events = corpus(60, 21);
      side.apply(events, BATCH);
      List<ApprovalSearch> searches = searches(side, new Random(5), 40);
      side.assertParity(searches);
      String before = side.live();
      long stored = Mono.from(side.store.collection(before).countDocuments()).block();

      side.store.beginRebuild(ApprovalProjection.COLLECTION);
      side.adapter.prepareReset();
      String building = side.store.collections(ApprovalProjection.COLLECTION).building();
      side.apply(events.subList(0, events.size() / 2), BATCH);
      // Half rebuilt: the audit still answers from the whole live collection.
      assertThat(side.live()).isEqualTo(before);
      side.assertParity(searches);
      assertThat(side.indexed.count(new ApprovalSearch(null, null, null, null)).block()).isEqualTo(stored);

      side.apply(events.subList(events.size() / 2, events.size()), BATCH);
      side.store.completeRebuild(ApprovalProjection.COLLECTION);
      assertThat(side.live()).isEqualTo(building);
      side.assertParity(searches);

      // The index rebuilt beside the live one: the same answers while it builds and once it took over.
      String live = java.nio.file.Files.readString(side.search.dir().resolve("CURRENT")).trim();
      side.search.engine().rebuild(side.search.head());
      side.assertParity(searches.subList(0, 10));
      org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).pollInterval(java.time.Duration.ofMillis(20))
          .until(() -> !side.search.engine().rebuilding());
      assertThat(java.nio.file.Files.readString(side.search.dir().resolve("CURRENT")).trim()).isNotEqualTo(live);
      side.assertParity(searches);
      assertThat(side.indexed.count(new ApprovalSearch(null, null, null, null)).block()).isEqualTo(stored);
    }
  }
}
