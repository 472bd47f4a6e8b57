package gov.ice.registry.notice;

import gov.ice.registry.agreement.api.AgreementId;
import gov.ice.registry.agreement.api.IssueReminder;
import gov.ice.registry.agreement.api.ReminderStep;
import gov.ice.registry.notice.NoticeCommands.Outcome;
import gov.ice.registry.projection.work.WorkDays;
import gov.ice.registry.projection.work.WorkItems;
import gov.ice.registry.projection.work.WorkQueries;
import java.time.LocalDate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Policy: when an office's concurrence, IGP's clearance or an authority's signature has waited
 * the holder's threshold in business days (or a multiple of it), remind the holder, once per item
 * and threshold: the latest threshold reached, as the review notices do. Candidates come from the
 * work queues; the aggregate decides whether the step is still open and records each reminder once.
 */
@Component
public class WhenStepWaitsTooLongThenRemind {

  private final WorkQueries work;
  private final NoticeCommands commands;
  private final ReminderProperties properties;

  public WhenStepWaitsTooLongThenRemind(WorkQueries work, NoticeCommands commands, ReminderProperties properties) {
    this.work = work;
    this.commands = commands;
    this.properties = properties;
  }

  public Flux<Outcome> run(LocalDate today) {
    return work.waitingSteps()
        .concatMap(waiting -> {
          ReminderStep step = WorkItems.step(waiting.item().reason());
          String holder = WorkItems.reminded(waiting.item());
          int threshold = properties.threshold(holder);
          int waited = WorkDays.between(waiting.item().since(), today);
          int reached = waited / threshold * threshold;
          if (step == null || reached == 0 || reached <= waiting.item().remindedAfter()) {
            return Mono.<Outcome>empty();
          }
          return commands.send("reminder", new IssueReminder(AgreementId.of(waiting.agreementId()), step, holder,
              waiting.item().draftVersion(), waiting.item().since(), reached, today));
        });
  }
}
