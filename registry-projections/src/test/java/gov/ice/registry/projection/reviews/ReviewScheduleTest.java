package gov.ice.registry.projection.reviews;

import static gov.ice.registry.agreement.AgreementFixtures.PROGRAM;
import static gov.ice.registry.agreement.AgreementFixtures.active;
import static gov.ice.registry.agreement.AgreementFixtures.party;
import static gov.ice.registry.agreement.AgreementFixtures.profile;
import static org.assertj.core.api.Assertions.assertThat;

import gov.ice.registry.agreement.api.AgreementKind;
import gov.ice.registry.agreement.BiennialReview;
import gov.ice.registry.agreement.api.AgreementTerminated;
import gov.ice.registry.agreement.api.BiennialReviewCompleted;
import gov.ice.registry.agreement.api.Directorate;
import gov.ice.registry.agreement.api.InformationCategory;
import gov.ice.registry.agreement.api.PartyKind;
import gov.ice.registry.agreement.api.ReviewDueNoticeIssued;
import gov.ice.registry.agreement.api.ReviewFindings;
import gov.ice.registry.agreement.api.ReviewOutcome;
import gov.ice.registry.agreement.AgreementFixtures;
import gov.ice.registry.projection.ProjectionDriver;
import gov.ice.registry.projection.TestReadStore;
import gov.ice.registry.projection.mongo.ReadStore;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReviewScheduleTest {

  TestReadStore mongo;
  ReadStore store;
  ProjectionDriver driver;
  ReviewQueries reviews;

  @BeforeEach
  void start() {
    mongo = new TestReadStore();
    store = mongo.store("reviews");
    driver = new ProjectionDriver(store);
    reviews = new ReviewQueries(store);
  }

  @AfterEach
  void stop() {
    mongo.close();
  }

  static AgreementFixtures.Story effectiveOn(String id, LocalDate effective) {
    return active(id, Instant.parse("2024-01-02T15:00:00Z"),
        profile("Agreement " + id, AgreementKind.MOU, Directorate.HSI, List.of(party("Party " + id, PartyKind.STATE, "US")),
            List.of(InformationCategory.LAW_ENFORCEMENT), false, "purpose", effective, null),
        effective);
  }

  private List<String> ids(reactor.core.publisher.Flux<ReviewStanding> standings) {
    return standings.map(ReviewStanding::agreementId).collectList().block();
  }

  @Test
  void aReviewFromALeapDayFallsDueOnTheTwentyEighthOfFebruary() {
    driver.apply(effectiveOn("LEAP", LocalDate.of(2024, 2, 29)));

    List<ReviewStanding> due = reviews.dueWithin(LocalDate.of(2026, 2, 27), Period.ofDays(1)).collectList().block();
    assertThat(due).singleElement().satisfies(s -> {
      assertThat(s.nextReviewDue()).isEqualTo(LocalDate.of(2026, 2, 28));
      assertThat(s.daysRemaining()).isEqualTo(1);
      assertThat(s.daysOverdue()).isNull();
    });
    assertThat(ids(reviews.overdue(LocalDate.of(2026, 2, 28)))).isEmpty();
    assertThat(reviews.overdue(LocalDate.of(2026, 3, 1)).blockFirst().daysOverdue()).isEqualTo(1);
  }

  @Test
  void countsTheLeapDayInDaysOverdueAndRemaining() {
    driver.apply(effectiveOn("ACROSS", LocalDate.of(2026, 2, 28)));

    ReviewStanding overdue = reviews.overdue(LocalDate.of(2028, 3, 1)).blockFirst();
    assertThat(overdue.nextReviewDue()).isEqualTo(LocalDate.of(2028, 2, 28));
    assertThat(overdue.daysOverdue()).isEqualTo(2);

    ReviewStanding remaining = reviews.dueWithin(LocalDate.of(2027, 12, 1), Period.ofDays(90)).blockFirst();
    assertThat(remaining.daysRemaining()).isEqualTo(89);
  }

  @Test
  void dueWithinIncludesBothEndsOfThePeriod() {
    driver.apply(effectiveOn("EDGE", LocalDate.of(2024, 6, 1)));
    LocalDate due = LocalDate.of(2026, 6, 1);

    assertThat(ids(reviews.dueWithin(due.minusDays(90), Period.ofDays(90)))).containsExactly("EDGE");
    assertThat(ids(reviews.dueWithin(due.minusDays(91), Period.ofDays(90)))).isEmpty();
    assertThat(ids(reviews.dueWithin(due, Period.ofDays(90)))).containsExactly("EDGE");
    assertThat(ids(reviews.dueWithin(due.plusDays(1), Period.ofDays(90)))).isEmpty();
  }

  @Test
  void aCompletedReviewMovesTheDueDateAndForgetsTheOldDatesNotices() {
    AgreementFixtures.Story story = effectiveOn("REVIEWED", LocalDate.of(2023, 1, 10));
    LocalDate firstDue = LocalDate.of(2025, 1, 10);
    story.then(AgreementFixtures.IGP, new ReviewDueNoticeIssued(story.id(), firstDue, 0, firstDue));
    driver.apply(story);
    assertThat(reviews.overdue(LocalDate.of(2025, 2, 1)).blockFirst().noticesIssued()).containsExactly(0);

    LocalDate reviewedOn = LocalDate.of(2025, 2, 3);
    AgreementFixtures.Story reviewed = effectiveOn("REVIEWED", LocalDate.of(2023, 1, 10));
    reviewed.then(AgreementFixtures.IGP, new ReviewDueNoticeIssued(story.id(), firstDue, 0, firstDue))
        .then(PROGRAM, new BiennialReviewCompleted(story.id(), reviewedOn, ReviewOutcome.CONTINUE,
            new ReviewFindings(true, true, true, true, true), "still needed", BiennialReview.dueAfter(reviewedOn)));
    driver.apply(reviewed.messages().subList(reviewed.messages().size() - 1, reviewed.messages().size()));

    assertThat(ids(reviews.overdue(LocalDate.of(2025, 2, 4)))).isEmpty();
    ReviewStanding next = reviews.dueWithin(LocalDate.of(2026, 11, 5), Period.ofDays(90)).blockFirst();
    assertThat(next.nextReviewDue()).isEqualTo(LocalDate.of(2027, 2, 3));
    assertThat(next.lastReviewedOn()).isEqualTo(reviewedOn);
    assertThat(next.noticesIssued()).isEmpty();
  }

  @Test
  void onlyActiveAgreementsAreDue() {
    AgreementFixtures.Story story = effectiveOn("ENDED", LocalDate.of(2020, 1, 1));
    story.then(PROGRAM, new AgreementTerminated(story.id(), "mission ended", LocalDate.of(2021, 1, 1), LocalDate.of(2021, 2, 1), true));
    driver.apply(story).apply(effectiveOn("LIVE", LocalDate.of(2020, 1, 1)));

    assertThat(ids(reviews.overdue(LocalDate.of(2025, 1, 1)))).containsExactly("LIVE");
    assertThat(reviews.countOverdue(LocalDate.of(2025, 1, 1)).block()).isEqualTo(1);
  }
}
