package gov.ice.registry.gate;

import gov.ice.registry.agreement.AgreementFacts;
import gov.ice.registry.agreement.api.AgreementStatus;
import gov.ice.registry.agreement.api.AgreementTerminated;
import gov.ice.registry.gate.GateDecision.Reason;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The agreement as known at {@code knownAt} must be in force on the day of {@code time}: executed
 * and effective, not terminated (a termination takes effect at the start of its effective day),
 * not expired (an agreement is in force through its termination date), not withdrawn. An exempt
 * instrument (status {@code REGISTERED}) and a draft with a recorded exigent transfer go on to the
 * exemption rules, which decide them.
 */
final class AgreementInForce implements GateRule {

  static final String NOT_YET_EFFECTIVE = "NOT_YET_EFFECTIVE";
  static final String TERMINATED = "AGREEMENT_TERMINATED";
  static final String EXPIRED = "AGREEMENT_EXPIRED";

  @Override
  public String id() {
    return "AGREEMENT_IN_FORCE";
  }

  @Override
  public Optional<Reason> check(Candidate c) {
    return inForce(c.state(), c.day());
  }

  /** Why {@code state} is not in force on {@code day}, or empty; also what a parent is checked with. */
  static Optional<Reason> inForce(AgreementFacts state, LocalDate day) {
    String id = state.id().toString();
    AgreementStatus status = state.status();
    Optional<AgreementTerminated> termination = state.termination();
    if (termination.isPresent() && !day.isBefore(termination.get().effectiveOn())) {
      return Optional.of(new Reason(TERMINATED, id, "terminated with effect from " + termination.get().effectiveOn(),
          termination.get().effectiveOn()));
    }
    LocalDate ends = state.profile().terms() == null ? null : state.profile().terms().terminationDate();
    if (status == AgreementStatus.EXPIRED || ends != null && day.isAfter(ends)) {
      return Optional.of(new Reason(EXPIRED, id, "expired after its termination date " + ends, ends));
    }
    switch (status) {
      case ACTIVE, TERMINATED -> {
        // TERMINATED here means a termination recorded with a later effective day: in force until then.
        LocalDate effective = state.effectiveDate();
        if (effective != null && day.isBefore(effective)) {
          return Optional.of(new Reason(NOT_YET_EFFECTIVE, id, "executed, effective from " + effective, effective));
        }
        return Optional.empty();
      }
      case REGISTERED -> {
        return Optional.empty();
      }
      case WITHDRAWN -> {
        return Optional.of(new Reason(NOT_YET_EFFECTIVE, id, "withdrawn before it was executed: never in force"));
      }
      default -> {
        if (!state.exigentTransfers().isEmpty()) {
          return Optional.empty();
        }
        return Optional.of(new Reason(NOT_YET_EFFECTIVE, id, "not executed: its status is " + status));
      }
    }
  }
}
