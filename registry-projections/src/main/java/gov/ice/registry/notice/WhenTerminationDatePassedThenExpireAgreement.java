package gov.ice.registry.notice;

import gov.ice.registry.agreement.api.AgreementId;
import gov.ice.registry.agreement.api.ExpireAgreement;
import gov.ice.registry.notice.NoticeCommands.Outcome;
import gov.ice.registry.projection.repository.AgreementRepositoryQueries;
import java.time.LocalDate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/** Policy: when an active agreement's termination date has passed, record that it expired. */
@Component
public class WhenTerminationDatePassedThenExpireAgreement {

  private final AgreementRepositoryQueries agreements;
  private final NoticeCommands commands;

  public WhenTerminationDatePassedThenExpireAgreement(AgreementRepositoryQueries agreements, NoticeCommands commands) {
    this.agreements = agreements;
    this.commands = commands;
  }

  public Flux<Outcome> run(LocalDate today) {
    return agreements.activePastTerminationDate(today)
        .concatMap(agreement -> commands.send("expiry", new ExpireAgreement(AgreementId.of(agreement.id()), today)));
  }
}
