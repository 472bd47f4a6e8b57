package gov.ice.registry.agreement.api;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A fact that a Key Stakeholder concurred on one draft version. {@code documentSha256} is the
 * SHA-256 of the version's draft text where it had one (null otherwise, and in events stored
 * before draft text existed: an added field, read as null, so the revision stays).
 */
@Revision("1")
public record StakeholderConcurred(AgreementId agreementId, StakeholderOffice office, int draftVersion, String comment, List<RuleId> rules,
    String documentSha256) implements AgreementEvent {

  /** A concurrence on a version without draft text. */
  public StakeholderConcurred(AgreementId agreementId, StakeholderOffice office, int draftVersion, String comment, List<RuleId> rules) {
    this(agreementId, office, draftVersion, comment, rules, null);
  }
}
