package gov.ice.registry.agreement.api;

import java.util.Optional;

/**
 * An Appendix B exemption claimed for the agreement, by number. {@code approvedBy} is the
 * approving EAD for exemption 7, as the office wrote it. {@code parentAgreementId} is the executed
 * ISAA that exemptions 9, 12, 13 and 14 rest on.
 */
public record Exemption(ExemptionNumber number, String reason, ApprovingAuthority approvedBy, String parentAgreementId) {

  /** An exemption from the values a form or a request gives: {@code approvedBy} may be null (none recorded). */
  public static Exemption of(int number, String reason, String approvedBy, String parentAgreementId) {
    return new Exemption(ExemptionNumber.of(number), reason, approvedBy == null ? null : ApprovingAuthority.of(approvedBy),
        parentAgreementId);
  }

  /** The signatory authority {@code approvedBy} names; empty when none is recorded or it names none. */
  public Optional<SignatoryAuthority> approvingAuthority() {
    return Optional.ofNullable(approvedBy).flatMap(ApprovingAuthority::signatoryAuthority);
  }
}
