package gov.ice.registry.notice;

import static org.assertj.core.api.Assertions.assertThat;

import gov.ice.registry.agreement.api.AgreementExpired;
import gov.ice.registry.agreement.api.AgreementId;
import gov.ice.registry.agreement.BiennialReview;
import gov.ice.registry.agreement.ExigentMemorialization;
import gov.ice.registry.agreement.api.ExigentDeadlineMissedNoticeIssued;
import gov.ice.registry.agreement.api.ReviewDueNoticeIssued;
import gov.ice.registry.projection.MutableClock;
import gov.ice.registry.projection.RegistryInstance;
import gov.ice.registry.projection.TestReadStore;
import gov.ice.registry.projection.Workload;
import gov.ice.registry.projection.exigent.ExigentDeadlineQueries;
import gov.ice.registry.projection.mongo.ReadStore;
import gov.ice.registry.projection.notices.IssuedNotice;
import gov.ice.registry.projection.notices.NoticeQueries;
import gov.ice.registry.projection.repository.AgreementRepositoryQueries;
import gov.ice.registry.projection.reviews.ReviewQueries;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import javax.sql.DataSource;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The notice job against the real aggregate and ledger: two instances running it at the same
 * moment, and reruns, record each notice exactly once.
 */
class NoticeJobTest {

  static final ZoneId ZONE = ZoneId.of("America/New_York");
  static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

  TestReadStore mongo;
  DataSource ledger;
  MutableClock clock;
  RegistryInstance first;
  RegistryInstance second;
  ReadStore store;

  @BeforeEach
  void start() {
    mongo = new TestReadStore();
    ledger = RegistryInstance.newLedger();
    clock = new MutableClock(TODAY.atTime(15, 0).atZone(ZONE).toInstant(), ZONE);
    store = mongo.store("notices");
    first = RegistryInstance.start(ledger, clock, store, mongo.syncDatabase("notices"));
    second = RegistryInstance.start(ledger, clock, null, null);
  }

  @AfterEach
  void stop() {
    second.close();
    first.close();
    mongo.close();
  }

  private NoticeJob job(RegistryInstance instance) {
    NoticeCommands commands = new NoticeCommands(instance.commands(), new SimpleMeterRegistry());
    return new NoticeJob(clock,
        new WhenReviewDueThenIssueNotice(new ReviewQueries(store), commands),
        new WhenExigentDeadlineMissedThenIssueNotice(new ExigentDeadlineQueries(store), commands),
        // The expiry reads the store alone: no search index is needed.
        new WhenTerminationDatePassedThenExpireAgreement(new AgreementRepositoryQueries(store, null), commands));
  }

  /** Imported, executed and effective two years before {@code due}, so its review falls due then. */
  private static AgreementId dueOn(Workload work, String id, LocalDate due) {
    LocalDate effective = due.minusYears(BiennialReview.INTERVAL_YEARS);
    return work.importActive(id, "Party " + id, effective, null, effective, null);
  }

  private static <T> List<T> events(EventStore events, AgreementId id, Class<T> type) {
    return events.readEvents(id.value()).asStream().map(m -> m.getPayload()).filter(type::isInstance).map(type::cast).toList();
  }

  private NoticeRunReport[] runBothAtOnce() {
    var reports = Mono.zip(job(first).run().subscribeOn(Schedulers.boundedElastic()),
        job(second).run().subscribeOn(Schedulers.boundedElastic())).block(Duration.ofMinutes(1));
    return new NoticeRunReport[] {reports.getT1(), reports.getT2()};
  }

  @Test
  void twoInstancesAtOnceAndARerunRecordEachNoticeExactlyOnce() {
    Workload work = new Workload(first.commands(), first.eventStore());
    AgreementId in60 = dueOn(work, "due-in-60", TODAY.plusDays(60));
    AgreementId in10 = dueOn(work, "due-in-10", TODAY.plusDays(10));
    AgreementId today = dueOn(work, "due-today", TODAY);
    AgreementId overdue45 = dueOn(work, "overdue-45", TODAY.minusDays(45));
    AgreementId far = dueOn(work, "due-in-200", TODAY.plusDays(200));
    AgreementId ended = work.importActive("ended", "Party ended", LocalDate.of(2025, 1, 1), TODAY.minusDays(1),
        LocalDate.of(2025, 1, 1), null);
    LocalDate transferredOn = LocalDate.of(2026, 11, 6);
    AgreementId exigent = work.exigent("exigent", "Fusion Center", transferredOn);
    first.awaitCaughtUp();

    NoticeRunReport[] reports = runBothAtOnce();
    assertThat(reports).allSatisfy(r -> {
      assertThat(r.reviewDue().failed()).isZero();
      assertThat(r.exigentDeadlines().failed()).isZero();
      assertThat(r.expiries().failed()).isZero();
    });
    first.awaitCaughtUp();
    job(first).run().block();
    job(second).run().block();

    EventStore ledgerEvents = first.eventStore();
    assertThat(events(ledgerEvents, in60, ReviewDueNoticeIssued.class)).extracting(ReviewDueNoticeIssued::daysBeforeDue).containsExactly(90);
    assertThat(events(ledgerEvents, in10, ReviewDueNoticeIssued.class)).extracting(ReviewDueNoticeIssued::daysBeforeDue).containsExactly(30);
    assertThat(events(ledgerEvents, today, ReviewDueNoticeIssued.class)).extracting(ReviewDueNoticeIssued::daysBeforeDue).containsExactly(0);
    assertThat(events(ledgerEvents, overdue45, ReviewDueNoticeIssued.class)).extracting(ReviewDueNoticeIssued::daysBeforeDue).containsExactly(-30);
    assertThat(events(ledgerEvents, far, ReviewDueNoticeIssued.class)).isEmpty();
    assertThat(events(ledgerEvents, ended, AgreementExpired.class)).hasSize(1);
    assertThat(events(ledgerEvents, exigent, ExigentDeadlineMissedNoticeIssued.class)).singleElement()
        .satisfies(n -> assertThat(n.deadline()).isEqualTo(ExigentMemorialization.deadline(transferredOn)));

    first.awaitCaughtUp();
    List<IssuedNotice> notices = new NoticeQueries(store).since(null).collectList().block();
    assertThat(notices).hasSize(5);
    assertThat(notices).extracting(IssuedNotice::type).containsOnly(IssuedNotice.REVIEW_DUE, IssuedNotice.EXIGENT_DEADLINE_MISSED);
  }

  @Test
  void movingTimeOnReachesTheNextThresholds() {
    Workload work = new Workload(first.commands(), first.eventStore());
    AgreementId in60 = dueOn(work, "due-in-60", TODAY.plusDays(60));
    AgreementId overdue45 = dueOn(work, "overdue-45", TODAY.minusDays(45));
    first.awaitCaughtUp();
    job(first).run().block();
    first.awaitCaughtUp();

    clock.advance(Duration.ofDays(50));
    NoticeRunReport report = job(second).run().block();
    assertThat(report.reviewDue().sent()).isEqualTo(2);

    assertThat(events(first.eventStore(), in60, ReviewDueNoticeIssued.class))
        .extracting(ReviewDueNoticeIssued::daysBeforeDue).containsExactly(90, 30);
    assertThat(events(first.eventStore(), overdue45, ReviewDueNoticeIssued.class))
        .extracting(ReviewDueNoticeIssued::daysBeforeDue).containsExactly(-30, -90);
  }

  @Test
  void aReviewStartsANewSeriesOfNotices() {
    Workload work = new Workload(first.commands(), first.eventStore());
    AgreementId overdue = dueOn(work, "overdue", TODAY.minusDays(5));
    first.awaitCaughtUp();
    job(first).run().block();
    work.review(overdue, TODAY);
    first.awaitCaughtUp();

    assertThat(job(first).run().block().reviewDue().sent()).isZero();
    clock.set(Instant.from(TODAY.plusYears(2).minusDays(80).atTime(12, 0).atZone(ZONE)));
    assertThat(job(first).run().block().reviewDue().sent()).isEqualTo(1);
    assertThat(events(first.eventStore(), overdue, ReviewDueNoticeIssued.class))
        .extracting(ReviewDueNoticeIssued::dueOn).containsExactly(TODAY.minusDays(5), TODAY.plusYears(2));
  }
}
