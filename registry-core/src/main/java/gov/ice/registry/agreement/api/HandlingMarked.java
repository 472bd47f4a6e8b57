package gov.ice.registry.agreement.api;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A fact that the agreement's handling markings were designated anew; a concurrence of OPR SD
 * SMOU that confirmed the markings before is listed in {@code staleConcurrences} and no longer stands.
 */
@Revision("1")
public record HandlingMarked(AgreementId agreementId, int draftVersion, Handling handling, List<StakeholderOffice> staleConcurrences)
    implements AgreementEvent {

  public HandlingMarked {
    staleConcurrences = staleConcurrences == null ? List.of() : List.copyOf(staleConcurrences);
  }
}
