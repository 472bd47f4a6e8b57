package gov.ice.registry.notice;

import gov.ice.registry.agreement.ReviewNotice;
import gov.ice.registry.agreement.api.AgreementId;
import gov.ice.registry.agreement.api.IssueReviewDueNotice;
import gov.ice.registry.notice.NoticeCommands.Outcome;
import gov.ice.registry.projection.reviews.ReviewQueries;
import java.time.LocalDate;
import java.time.Period;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Policy: when an active agreement's biennial review is 90, 30 or 0 days away, or overdue (every
 * 30 days), issue a review-due notice for the latest threshold reached.
 */
@Component
public class WhenReviewDueThenIssueNotice {

  private final ReviewQueries reviews;
  private final NoticeCommands commands;

  public WhenReviewDueThenIssueNotice(ReviewQueries reviews, NoticeCommands commands) {
    this.reviews = reviews;
    this.commands = commands;
  }

  public Flux<Outcome> run(LocalDate today) {
    return reviews.dueOrOverdue(today, Period.ofDays(ReviewNotice.FIRST_NOTICE_DAYS))
        .concatMap(standing -> {
          var threshold = ReviewNotice.latestThresholdReached(standing.nextReviewDue(), today);
          if (threshold.isEmpty() || standing.noticesIssued().contains(threshold.getAsInt())) {
            return Mono.empty();
          }
          return commands.send("review-due", new IssueReviewDueNotice(
              AgreementId.of(standing.agreementId()), standing.nextReviewDue(), threshold.getAsInt(), today));
        });
  }
}
