package gov.ice.registry.projection.exigent;

import static gov.ice.registry.agreement.AgreementFixtures.PROGRAM;
import static gov.ice.registry.agreement.AgreementFixtures.party;
import static org.assertj.core.api.Assertions.assertThat;

import gov.ice.registry.agreement.api.AgreementExecuted;
import gov.ice.registry.agreement.api.AgreementKind;
import gov.ice.registry.agreement.api.AgreementProfile;
import gov.ice.registry.agreement.BiennialReview;
import gov.ice.registry.agreement.api.Directorate;
import gov.ice.registry.agreement.api.ExigentAuthority;
import gov.ice.registry.agreement.api.ExigentDeadlineMissedNoticeIssued;
import gov.ice.registry.agreement.api.ExigentTransferRecorded;
import gov.ice.registry.agreement.api.Exemption;
import gov.ice.registry.agreement.api.InformationCategory;
import gov.ice.registry.agreement.api.PartyKind;
import gov.ice.registry.agreement.AgreementFixtures;
import gov.ice.registry.projection.ProjectionDriver;
import gov.ice.registry.projection.TestReadStore;
import gov.ice.registry.projection.exigent.ExigentDeadline.State;
import gov.ice.registry.projection.mongo.ReadStore;
import gov.ice.registry.projection.repository.TestSearch;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The deadlines come from the domain (five business days, US federal holidays excluded); these
 * tests take transfers whose deadlines span holidays and check the view judges them on the right day.
 */
class ExigentDeadlineTest {

  /** Thursday 3 July 2025; Friday 4 July is Independence Day, so the fifth business day is Friday 11 July. */
  static final LocalDate BEFORE_JULY_FOURTH = LocalDate.of(2025, 7, 3);
  static final LocalDate JULY_DEADLINE = LocalDate.of(2025, 7, 11);
  /** Friday 19 December 2025; 25 December and 1 January are holidays, so the fifth business day is Monday 29 December. */
  static final LocalDate BEFORE_CHRISTMAS = LocalDate.of(2025, 12, 19);
  static final LocalDate CHRISTMAS_DEADLINE = LocalDate.of(2025, 12, 29);

  TestReadStore mongo;
  ReadStore store;
  ProjectionDriver driver;
  TestSearch search;
  /** As the application asks: which transfers from the search index, their rows from the read model. */
  ExigentDeadlineQueries deadlines;
  /** The read model alone, scanned: what the index's answers must equal. */
  ExigentDeadlineQueries plain;

  @BeforeEach
  void start() {
    mongo = new TestReadStore();
    store = mongo.store("exigent");
    driver = new ProjectionDriver(store);
    search = TestSearch.start();
    deadlines = new ExigentDeadlineQueries(store, search.engine());
    plain = new ExigentDeadlineQueries(store);
  }

  @AfterEach
  void stop() {
    search.close();
    mongo.close();
  }

  /** The story's events through the read models and the search index alike. */
  private void apply(AgreementFixtures.Story story) {
    driver.apply(story);
    search.publish(story.messages());
  }

  /** Every view the queries give on {@code today} equals the read model's own. */
  private void assertParity(LocalDate today) {
    assertThat(deadlines.all(today).collectList().block()).isEqualTo(plain.all(today).collectList().block());
    assertThat(deadlines.missed(today).collectList().block()).isEqualTo(plain.missed(today).collectList().block());
    assertThat(deadlines.countMissed(today).block()).isEqualTo(plain.countMissed(today).block());
  }

  static AgreementFixtures.Story exigent(String id, LocalDate transferredOn, LocalDate deadline, ExigentAuthority laterApproval) {
    AgreementProfile profile = new AgreementProfile("Exigent " + id, AgreementKind.MOA, Directorate.HSI,
        List.of(party("State Fusion Center", PartyKind.STATE, "US")), List.of(InformationCategory.HOMELAND_SECURITY),
        AgreementFixtures.data(true), AgreementFixtures.terms("threat to life", null, null),
        Exemption.of(10, "exigent threat", null, null));
    AgreementFixtures.Story story = AgreementFixtures.drafted(id, Instant.parse("2025-07-01T12:00:00Z"), profile);
    return story.then(PROGRAM, new ExigentTransferRecorded(story.id(), transferredOn, ExigentAuthority.ICE_DIRECTOR,
        deadline, laterApproval, List.of()));
  }

  private ExigentDeadline only(LocalDate today) {
    assertParity(today);
    return deadlines.all(today).single().block();
  }

  @Test
  void theIndexSelectsAndOrdersAsTheReadModelDoesOnEveryDay() {
    LocalDate[] days = {BEFORE_JULY_FOURTH, LocalDate.of(2025, 7, 7), LocalDate.of(2025, 7, 8), BEFORE_CHRISTMAS};
    for (int i = 0; i < 24; i++) {
      LocalDate transferredOn = days[i % days.length];
      LocalDate deadline = gov.ice.registry.agreement.ExigentMemorialization.deadline(transferredOn);
      // Ids out of order, deadlines shared: the order's ties by id matter.
      AgreementFixtures.Story story = exigent(String.format("E-%02d", (i * 7) % 24), transferredOn, deadline,
          i % 5 == 0 ? ExigentAuthority.SECRETARY : null);
      if (i % 3 == 0) {
        LocalDate executed = i % 2 == 0 ? deadline : deadline.plusDays(3);
        story.then(PROGRAM, new AgreementExecuted(story.id(), 1, executed, executed, BiennialReview.dueAfter(executed)));
      }
      if (i % 4 == 1) {
        // A second transfer of the same agreement, a week later.
        LocalDate second = transferredOn.plusDays(7);
        story.then(PROGRAM, new ExigentTransferRecorded(story.id(), second, ExigentAuthority.ICE_DIRECTOR,
            gov.ice.registry.agreement.ExigentMemorialization.deadline(second), null, List.of()));
      }
      apply(story);
    }
    assertThat(deadlines.all(BEFORE_CHRISTMAS).collectList().block()).hasSizeGreaterThan(24);
    for (LocalDate today = LocalDate.of(2025, 7, 1); today.isBefore(LocalDate.of(2026, 1, 10)); today = today.plusDays(3)) {
      assertParity(today);
    }
    assertThat(deadlines.countMissed(LocalDate.of(2026, 1, 10)).block()).isGreaterThan(5);

    // Reopened as a restart does: the same answers, nothing reloaded.
    search.stop().open().awaitCaughtUp();
    deadlines = new ExigentDeadlineQueries(store, search.engine());
    assertParity(LocalDate.of(2025, 7, 20));
  }

  @Test
  void aDeadlineAcrossIndependenceDayIsPendingThroughItsLastDayAndMissedAfter() {
    apply(exigent("JULY", BEFORE_JULY_FOURTH, JULY_DEADLINE, null));

    assertThat(only(LocalDate.of(2025, 7, 9)).state()).isEqualTo(State.PENDING);
    assertThat(only(JULY_DEADLINE).state()).isEqualTo(State.PENDING);
    ExigentDeadline missed = only(JULY_DEADLINE.plusDays(1));
    assertThat(missed.state()).isEqualTo(State.MISSED);
    assertThat(missed.met()).isFalse();
    assertThat(missed.memorializationDeadline()).isEqualTo(JULY_DEADLINE);
    assertThat(deadlines.countMissed(JULY_DEADLINE.plusDays(1)).block()).isEqualTo(1);
    assertThat(deadlines.countMissed(JULY_DEADLINE).block()).isZero();
  }

  @Test
  void executionByTheDeadlineMeetsIt() {
    AgreementFixtures.Story story = exigent("MET", BEFORE_CHRISTMAS, CHRISTMAS_DEADLINE, null);
    story.then(PROGRAM, new AgreementExecuted(story.id(), 1, CHRISTMAS_DEADLINE, CHRISTMAS_DEADLINE,
        BiennialReview.dueAfter(CHRISTMAS_DEADLINE)));
    apply(story);

    ExigentDeadline met = only(LocalDate.of(2026, 1, 15));
    assertThat(met.met()).isTrue();
    assertThat(met.state()).isEqualTo(State.MET);
    assertThat(met.executedOn()).isEqualTo(CHRISTMAS_DEADLINE);
  }

  @Test
  void executionAfterTheDeadlineDoesNotMeetIt() {
    AgreementFixtures.Story story = exigent("LATE", BEFORE_CHRISTMAS, CHRISTMAS_DEADLINE, null);
    LocalDate late = CHRISTMAS_DEADLINE.plusDays(1);
    story.then(PROGRAM, new AgreementExecuted(story.id(), 1, late, late, BiennialReview.dueAfter(late)));
    apply(story);

    assertThat(only(LocalDate.of(2026, 1, 15)).state()).isEqualTo(State.MISSED);
  }

  @Test
  void anApprovedLaterMemorializationMeetsIt() {
    apply(exigent("LATER", BEFORE_JULY_FOURTH, JULY_DEADLINE, ExigentAuthority.SECRETARY));

    ExigentDeadline approved = only(LocalDate.of(2025, 8, 1));
    assertThat(approved.state()).isEqualTo(State.MET);
    assertThat(approved.laterMemorializationApprovedBy()).isEqualTo(ExigentAuthority.SECRETARY);
  }

  @Test
  void recordsThatTheMissedNoticeWasIssued() {
    AgreementFixtures.Story story = exigent("NOTICED", BEFORE_JULY_FOURTH, JULY_DEADLINE, null);
    story.then(AgreementFixtures.IGP, new ExigentDeadlineMissedNoticeIssued(story.id(), BEFORE_JULY_FOURTH,
        JULY_DEADLINE, JULY_DEADLINE.plusDays(1)));
    apply(story);

    assertThat(deadlines.missed(LocalDate.of(2025, 7, 14)).single().block().missedNoticeIssued()).isTrue();
    assertParity(LocalDate.of(2025, 7, 14));
  }
}
