package gov.ice.registry.agreement;

import static gov.ice.registry.agreement.Checks.requireStatus;

import gov.ice.registry.agreement.api.AgreementDirectory;
import gov.ice.registry.agreement.api.AgreementRefused;
import gov.ice.registry.agreement.api.AgreementStatus;
import gov.ice.registry.agreement.api.Concurrence;
import gov.ice.registry.agreement.api.ConcurrenceDecision;
import gov.ice.registry.agreement.api.DisputeLevel;
import gov.ice.registry.agreement.api.DisputeRaised;
import gov.ice.registry.agreement.api.DisputeResolved;
import gov.ice.registry.agreement.api.RaiseDispute;
import gov.ice.registry.agreement.api.RecordConcurrence;
import gov.ice.registry.agreement.api.RefusalCode;
import gov.ice.registry.agreement.api.RequiredStakeholder;
import gov.ice.registry.agreement.api.RuleId;
import gov.ice.registry.agreement.api.ResolveDispute;
import gov.ice.registry.agreement.api.StakeholderConcurred;
import gov.ice.registry.agreement.api.StakeholderNonConcurred;
import gov.ice.registry.agreement.api.StakeholderOffice;
import java.util.List;

/**
 * Key Stakeholders' concurrence on a draft version (or on an amendment that newly requires
 * them), and disputes over standing non-concurrences ({@code SECTION_XI}): program AD, then
 * directorates, then the ICE Director, who decides.
 */
final class ConcurrenceAndDisputes {

  static final List<RuleId> SECTION_XI = List.of(RuleId.of("SECTION_XI"));
  /**
   * Section XI's ladder: a dispute starts at the program AD, each escalation climbs one level
   * (directorates, then the Director), and only the Director, once it has the dispute, decides it.
   */
  static final List<RuleId> SECTION_XI_LADDER = List.of(RuleId.of("SECTION_XI_LADDER"));

  private ConcurrenceAndDisputes() {}

  static Decided record(AgreementState state, RecordConcurrence command, AgreementDirectory directory) {
    if (command.office() == null || command.decision() == null) {
      throw new AgreementRefused(RefusalCode.PROFILE_INVALID, "a concurrence names the office and its decision");
    }
    boolean onAmendment = state.pendingAmendment().isPresent();
    if (!onAmendment) {
      requireStatus(state, "record a concurrence", AgreementStatus.DRAFT);
    }
    if (command.draftVersion() != state.draftVersion()) {
      throw new AgreementRefused(RefusalCode.STALE_DRAFT_VERSION,
          "the current draft version is " + state.draftVersion() + ", not " + command.draftVersion());
    }
    List<RuleId> rules = (onAmendment
        ? state.pendingAmendment().get().pendingStakeholders().stream().filter(s -> s.office() == command.office()).findFirst()
        : state.requirementOf(command.office()))
        .map(RequiredStakeholder::rules)
        .orElseThrow(() -> new AgreementRefused(RefusalCode.STAKEHOLDER_NOT_REQUIRED,
            command.office() + " is not a stakeholder this " + (onAmendment ? "amendment" : "draft") + " requires"));
    Decided decided = new Decided(state);
    Concurrence previous = state.concurrences().get(command.office());
    if (previous != null && previous.decision() == command.decision() && previous.draftVersion() == command.draftVersion()) {
      return decided; // The same decision on the same version is recorded once.
    }
    if (command.decision() == ConcurrenceDecision.NON_CONCUR) {
      return decided.record(new StakeholderNonConcurred(command.agreementId(), command.office(), command.draftVersion(),
          command.comment(), rules, state.draftTextOf(command.draftVersion()).orElse(null)));
    }
    decided.record(new StakeholderConcurred(command.agreementId(), command.office(), command.draftVersion(), command.comment(), rules,
        state.draftTextOf(command.draftVersion()).orElse(null)));
    if (onAmendment && decided.state().pendingAmendmentHasEveryConcurrence()) {
      Maintenance.amendmentTakesEffect(decided, directory);
    }
    return decided;
  }

  static Decided raise(AgreementState state, RaiseDispute command) {
    requireStatus(state, "raise a dispute", AgreementStatus.DRAFT);
    if (command.level() == null) {
      throw new AgreementRefused(RefusalCode.PROFILE_INVALID, "a dispute names its level");
    }
    List<StakeholderOffice> objecting = state.standingNonConcurrences();
    if (objecting.isEmpty()) {
      throw AgreementRefused.under(RefusalCode.DISPUTE_STATE, "no non-concurrence stands on the current draft version", SECTION_XI);
    }
    state.openDispute().ifPresent(open -> {
      if (command.level().compareTo(open.level()) <= 0) {
        throw AgreementRefused.under(RefusalCode.DISPUTE_STATE,
            "the dispute is already open at " + open.level() + "; it can only be escalated higher", SECTION_XI);
      }
    });
    DisputeLevel next = state.openDispute().map(open -> oneAbove(open.level())).orElse(DisputeLevel.PROGRAM_AD);
    if (command.level() != next) {
      throw AgreementRefused.under(RefusalCode.DISPUTE_STATE, state.openDispute()
          .map(open -> "the dispute is open at " + open.level() + "; it escalates to " + next + " next, not " + command.level())
          .orElse("a dispute starts at " + DisputeLevel.PROGRAM_AD + ", not " + command.level()), SECTION_XI_LADDER);
    }
    return new Decided(state).record(new DisputeRaised(command.agreementId(), command.level(), command.summary(),
        state.draftVersion(), objecting));
  }

  static Decided resolve(AgreementState state, ResolveDispute command) {
    DisputeRaised open = state.openDispute().orElseThrow(() ->
        AgreementRefused.under(RefusalCode.DISPUTE_STATE, "there is no open dispute to decide", SECTION_XI));
    if (command.decision() == null) {
      throw new AgreementRefused(RefusalCode.PROFILE_INVALID, "a dispute resolution names its decision");
    }
    if (open.level() != DisputeLevel.DIRECTOR) {
      throw AgreementRefused.under(RefusalCode.DISPUTE_STATE, "the Director decides a dispute once it has been escalated to "
          + DisputeLevel.DIRECTOR + "; it is open at " + open.level(), SECTION_XI_LADDER);
    }
    return new Decided(state).record(new DisputeResolved(command.agreementId(), command.decision(), command.rationale(),
        state.draftVersion(), open.objectingOffices()));
  }

  /** The level a dispute open at {@code level} escalates to; nothing is above the Director. */
  private static DisputeLevel oneAbove(DisputeLevel level) {
    DisputeLevel[] levels = DisputeLevel.values();
    return level.ordinal() + 1 < levels.length ? levels[level.ordinal() + 1] : level;
  }
}
