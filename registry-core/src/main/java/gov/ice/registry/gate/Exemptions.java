package gov.ice.registry.gate;

import gov.ice.registry.agreement.AgreementFacts;
import gov.ice.registry.agreement.api.AgreementStatus;
import gov.ice.registry.agreement.api.Exemption;
import gov.ice.registry.agreement.api.ExigentTransfer;
import gov.ice.registry.gate.GateDecision.Reason;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;

/**
 * Appendix B exemptions the registry can decide: liaison, ISA, ICA and SLA instruments (9, 12, 13,
 * 14) through their parent ISAA in force; exigent sharing (10) only with the recorded recipient,
 * through the memorialization deadline (five business days, federal holidays excluded) or while a
 * later memorialization is approved. The other exemptions need a case-by-case judgement: the gate
 * does not decide them, and denies (its advice names the exemption).
 */
final class Exemptions {

  static final Set<Integer> THROUGH_PARENT = Set.of(9, 12, 13, 14);
  static final int EXIGENT = 10;

  private Exemptions() {}

  static Optional<Exemption> of(Candidate c) {
    return Optional.ofNullable(c.profile().exemption());
  }

  static final class ThroughParent implements GateRule {
    @Override
    public String id() {
      return "PARENT_NOT_ACTIVE";
    }

    @Override
    public Optional<Reason> check(Candidate c) {
      Optional<Exemption> exemption = of(c).filter(e -> THROUGH_PARENT.contains(e.number().value()));
      if (exemption.isEmpty() || c.state().status() != AgreementStatus.REGISTERED) {
        return Optional.empty();
      }
      String parentId = exemption.get().parentAgreementId();
      Optional<AgreementFacts> parent = parentId == null ? Optional.empty() : c.stateOf().apply(parentId);
      if (parent.isEmpty()) {
        return Optional.of(new Reason(id(), c.agreementId(), "exemption " + exemption.get().number().value() + " rests on parent "
            + parentId + ", which the registry did not hold then"));
      }
      return AgreementInForce.inForce(parent.get(), c.day())
          .map(r -> new Reason(id(), c.agreementId(), "exemption " + exemption.get().number().value() + " rests on parent " + parentId
              + ", which is not in force: " + r.detail(), r.date()));
    }
  }

  /** Exigent sharing before an agreement exists: only with its recorded recipient, only within the window. */
  static final class ExigentWindow implements GateRule {
    @Override
    public String id() {
      return "EXIGENT_WINDOW_CLOSED";
    }

    @Override
    public Optional<Reason> check(Candidate c) {
      AgreementFacts s = c.state();
      boolean executed = s.status() == AgreementStatus.ACTIVE || s.status() == AgreementStatus.TERMINATED;
      if (executed || s.exigentTransfers().isEmpty()) {
        return Optional.empty();
      }
      ExigentTransfer last = s.exigentTransfers().stream().max(Comparator.comparing(ExigentTransfer::transferredOn)).orElseThrow();
      if (last.laterMemorializationApprovedBy() != null) {
        return Optional.empty();
      }
      LocalDate deadline = last.memorializationDeadline();
      if (c.day().isAfter(deadline)) {
        return Optional.of(new Reason(id(), c.agreementId(), "the exigent transfer of " + last.transferredOn() + " had to be "
            + "memorialized by " + deadline + "; the agreement is not executed", deadline));
      }
      if (c.day().isBefore(last.transferredOn())) {
        return Optional.of(new Reason(id(), c.agreementId(), "the exigent window opens with the transfer on " + last.transferredOn(),
            last.transferredOn()));
      }
      return Optional.empty();
    }
  }

  /** A registered exemption the gate cannot decide (not through a parent, not exigent). */
  static final class NeedsJudgement implements GateRule {
    @Override
    public String id() {
      return "NO_COVERING_AGREEMENT";
    }

    @Override
    public Optional<Reason> check(Candidate c) {
      if (c.state().status() != AgreementStatus.REGISTERED) {
        return Optional.empty();
      }
      Optional<Exemption> exemption = of(c);
      int number = exemption.map(e -> e.number().value()).orElse(0);
      if (THROUGH_PARENT.contains(number) || number == EXIGENT && !c.state().exigentTransfers().isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new Reason(id(), c.agreementId(), exemption.isPresent()
          ? "registered under exemption " + number + ", which needs a case-by-case judgement the gate does not make"
          : "registered out of scope: not an agreement to share under"));
    }
  }
}
