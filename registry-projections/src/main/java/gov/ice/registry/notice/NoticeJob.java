package gov.ice.registry.notice;

import java.time.Clock;
import gov.ice.registry.notice.NoticeCommands.Outcome;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The review-due and deadline job: runs the four policies for today (expiries, review notices, exigent deadlines, reminders) (from the injected
 * {@link Clock}, in its zone) on {@code registry.notices.cron}, daily at 06:00 by default, and on
 * demand. It reads the read models to find candidates; the aggregate decides and records once.
 */
@Component
public class NoticeJob {

  /** The job's lock name; also the {@code job} tag of its last-run gauge. */
  public static final String JOB_LOCK = "notice-job";
  private static final Logger log = LoggerFactory.getLogger(NoticeJob.class);

  private final Clock clock;
  private final WhenReviewDueThenIssueNotice reviewDue;
  private final WhenExigentDeadlineMissedThenIssueNotice exigentDeadlines;
  private final WhenTerminationDatePassedThenExpireAgreement expiries;
  /** Null where no work queues are kept (a test of the other policies). */
  private final WhenStepWaitsTooLongThenRemind reminders;

  public NoticeJob(Clock clock, WhenReviewDueThenIssueNotice reviewDue,
      WhenExigentDeadlineMissedThenIssueNotice exigentDeadlines, WhenTerminationDatePassedThenExpireAgreement expiries) {
    this(clock, reviewDue, exigentDeadlines, expiries, null);
  }

  @Autowired
  public NoticeJob(Clock clock, WhenReviewDueThenIssueNotice reviewDue, WhenExigentDeadlineMissedThenIssueNotice exigentDeadlines,
      WhenTerminationDatePassedThenExpireAgreement expiries, WhenStepWaitsTooLongThenRemind reminders) {
    this.clock = clock;
    this.reviewDue = reviewDue;
    this.exigentDeadlines = exigentDeadlines;
    this.expiries = expiries;
    this.reminders = reminders;
  }

  public Mono<NoticeRunReport> run() {
    return Mono.defer(() -> {
      LocalDate today = LocalDate.now(clock);
      // Expiries first: an agreement that has just expired is owed no review notice (the aggregate refuses it as not due).
      return expiries.run(today).collectList()
          .flatMap(expired -> Mono.zip(reviewDue.run(today).collectList(), exigentDeadlines.run(today).collectList(),
                  reminders == null ? Mono.just(List.<Outcome>of()) : reminders.run(today).collectList())
              .map(r -> new NoticeRunReport(today, NoticeRunReport.Counts.of(r.getT1()),
                  NoticeRunReport.Counts.of(r.getT2()), NoticeRunReport.Counts.of(expired), NoticeRunReport.Counts.of(r.getT3()))));
    });
  }

  /**
   * On one instance only (the job lock in the ledger's database). Held at least 5 minutes, so an
   * instance whose clock or scheduler fires a little later finds the run done, not the lock free.
   */
  @Scheduled(cron = "${registry.notices.cron:" + NoticeProperties.DEFAULT_CRON + "}", zone = "${registry.notices.zone:America/New_York}")
  @SchedulerLock(name = JOB_LOCK, lockAtLeastFor = "PT5M", lockAtMostFor = "PT1H")
  public void onSchedule() {
    NoticeRunReport report = run().block();
    log.info("notice job: {}", report);
  }
}
