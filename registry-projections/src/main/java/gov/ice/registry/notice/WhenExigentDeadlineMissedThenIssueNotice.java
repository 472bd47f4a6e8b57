package gov.ice.registry.notice;

import gov.ice.registry.agreement.api.AgreementId;
import gov.ice.registry.agreement.api.IssueExigentDeadlineNotice;
import gov.ice.registry.notice.NoticeCommands.Outcome;
import gov.ice.registry.projection.exigent.ExigentDeadlineQueries;
import java.time.LocalDate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * Policy: when an exigent transfer's memorialization deadline has passed without an executed
 * agreement (or an approved later memorialization), issue a deadline-missed notice, once per transfer.
 */
@Component
public class WhenExigentDeadlineMissedThenIssueNotice {

  private final ExigentDeadlineQueries deadlines;
  private final NoticeCommands commands;

  public WhenExigentDeadlineMissedThenIssueNotice(ExigentDeadlineQueries deadlines, NoticeCommands commands) {
    this.deadlines = deadlines;
    this.commands = commands;
  }

  public Flux<Outcome> run(LocalDate today) {
    return deadlines.missed(today)
        .filter(deadline -> !deadline.missedNoticeIssued())
        .concatMap(deadline -> commands.send("exigent-deadline", new IssueExigentDeadlineNotice(
            AgreementId.of(deadline.agreementId()), deadline.transferredOn(), today)));
  }
}
