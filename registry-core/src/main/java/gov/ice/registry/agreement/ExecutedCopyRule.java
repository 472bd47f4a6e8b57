package gov.ice.registry.agreement;

import gov.ice.registry.agreement.api.AgreementExecuted;
import gov.ice.registry.agreement.api.RuleId;
import gov.ice.registry.agreement.api.SignatureRecord;
import java.time.LocalDate;

/**
 * {@code EXECUTED_COPY_ON_FILE}: an agreement drafted in the registry becomes ACTIVE only when every
 * signature is given and its executed copy ({@code EXECUTED_COPY}) is attached, whichever comes
 * last. The handbook's repository keeps the executed ISAA itself, so "active" means IGP holds the
 * signed paper. The agreement is executed on the day of its last signature, not the day the copy
 * arrived: that is the day the parties bound themselves. Agreements imported as already executed
 * are outside the rule; they may arrive without a copy and are listed as such.
 */
final class ExecutedCopyRule {

  static final RuleId ID = RuleId.of("EXECUTED_COPY_ON_FILE");

  private ExecutedCopyRule() {}

  /**
   * Records the execution once the state after the events decided so far is a cleared agreement
   * with every signature and its executed copy; otherwise nothing.
   */
  static Decided executeWhenComplete(Decided decided) {
    AgreementState s = decided.state();
    if (s.status() != gov.ice.registry.agreement.api.AgreementStatus.CLEARED || s.signatures().isEmpty()
        || !SignatureEnforcement.missing(s.profile(), s.signatures()).isEmpty() || !s.hasExecutedCopy()) {
      return decided;
    }
    LocalDate executedOn = s.signatures().stream().map(SignatureRecord::signedOn).max(LocalDate::compareTo).orElseThrow();
    LocalDate effective = AgreementState.effectiveDateOf(s.profile(), executedOn);
    return decided.record(new AgreementExecuted(s.id(), s.draftVersion(), executedOn, effective, BiennialReview.dueAfter(effective)));
  }
}
