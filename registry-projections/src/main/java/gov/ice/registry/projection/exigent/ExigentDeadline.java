package gov.ice.registry.projection.exigent;

import gov.ice.registry.agreement.api.AgreementStatus;
import gov.ice.registry.agreement.api.ExigentAuthority;
import java.time.LocalDate;

/**
 * An exigent transfer (Appendix B, exemption 10) and its memorialization deadline: five business
 * days after the transfer, as the domain computed it. {@code met} is true once the agreement was
 * executed by the deadline or a later memorialization was approved; {@code state} is {@code MET},
 * {@code PENDING} (not met, deadline not yet passed as of {@code asOf}) or {@code MISSED}.
 */
public record ExigentDeadline(
    String agreementId,
    String title,
    AgreementStatus status,
    LocalDate transferredOn,
    ExigentAuthority authorizedBy,
    LocalDate memorializationDeadline,
    ExigentAuthority laterMemorializationApprovedBy,
    LocalDate executedOn,
    boolean met,
    State state,
    boolean missedNoticeIssued,
    LocalDate asOf) {

  public enum State {
    MET,
    PENDING,
    MISSED
  }
}
