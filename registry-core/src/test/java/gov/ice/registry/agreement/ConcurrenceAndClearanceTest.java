package gov.ice.registry.agreement;

import static gov.ice.registry.agreement.AgreementFixtures.privateSector;
import static gov.ice.registry.agreement.AgreementFixtures.profile;
import static gov.ice.registry.agreement.AgreementFixtures.profileWith;
import static gov.ice.registry.agreement.AgreementFixtures.ruleIds;
import static gov.ice.registry.agreement.AgreementFixtures.terms;
import static gov.ice.registry.agreement.AgreementFixtures.withParties;
import static gov.ice.registry.agreement.AgreementFixtures.withTerms;
import static org.assertj.core.api.Assertions.assertThat;

import gov.ice.registry.agreement.api.AgreementCleared;
import gov.ice.registry.agreement.api.AgreementProfile;
import gov.ice.registry.agreement.api.AgreementStatus;
import gov.ice.registry.agreement.api.ClearanceDecision;
import gov.ice.registry.agreement.api.ClearanceGranted;
import gov.ice.registry.agreement.api.ClearanceRequested;
import gov.ice.registry.agreement.api.ClearanceReturned;
import gov.ice.registry.agreement.api.CompleteLegalReview;
import gov.ice.registry.agreement.api.ConcurrenceDecision;
import gov.ice.registry.agreement.api.DecideClearance;
import gov.ice.registry.agreement.api.DisputeDecision;
import gov.ice.registry.agreement.api.DisputeLevel;
import gov.ice.registry.agreement.api.DisputeRaised;
import gov.ice.registry.agreement.api.DisputeResolved;
import gov.ice.registry.agreement.api.LegalReviewCompleted;
import gov.ice.registry.agreement.api.RaiseDispute;
import gov.ice.registry.agreement.api.RecordConcurrence;
import gov.ice.registry.agreement.api.RefusalCode;
import gov.ice.registry.agreement.api.RequestClearance;
import gov.ice.registry.agreement.api.ResolveDispute;
import gov.ice.registry.agreement.api.ReviseDraft;
import gov.ice.registry.agreement.api.StakeholderConcurred;
import gov.ice.registry.agreement.api.StakeholderNonConcurred;
import gov.ice.registry.agreement.api.StakeholderOffice;
import java.util.List;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ConcurrenceAndClearanceTest extends AgreementTestSupport {

  private static RecordConcurrence concur(StakeholderOffice office, int version) {
    return new RecordConcurrence(ID, office, ConcurrenceDecision.CONCUR, version, "concur");
  }

  private static RecordConcurrence object(StakeholderOffice office) {
    return new RecordConcurrence(ID, office, ConcurrenceDecision.NON_CONCUR, 1, "retention is too long");
  }

  /** Everyone concurs on version 1 but OPR, which objects. */
  private static List<Object> oprObjects() {
    List<Object> given = plus(drafted(), concurrences(profile(), 1).stream()
        .filter(c -> ((RecordConcurrence) c).office() != StakeholderOffice.OPR).toList());
    return plus(given, object(StakeholderOffice.OPR));
  }

  @Test
  @DisplayName("S3: a required stakeholder's concurrence names the version it approves and the rules behind it")
  void recordsAConcurrenceOnTheCurrentVersion() {
    fixture.given(history(drafted()))
        .when(concur(StakeholderOffice.IGP_PRIVACY, 1))
        .expectEvents(new StakeholderConcurred(ID, StakeholderOffice.IGP_PRIVACY, 1, "concur", ruleIds("S3")));
  }

  @Test
  void refusesAConcurrenceOnAStaleVersion() {
    fixture.given(history(plus(drafted(), new ReviseDraft(ID, profile()))))
        .when(concur(StakeholderOffice.IGP, 1))
        .expectException(refused(RefusalCode.STALE_DRAFT_VERSION))
        .expectNoEvents();
  }

  @Test
  @DisplayName("S10: OCIO is not required without an IT interconnection, so its concurrence is refused")
  void refusesAConcurrenceFromAnOfficeTheDraftDoesNotRequire() {
    fixture.given(history(drafted()))
        .when(concur(StakeholderOffice.OCIO, 1))
        .expectException(refused(RefusalCode.STAKEHOLDER_NOT_REQUIRED))
        .expectNoEvents();
  }

  @Test
  void recordsTheSameDecisionOnTheSameVersionOnce() {
    fixture.given(history(plus(drafted(), concur(StakeholderOffice.IGP, 1))))
        .when(concur(StakeholderOffice.IGP, 1))
        .expectSuccessfulHandlerExecution()
        .expectNoEvents();
  }

  @Test
  @DisplayName("S1-S4: clearance needs every required stakeholder's concurrence on the current version")
  void refusesClearanceWhileConcurrencesAreMissing() {
    fixture.given(history(plus(drafted(), concur(StakeholderOffice.IGP, 1), concur(StakeholderOffice.OPP, 1))))
        .when(new RequestClearance(ID))
        .expectException(refused(RefusalCode.CONCURRENCE_MISSING, "S2", "S3", "S4"))
        .expectNoEvents();
  }

  @Test
  void requestsClearanceWithEveryConcurrence() {
    fixture.given(history(readyForClearance()))
        .when(new RequestClearance(ID))
        .expectEvents(new ClearanceRequested(ID, 1))
        .expectState(agreement -> assertThat(agreement.state().status()).isEqualTo(AgreementStatus.IN_CLEARANCE));
  }

  @Test
  @DisplayName("S3: a non-concurrence blocks clearance and the refusal cites the rules behind the objecting office")
  void nonConcurrenceBlocksClearance() {
    fixture.given(history(oprObjects()))
        .when(new RequestClearance(ID))
        .expectException(refused(RefusalCode.NON_CONCURRENCE_OPEN, "S3"))
        .expectNoEvents();
  }

  @Test
  void concurringLaterWithdrawsTheNonConcurrence() {
    fixture.given(history(plus(oprObjects(), concur(StakeholderOffice.OPR, 1))))
        .when(new RequestClearance(ID))
        .expectEvents(new ClearanceRequested(ID, 1));
  }

  @Test
  void recordsANonConcurrence() {
    fixture.given(history(drafted()))
        .when(object(StakeholderOffice.OPR))
        .expectEvents(new StakeholderNonConcurred(ID, StakeholderOffice.OPR, 1, "retention is too long", ruleIds("S3")));
  }

  @Test
  @DisplayName("SECTION_XI: there is nothing to dispute without a standing non-concurrence")
  void refusesADisputeWithoutNonConcurrence() {
    fixture.given(history(drafted()))
        .when(new RaiseDispute(ID, DisputeLevel.PROGRAM_AD, "nothing"))
        .expectException(refused(RefusalCode.DISPUTE_STATE, "SECTION_XI"));
  }

  @Test
  @DisplayName("SECTION_XI: a dispute is raised at the program AD level over the objecting offices")
  void raisesADispute() {
    fixture.given(history(oprObjects()))
        .when(new RaiseDispute(ID, DisputeLevel.PROGRAM_AD, "OPR objects to the retention period"))
        .expectEvents(new DisputeRaised(ID, DisputeLevel.PROGRAM_AD, "OPR objects to the retention period", 1,
            List.of(StakeholderOffice.OPR)));
  }

  @Test
  @DisplayName("SECTION_XI: a dispute only climbs: program AD, then directorates, then the Director")
  void disputesOnlyEscalateUpwards() {
    List<Object> atDirectorate = plus(oprObjects(), new RaiseDispute(ID, DisputeLevel.PROGRAM_AD, "first"),
        new RaiseDispute(ID, DisputeLevel.DIRECTORATE, "escalated"));
    fixture.given(history(atDirectorate))
        .when(new RaiseDispute(ID, DisputeLevel.PROGRAM_AD, "back down"))
        .expectException(refused(RefusalCode.DISPUTE_STATE, "SECTION_XI"));
  }

  /** OPR objects, and the dispute climbs the whole ladder to the Director. */
  private static List<Object> atTheDirector() {
    return plus(oprObjects(), new RaiseDispute(ID, DisputeLevel.PROGRAM_AD, "at the program AD"),
        new RaiseDispute(ID, DisputeLevel.DIRECTORATE, "to the directorates"),
        new RaiseDispute(ID, DisputeLevel.DIRECTOR, "to the Director"));
  }

  @Test
  @DisplayName("SECTION_XI_LADDER: a dispute starts at the program AD, not higher")
  void refusesADisputeStartingAboveTheProgramAd() {
    fixture.given(history(oprObjects()))
        .when(new RaiseDispute(ID, DisputeLevel.DIRECTOR, "straight to the Director"))
        .expectException(refused(RefusalCode.DISPUTE_STATE, "SECTION_XI_LADDER"));
    fixture.given(history(oprObjects()))
        .when(new RaiseDispute(ID, DisputeLevel.DIRECTORATE, "straight to the directorates"))
        .expectException(refused(RefusalCode.DISPUTE_STATE, "SECTION_XI_LADDER"));
  }

  @Test
  @DisplayName("SECTION_XI_LADDER: an escalation climbs one level, never two")
  void refusesSkippingTheDirectorates() {
    fixture.given(history(plus(oprObjects(), new RaiseDispute(ID, DisputeLevel.PROGRAM_AD, "first"))))
        .when(new RaiseDispute(ID, DisputeLevel.DIRECTOR, "skip the directorates"))
        .expectException(refused(RefusalCode.DISPUTE_STATE, "SECTION_XI_LADDER"));
  }

  @Test
  @DisplayName("SECTION_XI_LADDER: each escalation is recorded at the next level")
  void escalatesOneLevelAtATime() {
    fixture.given(history(plus(oprObjects(), new RaiseDispute(ID, DisputeLevel.PROGRAM_AD, "first"))))
        .when(new RaiseDispute(ID, DisputeLevel.DIRECTORATE, "escalated"))
        .expectEvents(new DisputeRaised(ID, DisputeLevel.DIRECTORATE, "escalated", 1, List.of(StakeholderOffice.OPR)));
  }

  @Test
  @DisplayName("SECTION_XI_LADDER: the Director decides only a dispute escalated to the Director")
  void refusesTheDirectorsDecisionBelowTheDirector() {
    fixture.given(history(plus(oprObjects(), new RaiseDispute(ID, DisputeLevel.PROGRAM_AD, "first"),
            new RaiseDispute(ID, DisputeLevel.DIRECTORATE, "escalated"))))
        .when(new ResolveDispute(ID, DisputeDecision.PROCEED_AS_DRAFTED, "too early"))
        .expectException(refused(RefusalCode.DISPUTE_STATE, "SECTION_XI_LADDER"));
  }

  @Test
  @DisplayName("SECTION_XI: clearance waits while a dispute is open")
  void openDisputeBlocksClearance() {
    fixture.given(history(atTheDirector()))
        .when(new RequestClearance(ID))
        .expectException(refused(RefusalCode.DISPUTE_STATE, "SECTION_XI"));
  }

  @Test
  @DisplayName("SECTION_XI: the Director's decision to proceed lifts the objection and clearance may go ahead")
  void directorsDecisionToProceedLiftsTheObjection() {
    List<Object> decided = plus(atTheDirector(),
        new ResolveDispute(ID, DisputeDecision.PROCEED_AS_DRAFTED, "retention is within the schedule"));
    fixture.given(history(decided))
        .when(new RequestClearance(ID))
        .expectEvents(new ClearanceRequested(ID, 1));
  }

  @Test
  void recordsTheDirectorsDecision() {
    fixture.given(history(atTheDirector()))
        .when(new ResolveDispute(ID, DisputeDecision.REVISE_DRAFT, "shorten retention"))
        .expectEvents(new DisputeResolved(ID, DisputeDecision.REVISE_DRAFT, "shorten retention", 1, List.of(StakeholderOffice.OPR)));
  }

  @Test
  @DisplayName("SECTION_XI: when the Director sustains the objection, the draft must be revised")
  void sustainedObjectionStillBlocksClearance() {
    List<Object> decided = plus(atTheDirector(),
        new ResolveDispute(ID, DisputeDecision.REVISE_DRAFT, "shorten retention"));
    fixture.given(history(decided))
        .when(new RequestClearance(ID))
        .expectException(refused(RefusalCode.NON_CONCURRENCE_OPEN, "S3"));
  }

  @Test
  void refusesToDecideWithoutAnOpenDispute() {
    fixture.given(history(oprObjects()))
        .when(new ResolveDispute(ID, DisputeDecision.PROCEED_AS_DRAFTED, "no dispute"))
        .expectException(refused(RefusalCode.DISPUTE_STATE, "SECTION_XI"));
  }

  @Test
  @DisplayName("BASELINE_2 and BASELINE_5: clearance needs every element of the standard baseline, and the refusal lists each gap")
  void refusesClearanceWithAnIncompleteBaseline() {
    AgreementProfile incomplete = withTerms(profile(), terms(t -> t.purpose(null).disposition(" ")));
    fixture.given(history(plus(List.of(draft(incomplete)), concurrences(incomplete, 1))))
        .when(new RequestClearance(ID))
        .expectException(refused(RefusalCode.BASELINE_INCOMPLETE, "BASELINE_2", "BASELINE_5"))
        .expectNoEvents();
  }

  @Test
  void igpClearanceClearsAnAgreementThatNeedsNoLegalReview() {
    fixture.given(history(inClearance()))
        .when(new DecideClearance(ID, ClearanceDecision.CLEARED, "cleared"))
        .expectEvents(new ClearanceGranted(ID, 1, "cleared"), new AgreementCleared(ID, 1, List.of()))
        .expectState(agreement -> assertThat(agreement.state().status()).isEqualTo(AgreementStatus.CLEARED));
  }

  @Test
  void igpReturnsTheDraftToTheProgramOffice() {
    fixture.given(history(inClearance()))
        .when(new DecideClearance(ID, ClearanceDecision.RETURNED, "fix the dissemination clause"))
        .expectEvents(new ClearanceReturned(ID, 1, "fix the dissemination clause"))
        .expectState(agreement -> assertThat(agreement.state().status()).isEqualTo(AgreementStatus.DRAFT));
  }

  @Test
  void refusesClearanceOfADraftNotSentToClearance() {
    fixture.given(history(readyForClearance()))
        .when(new DecideClearance(ID, ClearanceDecision.CLEARED, "cleared"))
        .expectException(refused(RefusalCode.WRONG_STATUS));
  }

  /** A private-sector party: S9 requires OPLA, whose legal sufficiency review clearance then needs. */
  private static List<Object> privateSectorInClearance() {
    AgreementProfile privateParty = withParties(profile(), privateSector());
    return plus(plus(List.of(draft(privateParty)), concurrences(privateParty, 1)), new RequestClearance(ID));
  }

  @Test
  @DisplayName("S9: IGP's clearance alone does not clear an agreement that needs OPLA's legal review")
  void legalReviewIsStillNeededAfterIgpClears() {
    fixture.given(history(privateSectorInClearance()))
        .when(new DecideClearance(ID, ClearanceDecision.CLEARED, "cleared"))
        .expectEvents(new ClearanceGranted(ID, 1, "cleared"))
        .expectState(agreement -> assertThat(agreement.state().status()).isEqualTo(AgreementStatus.IN_CLEARANCE));
  }

  @Test
  @DisplayName("S9: OPLA's finding of legal sufficiency completes the clearance")
  void legalSufficiencyCompletesTheClearance() {
    fixture.given(history(plus(privateSectorInClearance(), new DecideClearance(ID, ClearanceDecision.CLEARED, "cleared"))))
        .when(new CompleteLegalReview(ID, true, "legally sufficient"))
        .expectEvents(new LegalReviewCompleted(ID, 1, true, "legally sufficient"), new AgreementCleared(ID, 1, ruleIds("S9")));
  }

  @Test
  @DisplayName("S8: OPLA may review first; IGP's clearance then completes it")
  void legalReviewMayComeBeforeIgp() {
    AgreementProfile protectedClasses = profileWith(d -> d.protectedClasses(true));
    List<Object> given = plus(plus(List.of(draft(protectedClasses)), concurrences(protectedClasses, 1)),
        new RequestClearance(ID), new CompleteLegalReview(ID, true, "sufficient"));
    fixture.given(history(given))
        .when(new DecideClearance(ID, ClearanceDecision.CLEARED, "cleared"))
        .expectEvents(new ClearanceGranted(ID, 1, "cleared"), new AgreementCleared(ID, 1, ruleIds("S8")));
  }

  @Test
  @DisplayName("S9: a finding of legal insufficiency returns the draft")
  void legalInsufficiencyReturnsTheDraft() {
    fixture.given(history(privateSectorInClearance()))
        .when(new CompleteLegalReview(ID, false, "no authority for the disclosure"))
        .expectEvents(new LegalReviewCompleted(ID, 1, false, "no authority for the disclosure"))
        .expectState(agreement -> assertThat(agreement.state().status()).isEqualTo(AgreementStatus.DRAFT));
  }

  @Test
  @DisplayName("S8 and S9: without them no legal review is required, and one is refused")
  void refusesALegalReviewNobodyRequires() {
    fixture.given(history(inClearance()))
        .when(new CompleteLegalReview(ID, true, "sufficient"))
        .expectException(refused(RefusalCode.STAKEHOLDER_NOT_REQUIRED, "S8", "S9"));
  }

  @Test
  void aCommandAgainstAnOlderVersionThanTheCallerSawIsRefused() {
    // After the draft (1 event) and IGP's concurrence (2 events), a caller who read version 1 is out of date.
    fixture.given(history(plus(drafted(), concur(StakeholderOffice.IGP, 1))))
        .when(concur(StakeholderOffice.OPP, 1), java.util.Map.of(AgreementModule.EXPECTED_VERSION, 1L))
        .expectException(ConflictingAggregateVersionException.class)
        .expectNoEvents();
  }

  @Test
  void aCommandAgainstTheVersionTheCallerSawSucceeds() {
    fixture.given(history(plus(drafted(), concur(StakeholderOffice.IGP, 1))))
        .when(concur(StakeholderOffice.OPP, 1), java.util.Map.of(AgreementModule.EXPECTED_VERSION, 2L))
        .expectEvents(new StakeholderConcurred(ID, StakeholderOffice.OPP, 1, "concur", ruleIds("S1")));
  }
}
