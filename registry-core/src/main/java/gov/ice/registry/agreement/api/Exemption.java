package gov.ice.registry.agreement.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * An Appendix B exemption claimed for the agreement, by number (1-16). {@code approvedBy} is the
 * approving EAD for exemption 7, as the office wrote it ({@code "HSI_EAD"}, {@code "hsi ead"}):
 * {@link #approvingAuthority()} reads it as the authority it names. {@code parentAgreementId} is
 * the executed ISAA that exemptions 9, 12, 13 and 14 rest on.
 */
public record Exemption(int number, String reason, String approvedBy, String parentAgreementId) {

  /** The signatory authority {@code approvedBy} names (case, spaces and hyphens aside); empty when it names none. */
  public Optional<SignatoryAuthority> approvingAuthority() {
    if (approvedBy == null) {
      return Optional.empty();
    }
    String name = approvedBy.trim().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    return Arrays.stream(SignatoryAuthority.values()).filter(a -> a.name().equals(name)).findFirst();
  }
}
