package gov.ice.registry.agreement;

import static gov.ice.registry.agreement.Checks.requireStatus;

import gov.ice.registry.agreement.api.AgreementRefused;
import gov.ice.registry.agreement.api.AgreementStatus;
import gov.ice.registry.agreement.api.Handling;
import gov.ice.registry.agreement.api.Marking;
import gov.ice.registry.agreement.api.RefusalCode;
import gov.ice.registry.agreement.api.HandlingMarked;
import gov.ice.registry.agreement.api.MarkHandling;
import gov.ice.registry.agreement.api.StakeholderOffice;
import java.util.List;

/**
 * Handling markings designated after the draft: the program office designates, OPR SD SMOU
 * confirms by concurring (rule S4). New markings make its earlier concurrence stale, so the
 * clearance waits for it again; on an executed agreement there is no concurrence to wait for,
 * and the change stands as designated.
 */
final class HandlingMarkings {

  static final StakeholderOffice CONFIRMING_OFFICE = StakeholderOffice.OPR_SD_SMOU;

  private HandlingMarkings() {}

  static Decided mark(AgreementState state, MarkHandling command) {
    requireStatus(state, "designate handling markings", AgreementStatus.DRAFT, AgreementStatus.REGISTERED,
        AgreementStatus.ESCALATED_TO_DHS, AgreementStatus.ACTIVE);
    Marking marking = state.profile().marking();
    if (command.marking() != null && command.marking() != marking) {
      throw new AgreementRefused(RefusalCode.PROFILE_INVALID, "the marking is " + marking + "; a new marking ("
          + command.marking() + ") decides the stakeholders and is made by revising the draft");
    }
    HandlingRule.check(marking, command.handling() == null ? Handling.none() : command.handling());
    boolean beforeClearance = state.status() != AgreementStatus.ACTIVE;
    List<StakeholderOffice> stale = beforeClearance && state.concurredOn(CONFIRMING_OFFICE, state.draftVersion())
        ? List.of(CONFIRMING_OFFICE) : List.of();
    return new Decided(state).record(new HandlingMarked(command.agreementId(), state.draftVersion(),
        command.handling() == null ? Handling.none() : command.handling(), stale));
  }
}
