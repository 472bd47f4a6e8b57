package gov.ice.registry.agreement;

import static gov.ice.registry.agreement.Checks.requireId;
import static gov.ice.registry.agreement.Checks.requireStatus;

import gov.ice.registry.agreement.api.AgreementDirectory;
import gov.ice.registry.agreement.api.AgreementDrafted;
import gov.ice.registry.agreement.api.AgreementEscalatedToDhs;
import gov.ice.registry.agreement.api.AgreementStatus;
import gov.ice.registry.agreement.api.AgreementWithdrawn;
import gov.ice.registry.agreement.api.Concurrence;
import gov.ice.registry.agreement.api.ConcurrenceDecision;
import gov.ice.registry.agreement.api.DraftAgreement;
import gov.ice.registry.agreement.api.DraftRevised;
import gov.ice.registry.agreement.api.ReviseDraft;
import gov.ice.registry.agreement.api.Scope;
import gov.ice.registry.agreement.api.StakeholderOffice;
import gov.ice.registry.agreement.api.WithdrawAgreement;
import java.util.List;

/** Drafting: the first draft, its revisions, escalation of DHS-level agreements, withdrawal. */
final class Drafting {

  private Drafting() {}

  static Decided draft(DraftAgreement command, AgreementDirectory directory) {
    requireId(command.agreementId());
    ProfileAssessment assessment = ProfileAssessment.of(command.profile(), directory);
    Decided decided = new Decided(AgreementState.none())
        .record(new AgreementDrafted(command.agreementId(), 1, command.profile(), assessment.scope(), assessment.requiredStakeholders()));
    return escalateWhenDhsLevel(decided, assessment);
  }

  /** A new version: concurrences on the one it replaces become stale. */
  static Decided revise(AgreementState state, ReviseDraft command, AgreementDirectory directory) {
    requireStatus(state, "revise the draft", AgreementStatus.DRAFT, AgreementStatus.REGISTERED);
    ProfileAssessment assessment = ProfileAssessment.of(command.profile(), directory);
    int next = state.draftVersion() + 1;
    List<StakeholderOffice> stale = state.concurrences().values().stream()
        .filter(c -> c.decision() == ConcurrenceDecision.CONCUR && c.draftVersion() == state.draftVersion())
        .map(Concurrence::office)
        .toList();
    Decided decided = new Decided(state)
        .record(new DraftRevised(command.agreementId(), next, command.profile(), assessment.scope(), assessment.requiredStakeholders(), stale));
    return escalateWhenDhsLevel(decided, assessment);
  }

  static Decided withdraw(AgreementState state, WithdrawAgreement command) {
    requireStatus(state, "withdraw", AgreementStatus.DRAFT, AgreementStatus.IN_CLEARANCE, AgreementStatus.CLEARED,
        AgreementStatus.REGISTERED, AgreementStatus.ESCALATED_TO_DHS);
    return new Decided(state).record(new AgreementWithdrawn(command.agreementId(), state.status(), command.reason()));
  }

  private static Decided escalateWhenDhsLevel(Decided decided, ProfileAssessment assessment) {
    if (assessment.scope() == Scope.DHS_LEVEL) {
      AgreementState state = decided.state();
      decided.record(new AgreementEscalatedToDhs(state.id(), state.draftVersion(), List.of(ScopeRule.DHS_LEVEL.id()),
          ScopeRule.DHS_LEVEL.reason()));
    }
    return decided;
  }
}
