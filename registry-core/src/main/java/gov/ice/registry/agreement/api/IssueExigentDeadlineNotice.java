package gov.ice.registry.agreement.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record that an exigent transfer's memorialization deadline passed unmet; recorded once per transfer. */
public record IssueExigentDeadlineNotice(@TargetAggregateIdentifier AgreementId agreementId, LocalDate transferredOn, LocalDate asOf) {

  /** The notice this asks for. */
  public NoticeKey.Exigent key() {
    return new NoticeKey.Exigent(transferredOn);
  }
}
