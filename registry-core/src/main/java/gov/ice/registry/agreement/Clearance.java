package gov.ice.registry.agreement;

import static gov.ice.registry.agreement.Checks.requireStatus;

import gov.ice.registry.agreement.api.AgreementCleared;
import gov.ice.registry.agreement.api.AgreementRefused;
import gov.ice.registry.agreement.api.AgreementStatus;
import gov.ice.registry.agreement.api.ClearanceDecision;
import gov.ice.registry.agreement.api.ClearanceGranted;
import gov.ice.registry.agreement.api.ClearanceRequested;
import gov.ice.registry.agreement.api.ClearanceReturned;
import gov.ice.registry.agreement.api.CompleteLegalReview;
import gov.ice.registry.agreement.api.DecideClearance;
import gov.ice.registry.agreement.api.LegalReviewCompleted;
import gov.ice.registry.agreement.api.RefusalCode;
import gov.ice.registry.agreement.api.RequestClearance;
import gov.ice.registry.agreement.api.RequiredStakeholder;
import gov.ice.registry.agreement.api.RuleId;
import gov.ice.registry.agreement.api.StakeholderOffice;
import java.util.List;

/**
 * Clearance: the program office requests it once the baseline is complete and every required
 * stakeholder concurs on the current version; IGP clears or returns it, and where S8 or S9 apply
 * OPLA's legal sufficiency review is needed too, in either order.
 */
final class Clearance {

  /** Where these apply, OPLA reviews legal sufficiency. */
  static final List<RuleId> LEGAL_REVIEW_RULES = List.of(StakeholderRule.S8.id(), StakeholderRule.S9.id());

  private Clearance() {}

  static Decided request(AgreementState state, RequestClearance command) {
    requireStatus(state, "request clearance", AgreementStatus.DRAFT);
    var gaps = BaselineElement.gapsIn(state.profile());
    if (!gaps.isEmpty()) {
      StringBuilder detail = new StringBuilder("the terms lack elements of the standard baseline:");
      gaps.forEach((element, fields) -> detail.append(' ').append(element.id()).append(" (").append(element.name())
          .append(": missing ").append(String.join(", ", fields)).append(");"));
      throw AgreementRefused.under(RefusalCode.BASELINE_INCOMPLETE, detail.toString(),
          gaps.keySet().stream().map(BaselineElement::id).toList());
    }
    if (state.openDispute().isPresent()) {
      throw AgreementRefused.under(RefusalCode.DISPUTE_STATE, "a dispute is open; the ICE Director decides it first",
          ConcurrenceAndDisputes.SECTION_XI);
    }
    List<StakeholderOffice> objecting = state.standingNonConcurrences();
    if (!objecting.isEmpty()) {
      throw AgreementRefused.under(RefusalCode.NON_CONCURRENCE_OPEN,
          "non-concurrence stands from " + objecting + "; withdraw it by concurring, or resolve it by dispute",
          rulesOf(state, objecting));
    }
    List<RequiredStakeholder> missing = state.concurrencesStillNeeded();
    if (!missing.isEmpty()) {
      throw AgreementRefused.under(RefusalCode.CONCURRENCE_MISSING,
          "draft version " + state.draftVersion() + " still needs the concurrence of "
              + missing.stream().map(RequiredStakeholder::office).toList(),
          missing.stream().flatMap(s -> s.rules().stream()).distinct().sorted().toList());
    }
    return new Decided(state).record(new ClearanceRequested(command.agreementId(), state.draftVersion()));
  }

  static Decided decide(AgreementState state, DecideClearance command) {
    requireStatus(state, "decide clearance", AgreementStatus.IN_CLEARANCE);
    if (command.decision() == null) {
      throw new AgreementRefused(RefusalCode.PROFILE_INVALID, "a clearance decision is CLEARED or RETURNED");
    }
    Decided decided = new Decided(state);
    if (command.decision() == ClearanceDecision.RETURNED) {
      return decided.record(new ClearanceReturned(command.agreementId(), state.draftVersion(), command.comment()));
    }
    if (state.igpCleared()) {
      throw AgreementRefused.under(RefusalCode.WRONG_STATUS, "IGP has cleared this version; OPLA's legal review is awaited",
          LEGAL_REVIEW_RULES);
    }
    decided.record(new ClearanceGranted(command.agreementId(), state.draftVersion(), command.comment(),
        state.draftTextOf(state.draftVersion()).orElse(null)));
    return clearWhenComplete(decided);
  }

  static Decided completeLegalReview(AgreementState state, CompleteLegalReview command) {
    requireStatus(state, "complete the legal review", AgreementStatus.IN_CLEARANCE);
    if (!state.legalReviewRequired()) {
      throw AgreementRefused.under(RefusalCode.STAKEHOLDER_NOT_REQUIRED,
          "OPLA's legal sufficiency review is required only where S8 or S9 apply", LEGAL_REVIEW_RULES);
    }
    if (state.legallySufficient().orElse(false)) {
      throw new AgreementRefused(RefusalCode.WRONG_STATUS, "OPLA has already found this version legally sufficient");
    }
    Decided decided = new Decided(state)
        .record(new LegalReviewCompleted(command.agreementId(), state.draftVersion(), command.legallySufficient(), command.comment(),
            state.draftTextOf(state.draftVersion()).orElse(null)));
    return command.legallySufficient() ? clearWhenComplete(decided) : decided;
  }

  private static Decided clearWhenComplete(Decided decided) {
    AgreementState state = decided.state();
    if (state.igpCleared() && (!state.legalReviewRequired() || state.legallySufficient().orElse(false))) {
      decided.record(new AgreementCleared(state.id(), state.draftVersion(), state.legalReviewRequired()
          ? state.requirementOf(StakeholderOffice.OPLA).map(RequiredStakeholder::rules).orElse(List.of())
          : List.of()));
    }
    return decided;
  }

  private static List<RuleId> rulesOf(AgreementState state, List<StakeholderOffice> offices) {
    return offices.stream()
        .flatMap(o -> state.requirementOf(o).map(RequiredStakeholder::rules).orElse(List.of()).stream())
        .distinct()
        .sorted()
        .toList();
  }
}
