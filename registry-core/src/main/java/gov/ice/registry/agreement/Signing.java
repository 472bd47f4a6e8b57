package gov.ice.registry.agreement;

import static gov.ice.registry.agreement.Checks.notBefore;
import static gov.ice.registry.agreement.Checks.notInFuture;
import static gov.ice.registry.agreement.Checks.requireId;
import static gov.ice.registry.agreement.Checks.requireStatus;

import gov.ice.registry.agreement.api.AgreementDirectory;
import gov.ice.registry.agreement.api.AgreementProfile;
import gov.ice.registry.agreement.api.AgreementRefused;
import gov.ice.registry.agreement.api.AgreementSigned;
import gov.ice.registry.agreement.api.AgreementStatus;
import gov.ice.registry.agreement.api.ExecutedAgreementImported;
import gov.ice.registry.agreement.api.ImportExecutedAgreement;
import gov.ice.registry.agreement.api.RefusalCode;
import gov.ice.registry.agreement.api.SignAgreement;
import gov.ice.registry.agreement.api.SignatureRecord;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Signing a cleared agreement, where the last signature executes it if its executed copy is on
 * file ({@link ExecutedCopyRule}); and registering an
 * agreement executed before the registry existed, with its signatures and last review.
 */
final class Signing {

  private Signing() {}

  static Decided sign(AgreementState state, SignAgreement command, LocalDate today) {
    requireStatus(state, "sign", AgreementStatus.CLEARED);
    SignatureEnforcement.Checked checked = SignatureEnforcement.check(state.profile(), command.signature(), state.signatures(), today);
    Decided decided = new Decided(state)
        .record(new AgreementSigned(command.agreementId(), state.draftVersion(), checked.signature(), checked.rules()));
    return ExecutedCopyRule.executeWhenComplete(decided);
  }

  static Decided importExecuted(ImportExecutedAgreement command, AgreementDirectory directory, LocalDate today) {
    requireId(command.agreementId());
    AgreementProfile profile = command.profile();
    ProfileAssessment assessment = ProfileAssessment.of(profile, directory);
    notInFuture("executedOn", command.executedOn(), today);
    if (command.lastReviewedOn() != null) {
      notInFuture("lastReviewedOn", command.lastReviewedOn(), today);
      notBefore("lastReviewedOn", command.lastReviewedOn(), "executedOn", command.executedOn());
    }
    List<SignatureRecord> signatures = command.signatures() == null ? List.of() : command.signatures();
    if (signatures.isEmpty()) {
      throw new AgreementRefused(RefusalCode.SIGNATURE_INVALID, "an executed agreement is imported with its signatures");
    }
    List<SignatureRecord> accepted = new ArrayList<>();
    for (SignatureRecord signature : signatures) {
      accepted.add(SignatureEnforcement.check(profile, signature, accepted, today).signature());
    }
    if (ScopeRule.processApplies(assessment.scope(), profile)) {
      SignatureEnforcement.requireEvery(profile, accepted);
    }
    LocalDate reviewBase = command.lastReviewedOn() != null
        ? command.lastReviewedOn()
        : AgreementState.effectiveDateOf(profile, command.executedOn());
    return new Decided(AgreementState.none()).record(new ExecutedAgreementImported(command.agreementId(), profile, assessment.scope(),
        assessment.requiredStakeholders(), accepted, command.executedOn(), command.lastReviewedOn(),
        BiennialReview.dueAfter(reviewBase), command.externalReference()));
  }
}
