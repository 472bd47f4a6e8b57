package gov.ice.registry.projection.work;

import static gov.ice.registry.agreement.AgreementFixtures.DIRECTOR;
import static gov.ice.registry.agreement.AgreementFixtures.IGP;
import static gov.ice.registry.agreement.AgreementFixtures.PRIVACY;
import static gov.ice.registry.agreement.AgreementFixtures.PROGRAM;
import static gov.ice.registry.agreement.AgreementFixtures.active;
import static gov.ice.registry.agreement.AgreementFixtures.party;
import static gov.ice.registry.agreement.AgreementFixtures.profile;
import static gov.ice.registry.agreement.AgreementFixtures.ruleIds;
import static gov.ice.registry.agreement.AgreementFixtures.story;
import static org.assertj.core.api.Assertions.assertThat;

import gov.ice.registry.agreement.AgreementFixtures;
import gov.ice.registry.agreement.api.AgreementCleared;
import gov.ice.registry.agreement.api.AgreementDrafted;
import gov.ice.registry.agreement.api.AgreementId;
import gov.ice.registry.agreement.api.AgreementKind;
import gov.ice.registry.agreement.api.AgreementProfile;
import gov.ice.registry.agreement.api.AgreementSigned;
import gov.ice.registry.agreement.api.AgreementTerminated;
import gov.ice.registry.agreement.api.ClearanceGranted;
import gov.ice.registry.agreement.api.ClearanceRequested;
import gov.ice.registry.agreement.api.ClearanceReturned;
import gov.ice.registry.agreement.api.Directorate;
import gov.ice.registry.agreement.api.DisputeLevel;
import gov.ice.registry.agreement.api.DisputeRaised;
import gov.ice.registry.agreement.api.DraftRevised;
import gov.ice.registry.agreement.api.InformationCategory;
import gov.ice.registry.agreement.api.PartyKind;
import gov.ice.registry.agreement.api.PartyName;
import gov.ice.registry.agreement.api.RequiredStakeholder;
import gov.ice.registry.agreement.api.Scope;
import gov.ice.registry.agreement.api.SignatoryAuthority;
import gov.ice.registry.agreement.api.SignatureRecord;
import gov.ice.registry.agreement.api.StakeholderConcurred;
import gov.ice.registry.agreement.api.StakeholderNonConcurred;
import gov.ice.registry.agreement.api.StakeholderOffice;
import gov.ice.registry.projection.repository.TestSearch;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The work queues from fixture timelines with known days, answered by the search index the
 * events feed ({@link TestSearch}: the engine's own tracking loop on a ledger of its own).
 */
class WorkQueueTest {

  static final ZoneId ZONE = ZoneId.of("America/New_York");
  /** Monday 2026-11-02, mid-morning in Washington. */
  static final Instant MONDAY = Instant.parse("2026-11-02T15:00:00Z");

  TestSearch search;
  WorkQueries queries;

  @BeforeEach
  void start() {
    search = TestSearch.start();
    queries = new WorkQueries(search.engine());
  }

  @AfterEach
  void stop() {
    search.close();
  }

  void apply(AgreementFixtures.Story story) {
    search.publish(story.messages());
  }

  /** The queue of {@code roles} on {@code today}. */
  WorkPage queue(LocalDate today, int page, int size, String... roles) {
    return queries.queue(List.of(roles), today, page, size).block();
  }

  WorkPage queue(LocalDate today, String... roles) {
    return queue(today, 0, 50, roles);
  }

  static AgreementProfile profileOf(String title, PartyKind kind) {
    return profile(title, AgreementKind.MOU, Directorate.HSI, List.of(party("Party of " + title, kind, "US")),
        List.of(InformationCategory.LAW_ENFORCEMENT), true, "purpose", null, null);
  }

  static List<RequiredStakeholder> required(StakeholderOffice... offices) {
    return java.util.Arrays.stream(offices).map(o -> new RequiredStakeholder(o, ruleIds("S1"))).toList();
  }

  static AgreementFixtures.Story drafted(String id, Instant at, StakeholderOffice... offices) {
    return story(id, at).then(PROGRAM, new AgreementDrafted(AgreementId.of(id), 1, profileOf("Draft " + id, PartyKind.STATE),
        Scope.IN_SCOPE, required(offices)));
  }

  static Instant day(int month, int day) {
    return LocalDate.of(2026, month, day).atTime(10, 0).atZone(ZONE).toInstant();
  }

  @Test
  void countsBusinessDaysWithoutVeteransDayAndThanksgiving() {
    assertThat(WorkDays.between(LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 5))).isEqualTo(3);
    assertThat(WorkDays.between(LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 30))).isEqualTo(18);
    assertThat(WorkDays.between(LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 2))).isZero();
    assertThat(WorkDays.between(LocalDate.of(2026, 11, 6), LocalDate.of(2026, 11, 9))).isEqualTo(1);
  }

  @Test
  void anOfficeSeesTheDraftsAwaitingItsConcurrenceSinceTheDraftWithBusinessDays() {
    AgreementId id = AgreementId.of("W-1");
    apply(drafted("W-1", MONDAY, StakeholderOffice.IGP, StakeholderOffice.IGP_PRIVACY)
        .at(day(11, 5)).then(IGP, new StakeholderConcurred(id, StakeholderOffice.IGP, 1, "ok", ruleIds("S1"))));

    WorkPage privacy = queue(LocalDate.of(2026, 11, 30), "STAKEHOLDER_IGP_PRIVACY");
    assertThat(privacy.total()).isEqualTo(1);
    assertThat(privacy.items()).singleElement().isEqualTo(new WorkEntry("W-1", "Draft W-1", WorkReason.AWAITING_CONCURRENCE,
        StakeholderOffice.IGP_PRIVACY, null, LocalDate.of(2026, 11, 2), 18));
    assertThat(queue(LocalDate.of(2026, 11, 30), "STAKEHOLDER_IGP").total()).isZero();
    assertThat(queue(LocalDate.of(2026, 11, 30), "PROGRAM_OFFICE").items())
        .extracting(WorkEntry::reason, WorkEntry::office)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(WorkReason.AWAITING_CONCURRENCE, StakeholderOffice.IGP_PRIVACY));
    assertThat(queue(LocalDate.of(2026, 11, 30), "SIGNATORY_HSI_EAD", "DIRECTOR", "AUDITOR").total()).isZero();
  }

  @Test
  void aRevisionRestartsTheWaitAndMakesAStaleConcurrenceAwaitedAgain() {
    AgreementId id = AgreementId.of("W-2");
    apply(drafted("W-2", MONDAY, StakeholderOffice.IGP, StakeholderOffice.IGP_PRIVACY)
        .at(day(11, 3)).then(IGP, new StakeholderConcurred(id, StakeholderOffice.IGP, 1, "ok", ruleIds("S1")))
        .at(day(11, 10)).then(PROGRAM, new DraftRevised(id, 2, profileOf("Draft W-2 revised", PartyKind.STATE), Scope.IN_SCOPE,
            required(StakeholderOffice.IGP, StakeholderOffice.IGP_PRIVACY, StakeholderOffice.OPLA), List.of(StakeholderOffice.IGP))));

    LocalDate today = LocalDate.of(2026, 11, 12);
    for (String role : List.of("STAKEHOLDER_IGP", "STAKEHOLDER_IGP_PRIVACY", "STAKEHOLDER_OPLA")) {
      assertThat(queue(today, role).items()).singleElement().satisfies(e -> {
        assertThat(e.since()).isEqualTo(LocalDate.of(2026, 11, 10));
        assertThat(e.businessDays()).isEqualTo(1);
        assertThat(e.title()).isEqualTo("Draft W-2 revised");
      });
    }
  }

  @Test
  void anItemKeepsTheDayItBeganWhileOtherEventsHappen() {
    AgreementId id = AgreementId.of("W-3");
    apply(drafted("W-3", MONDAY, StakeholderOffice.IGP, StakeholderOffice.OPLA, StakeholderOffice.OCIO)
        .at(day(11, 4)).then(IGP, new StakeholderConcurred(id, StakeholderOffice.IGP, 1, "ok", ruleIds("S1")))
        .at(day(11, 6)).then(IGP, new StakeholderConcurred(id, StakeholderOffice.OCIO, 1, "ok", ruleIds("S1"))));

    assertThat(queue(LocalDate.of(2026, 11, 9), "STAKEHOLDER_OPLA").items()).singleElement()
        .satisfies(e -> assertThat(e.since()).isEqualTo(LocalDate.of(2026, 11, 2)));
  }

  @Test
  void aDisputeIsAnsweredByTheObjectingOfficeAndEscalatesToIgpAndTheDirector() {
    AgreementId id = AgreementId.of("W-4");
    AgreementFixtures.Story story = drafted("W-4", MONDAY, StakeholderOffice.IGP, StakeholderOffice.OPLA)
        .at(day(11, 3)).then(IGP, new StakeholderNonConcurred(id, StakeholderOffice.OPLA, 1, "no", ruleIds("S1")));
    apply(story);
    LocalDate today = LocalDate.of(2026, 11, 20);
    assertThat(queue(today, "STAKEHOLDER_OPLA").total()).isZero();
    assertThat(queue(today, "PROGRAM_OFFICE").items()).extracting(WorkEntry::reason)
        .containsExactly(WorkReason.AWAITING_CONCURRENCE, WorkReason.NON_CONCURRENCE);

    // The next events of the same agreement, numbered on from the first two.
    List<org.axonframework.eventhandling.DomainEventMessage<?>> next = new ArrayList<>();
    next.add(message(id, 2, new DisputeRaised(id, DisputeLevel.PROGRAM_AD, "why", 1, List.of(StakeholderOffice.OPLA)), day(11, 4)));
    search.publish(next);
    assertThat(queue(today, "STAKEHOLDER_OPLA").items()).singleElement()
        .satisfies(e -> assertThat(e.reason()).isEqualTo(WorkReason.DISPUTE));
    assertThat(queue(today, "IGP").total()).isZero();
    assertThat(queue(today, "DIRECTOR").total()).isZero();

    next = List.of(
        message(id, 3, new DisputeRaised(id, DisputeLevel.DIRECTORATE, "up", 1, List.of(StakeholderOffice.OPLA)), day(11, 9)),
        message(id, 4, new DisputeRaised(id, DisputeLevel.DIRECTOR, "up", 1, List.of(StakeholderOffice.OPLA)), day(11, 12)));
    search.publish(next);
    assertThat(queue(today, "IGP").items()).singleElement().satisfies(e -> assertThat(e.reason()).isEqualTo(WorkReason.DISPUTE));
    assertThat(queue(today, "DIRECTOR").items()).singleElement().satisfies(e -> {
      assertThat(e.reason()).isEqualTo(WorkReason.DISPUTE);
      assertThat(e.since()).isEqualTo(LocalDate.of(2026, 11, 12));
      assertThat(e.businessDays()).isEqualTo(6);
    });
  }

  static org.axonframework.eventhandling.DomainEventMessage<?> message(AgreementId id, long sequence, Object event, Instant at) {
    return new org.axonframework.eventhandling.GenericDomainEventMessage<>("Agreement", id.value(), sequence, event,
        DIRECTOR.asMetadata(), java.util.UUID.randomUUID().toString(), at);
  }

  @Test
  void clearanceAwaitsIgpThenSignaturesAwaitEveryAuthorityThatMaySign() {
    AgreementId id = AgreementId.of("W-5");
    AgreementFixtures.Story story = drafted("W-5", MONDAY, StakeholderOffice.IGP)
        .at(day(11, 3)).then(IGP, new StakeholderConcurred(id, StakeholderOffice.IGP, 1, "ok", ruleIds("S1")))
        .at(day(11, 4)).then(PROGRAM, new ClearanceRequested(id, 1));
    apply(story);
    LocalDate today = LocalDate.of(2026, 11, 6);
    assertThat(queue(today, "IGP").items()).singleElement().satisfies(e -> {
      assertThat(e.reason()).isEqualTo(WorkReason.AWAITING_CLEARANCE);
      assertThat(e.since()).isEqualTo(LocalDate.of(2026, 11, 4));
    });

    List<org.axonframework.eventhandling.DomainEventMessage<?>> next = List.of(
        message(id, 3, new ClearanceGranted(id, 1, "ok"), day(11, 5)),
        message(id, 4, new AgreementCleared(id, 1, List.of()), day(11, 5)));
    search.publish(next);
    assertThat(queue(today, "IGP").total()).isZero();
    WorkPage hsi = queue(today, "SIGNATORY_HSI_EAD");
    assertThat(hsi.items()).singleElement().satisfies(e -> {
      assertThat(e.reason()).isEqualTo(WorkReason.AWAITING_SIGNATURE);
      assertThat(e.authority()).isEqualTo(SignatoryAuthority.HSI_EAD);
      assertThat(e.since()).isEqualTo(LocalDate.of(2026, 11, 5));
    });
    assertThat(queue(today, "SIGNATORY_ERO_EAD").total()).isZero();
    assertThat(queue(today, "PROGRAM_OFFICE").items()).extracting(WorkEntry::reason)
        .containsExactlyInAnyOrder(WorkReason.AWAITING_SIGNATURE, WorkReason.AWAITING_PARTY_SIGNATURE);

    next = List.of(message(id, 5, new AgreementSigned(id, 1,
        new SignatureRecord(PartyName.ICE, SignatoryAuthority.HSI_EAD, "Sam", "EAD", LocalDate.of(2026, 11, 6)), List.of()), day(11, 6)));
    search.publish(next);
    assertThat(queue(today, "SIGNATORY_HSI_EAD").total()).isZero();
    assertThat(queue(today, "PROGRAM_OFFICE").items()).extracting(WorkEntry::reason)
        .containsExactly(WorkReason.AWAITING_PARTY_SIGNATURE);
  }

  @Test
  void aReturnedClearanceIsBackWithTheProgramOffice() {
    AgreementId id = AgreementId.of("W-6");
    apply(drafted("W-6", MONDAY, StakeholderOffice.IGP)
        .at(day(11, 3)).then(IGP, new StakeholderConcurred(id, StakeholderOffice.IGP, 1, "ok", ruleIds("S1")))
        .at(day(11, 4)).then(PROGRAM, new ClearanceRequested(id, 1))
        .at(day(11, 5)).then(IGP, new ClearanceReturned(id, 1, "fix it")));
    assertThat(queue(LocalDate.of(2026, 11, 9), "PROGRAM_OFFICE").items()).singleElement().satisfies(e -> {
      assertThat(e.reason()).isEqualTo(WorkReason.CLEARANCE_RETURNED);
      assertThat(e.since()).isEqualTo(LocalDate.of(2026, 11, 5));
    });
    assertThat(queue(LocalDate.of(2026, 11, 9), "IGP").total()).isZero();
  }

  @Test
  void reviewsAreDueAndOverdueByTheDayOfTheQueryNotByAStoredFlag() {
    apply(active("W-7", Instant.parse("2024-01-02T15:00:00Z"), profileOf("Active W-7", PartyKind.STATE), LocalDate.of(2024, 6, 3)));
    // Due two years after 2024-06-03.
    assertThat(queue(LocalDate.of(2026, 3, 4), "PROGRAM_OFFICE").total()).isZero();
    assertThat(queue(LocalDate.of(2026, 3, 5), "PROGRAM_OFFICE").items()).singleElement().satisfies(e -> {
      assertThat(e.reason()).isEqualTo(WorkReason.REVIEW_DUE);
      assertThat(e.since()).isEqualTo(LocalDate.of(2026, 3, 5));
    });
    assertThat(queue(LocalDate.of(2026, 3, 5), "IGP").total()).isZero();
    assertThat(queue(LocalDate.of(2026, 6, 3), "PROGRAM_OFFICE", "IGP").items()).singleElement()
        .satisfies(e -> assertThat(e.reason()).isEqualTo(WorkReason.REVIEW_OVERDUE));
    assertThat(queue(LocalDate.of(2026, 6, 3), "IGP").total()).isEqualTo(1);
  }

  @Test
  void aTerminationShowsUntilItTakesEffect() {
    AgreementFixtures.Story story = active("W-8", Instant.parse("2026-01-02T15:00:00Z"), profileOf("Active W-8", PartyKind.STATE),
        LocalDate.of(2026, 1, 2));
    story.at(day(11, 2)).then(PROGRAM, new AgreementTerminated(AgreementId.of("W-8"), "done", LocalDate.of(2026, 11, 2),
        LocalDate.of(2026, 12, 2), false));
    apply(story);
    assertThat(queue(LocalDate.of(2026, 12, 2), "PROGRAM_OFFICE").items()).singleElement()
        .satisfies(e -> assertThat(e.reason()).isEqualTo(WorkReason.TERMINATION_TAKING_EFFECT));
    assertThat(queue(LocalDate.of(2026, 12, 3), "PROGRAM_OFFICE").total()).isZero();
  }

  @Test
  void pagesTheQueueLongestWaitingFirstAndCountsEveryItem() {
    for (int i = 0; i < 7; i++) {
      apply(drafted("P-" + i, day(11, 2 + i), StakeholderOffice.OPLA));
    }
    WorkPage first = queue(LocalDate.of(2026, 11, 30), 0, 3, "STAKEHOLDER_OPLA");
    WorkPage last = queue(LocalDate.of(2026, 11, 30), 2, 3, "STAKEHOLDER_OPLA");
    assertThat(first.total()).isEqualTo(7);
    assertThat(first.items()).extracting(WorkEntry::agreementId).containsExactly("P-0", "P-1", "P-2");
    assertThat(last.items()).extracting(WorkEntry::agreementId).containsExactly("P-6");
    assertThat(queue(LocalDate.of(2026, 11, 30), 3, 3, "STAKEHOLDER_OPLA").items()).isEmpty();
  }

  @Test
  void aUserWithTwoRolesSeesAnItemOfBothOnce() {
    apply(drafted("T-1", MONDAY, StakeholderOffice.OPLA));
    WorkPage both = queue(LocalDate.of(2026, 11, 3), "PROGRAM_OFFICE", "STAKEHOLDER_OPLA");
    assertThat(both.total()).isEqualTo(1);
    assertThat(both.items()).hasSize(1);
  }

  @Test
  void anItemKeepsItsDayWhenTheNextEventComesInALaterBatch() {
    AgreementFixtures.Story story = drafted("B-1", MONDAY, StakeholderOffice.OPLA, StakeholderOffice.IGP)
        .at(day(11, 4)).then(PRIVACY, new StakeholderConcurred(AgreementId.of("B-1"), StakeholderOffice.IGP, 1, "ok", ruleIds("S1")));
    search.publish(story.messages().subList(0, 1));
    search.publish(story.messages());
    assertThat(queue(LocalDate.of(2026, 11, 20), "PROGRAM_OFFICE").items()).singleElement()
        .satisfies(e -> assertThat(e.since()).isEqualTo(LocalDate.of(2026, 11, 2)));
  }

  @Test
  void aRestartAndARebuildAnswerTheSameQueues() {
    AgreementFixtures.Story story = drafted("D-1", MONDAY, StakeholderOffice.OPLA, StakeholderOffice.IGP)
        .at(day(11, 4)).then(PRIVACY, new StakeholderConcurred(AgreementId.of("D-1"), StakeholderOffice.IGP, 1, "ok", ruleIds("S1")));
    apply(story);
    LocalDate today = LocalDate.of(2026, 11, 20);
    List<WorkPage> before = List.of(queue(today, "PROGRAM_OFFICE"), queue(today, "STAKEHOLDER_OPLA"), queue(today, "STAKEHOLDER_IGP"));
    assertThat(before.get(0).items()).singleElement().satisfies(e -> assertThat(e.since()).isEqualTo(LocalDate.of(2026, 11, 2)));

    search.stop().open().awaitCaughtUp();
    queries = new WorkQueries(search.engine());
    assertThat(List.of(queue(today, "PROGRAM_OFFICE"), queue(today, "STAKEHOLDER_OPLA"), queue(today, "STAKEHOLDER_IGP")))
        .isEqualTo(before);
    try (TestSearch fresh = search.fresh()) {
      fresh.awaitCaughtUp();
      WorkQueries rebuilt = new WorkQueries(fresh.engine());
      assertThat(List.of("PROGRAM_OFFICE", "STAKEHOLDER_OPLA", "STAKEHOLDER_IGP").stream()
          .map(role -> rebuilt.queue(List.of(role), today, 0, 50).block()).toList()).isEqualTo(before);
    }
  }
}
