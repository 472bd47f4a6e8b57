package gov.ice.registry.gate;

import gov.ice.registry.agreement.AgreementFacts;
import gov.ice.registry.agreement.api.AgreementProfile;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Function;

/**
 * One agreement the partner is a party to, as the ledger knew it at the request's {@code knownAt}
 * ({@code state}: its events recorded at or before then, folded), judged on {@code day}, the
 * registry's calendar day of the request's {@code time}. {@code stateOf} gives another agreement
 * (a parent) as known at the same instant.
 */
public record Candidate(GateRequest request, AgreementFacts state, LocalDate day, Function<String, Optional<AgreementFacts>> stateOf) {

  public AgreementProfile profile() {
    return state.profile();
  }

  public String agreementId() {
    return state.id().toString();
  }
}
