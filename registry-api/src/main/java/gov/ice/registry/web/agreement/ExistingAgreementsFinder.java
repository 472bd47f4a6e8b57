package gov.ice.registry.web.agreement;

import gov.ice.registry.agreement.api.AgreementId;
import gov.ice.registry.agreement.api.AgreementProfile;
import reactor.core.publisher.Flux;

/**
 * Finds the active agreements a new draft overlaps (a common party and a common category).
 * The read side answers it; until a read model supplies a bean, nothing is found.
 */
@FunctionalInterface
public interface ExistingAgreementsFinder {

  /** Active agreements other than {@code draft} sharing a party and an information category with {@code profile}. */
  Flux<ExistingAgreement> overlapping(AgreementId draft, AgreementProfile profile);
}
