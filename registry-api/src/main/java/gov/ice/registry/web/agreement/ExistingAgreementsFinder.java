package gov.ice.registry.web.agreement;

import gov.ice.registry.agreement.api.AgreementId;
import gov.ice.registry.agreement.api.AgreementProfile;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Finds the active agreements a new draft overlaps (a common party and a common category).
 * The read side answers it; until a read model supplies a bean, nothing is found.
 */
@FunctionalInterface
public interface ExistingAgreementsFinder {

  /** Active agreements other than {@code draft} sharing a party and an information category with {@code profile}. */
  Flux<ExistingAgreement> overlapping(AgreementId draft, AgreementProfile profile);

  /** The {@code limit} most relevant of {@link #overlapping}, and how many there are. */
  record MostRelevant(List<ExistingAgreement> items, long total) {}

  /**
   * The {@code limit} most relevant agreements {@link #overlapping} finds (most categories in
   * common, then the most recent), with their number: what a draft's answer shows, bounded
   * whatever the data. This default reads them all; a read model answers without.
   */
  default Mono<MostRelevant> mostRelevant(AgreementId draft, AgreementProfile profile, int limit) {
    return overlapping(draft, profile).collectList()
        .map(all -> new MostRelevant(List.copyOf(all.subList(0, Math.min(limit, all.size()))), all.size()));
  }
}
