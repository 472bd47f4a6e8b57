package gov.ice.registry.agreement.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A fact that an exigent transfer's memorialization deadline passed without an executed agreement. */
@Revision("1")
public record ExigentDeadlineMissedNoticeIssued(AgreementId agreementId, LocalDate transferredOn, LocalDate deadline, LocalDate issuedOn) implements AgreementEvent {

  /** The notice recorded. */
  public NoticeKey.Exigent key() {
    return new NoticeKey.Exigent(transferredOn);
  }
}
