package gov.ice.registry.agreement;

import static gov.ice.registry.agreement.Checks.notBefore;
import static gov.ice.registry.agreement.Checks.notInFuture;
import static gov.ice.registry.agreement.Checks.requireDate;
import static gov.ice.registry.agreement.Checks.requireStatus;

import gov.ice.registry.agreement.api.AgreementAmended;
import gov.ice.registry.agreement.api.AgreementDirectory;
import gov.ice.registry.agreement.api.AgreementExpired;
import gov.ice.registry.agreement.api.AgreementProfile;
import gov.ice.registry.agreement.api.AgreementRefused;
import gov.ice.registry.agreement.api.AgreementStatus;
import gov.ice.registry.agreement.api.AgreementTerminated;
import gov.ice.registry.agreement.api.AmendAgreement;
import gov.ice.registry.agreement.api.AmendmentProposed;
import gov.ice.registry.agreement.api.BiennialReviewCompleted;
import gov.ice.registry.agreement.api.ErasePersonalData;
import gov.ice.registry.agreement.api.ExpireAgreement;
import gov.ice.registry.agreement.api.PartyName;
import gov.ice.registry.agreement.api.PersonalDataErased;
import gov.ice.registry.agreement.api.RecordBiennialReview;
import gov.ice.registry.agreement.api.RefusalCode;
import gov.ice.registry.agreement.api.RequiredStakeholder;
import gov.ice.registry.agreement.api.RuleId;
import gov.ice.registry.agreement.api.StakeholderOffice;
import gov.ice.registry.agreement.api.TerminateAgreement;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An active agreement's life: biennial reviews, amendments ({@code AMENDMENT_CONSENT}: every
 * party's written consent; newly required stakeholders concur first), termination
 * ({@code TERMINATION_NOTICE}), expiry, and erasure of personal data on a lawful request.
 */
final class Maintenance {

  /** Without mutual consent, termination waits for the notice period of the terms. */
  static final RuleId TERMINATION_NOTICE = RuleId.of("TERMINATION_NOTICE");
  /** An amendment needs the written consent of every party. */
  static final RuleId AMENDMENT_CONSENT = RuleId.of("AMENDMENT_CONSENT");

  private Maintenance() {}

  static Decided review(AgreementState state, RecordBiennialReview command, LocalDate today) {
    requireStatus(state, "record a biennial review", AgreementStatus.ACTIVE);
    if (command.outcome() == null || command.findings() == null) {
      throw new AgreementRefused(RefusalCode.PROFILE_INVALID, "a review records its findings and its outcome");
    }
    notInFuture("reviewedOn", command.reviewedOn(), today);
    notBefore("reviewedOn", command.reviewedOn(), "executedOn", state.executedOn());
    if (state.lastReviewedOn() != null) {
      notBefore("reviewedOn", command.reviewedOn(), "the last review", state.lastReviewedOn());
    }
    return new Decided(state).record(new BiennialReviewCompleted(command.agreementId(), command.reviewedOn(), command.outcome(),
        command.findings(), command.comment(), BiennialReview.dueAfter(command.reviewedOn())));
  }

  static Decided amend(AgreementState state, AmendAgreement command, AgreementDirectory directory, LocalDate today) {
    requireStatus(state, "amend", AgreementStatus.ACTIVE);
    if (state.pendingAmendment().isPresent()) {
      throw new AgreementRefused(RefusalCode.WRONG_STATUS,
          "amendment " + state.pendingAmendment().get().amendmentNumber() + " still awaits stakeholder concurrence");
    }
    var changes = command.changes();
    if (changes == null || (changes.title() == null && changes.categories() == null && changes.dataProfile() == null
        && changes.terms() == null)) {
      throw new AgreementRefused(RefusalCode.PROFILE_INVALID, "an amendment changes at least one part of the agreement");
    }
    notInFuture("amendedOn", command.amendedOn(), today);
    List<String> consented = command.consentedBy() == null ? List.of() : command.consentedBy();
    List<String> missing = state.profile().parties().stream()
        .map(p -> p.name())
        .filter(name -> consented.stream().noneMatch(c -> c != null && PartyName.of(c).matches(PartyName.of(name))))
        .toList();
    if (!missing.isEmpty()) {
      throw AgreementRefused.under(RefusalCode.CONSENT_MISSING,
          "an amendment needs the written consent of every party; missing: " + String.join(", ", missing), List.of(AMENDMENT_CONSENT));
    }
    AgreementProfile amended = changes.applyTo(state.profile());
    ProfileAssessment assessment = ProfileAssessment.of(amended, directory);
    Set<StakeholderOffice> already = state.requiredStakeholders().stream().map(RequiredStakeholder::office)
        .collect(Collectors.toSet());
    List<RequiredStakeholder> newlyRequired = assessment.requiredStakeholders().stream()
        .filter(s -> !already.contains(s.office()))
        .toList();
    int number = state.amendments() + 1;
    int version = state.draftVersion() + 1;
    Decided decided = new Decided(state);
    if (newlyRequired.isEmpty()) {
      return decided.record(new AgreementAmended(command.agreementId(), number, version, amended, assessment.scope(),
          assessment.requiredStakeholders(), consented, command.amendedOn()));
    }
    return decided.record(new AmendmentProposed(command.agreementId(), number, version, changes, consented, command.amendedOn(),
        newlyRequired));
  }

  /** The pending amendment takes effect once the stakeholders it newly requires have concurred. */
  static void amendmentTakesEffect(Decided decided, AgreementDirectory directory) {
    AgreementState state = decided.state();
    AmendmentProposed pending = state.pendingAmendment().orElseThrow();
    AgreementProfile amended = pending.changes().applyTo(state.profile());
    ProfileAssessment assessment = ProfileAssessment.of(amended, directory);
    decided.record(new AgreementAmended(state.id(), pending.amendmentNumber(), pending.draftVersion(), amended, assessment.scope(),
        assessment.requiredStakeholders(), pending.consentedBy(), pending.amendedOn()));
  }

  static Decided terminate(AgreementState state, TerminateAgreement command, LocalDate today) {
    requireStatus(state, "terminate", AgreementStatus.ACTIVE);
    if (command.reason() == null || command.reason().isBlank()) {
      throw new AgreementRefused(RefusalCode.PROFILE_INVALID, "a termination states its reason");
    }
    notInFuture("noticeGivenOn", command.noticeGivenOn(), today);
    requireDate("effectiveOn", command.effectiveOn());
    notBefore("effectiveOn", command.effectiveOn(), "noticeGivenOn", command.noticeGivenOn());
    Integer noticeDays = state.profile().terms() == null ? null : state.profile().terms().terminationNoticeDays();
    if (!command.mutual() && noticeDays != null && command.effectiveOn().isBefore(command.noticeGivenOn().plusDays(noticeDays))) {
      throw AgreementRefused.under(RefusalCode.NOTICE_PERIOD_NOT_MET,
          "without mutual consent, termination takes effect no sooner than " + noticeDays + " days after written notice, on "
              + command.noticeGivenOn().plusDays(noticeDays),
          List.of(TERMINATION_NOTICE));
    }
    return new Decided(state).record(new AgreementTerminated(command.agreementId(), command.reason(), command.noticeGivenOn(),
        command.effectiveOn(), command.mutual()));
  }

  static Decided expire(AgreementState state, ExpireAgreement command) {
    LocalDate terminationDate = state.profile().terms() == null ? null : state.profile().terms().terminationDate();
    if (state.status() != AgreementStatus.ACTIVE || terminationDate == null || command.asOf() == null
        || !command.asOf().isAfter(terminationDate)) {
      throw new AgreementRefused(RefusalCode.NOT_DUE, "the agreement is not active past its termination date");
    }
    return new Decided(state).record(new AgreementExpired(command.agreementId(), terminationDate, command.asOf()));
  }

  static Decided erasePersonalData(AgreementState state, ErasePersonalData command) {
    if (command.reason() == null || command.reason().isBlank() || command.requestReference() == null
        || command.requestReference().isBlank()) {
      throw new AgreementRefused(RefusalCode.PROFILE_INVALID, "an erasure states its legal reason and the request it answers");
    }
    // Everything recorded so far (the agreement's version is its number of events, so the next
    // sequence number); personal data recorded later needs a request of its own.
    return new Decided(state).record(new PersonalDataErased(command.agreementId(), command.reason(), command.requestReference(),
        state.version()));
  }
}
