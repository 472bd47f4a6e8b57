package gov.ice.registry.agreement.api;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A fact that a Key Stakeholder did not concur on one draft version, blocking clearance.
 * {@code documentSha256} as on {@link StakeholderConcurred}.
 */
@Revision("1")
public record StakeholderNonConcurred(AgreementId agreementId, StakeholderOffice office, int draftVersion, String comment, List<RuleId> rules,
    String documentSha256) implements AgreementEvent {

  /** A non-concurrence on a version without draft text. */
  public StakeholderNonConcurred(AgreementId agreementId, StakeholderOffice office, int draftVersion, String comment, List<RuleId> rules) {
    this(agreementId, office, draftVersion, comment, rules, null);
  }
}
