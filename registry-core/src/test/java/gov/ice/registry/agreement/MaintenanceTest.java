package gov.ice.registry.agreement;

import static gov.ice.registry.agreement.AgreementFixtures.STATE_PARTY_NAME;
import static gov.ice.registry.agreement.AgreementFixtures.profile;
import static gov.ice.registry.agreement.AgreementFixtures.dataProfile;
import static gov.ice.registry.agreement.AgreementFixtures.ruleIds;
import static gov.ice.registry.agreement.AgreementFixtures.terms;
import static gov.ice.registry.agreement.AgreementFixtures.withDataProfile;
import static gov.ice.registry.agreement.AgreementFixtures.withTerms;
import static org.assertj.core.api.Assertions.assertThat;

import gov.ice.registry.agreement.api.AgreementAmended;
import gov.ice.registry.agreement.api.AgreementExpired;
import gov.ice.registry.agreement.api.AgreementProfile;
import gov.ice.registry.agreement.api.AgreementStatus;
import gov.ice.registry.agreement.api.AgreementTerminated;
import gov.ice.registry.agreement.api.AmendAgreement;
import gov.ice.registry.agreement.api.AmendmentChanges;
import gov.ice.registry.agreement.api.AmendmentProposed;
import gov.ice.registry.agreement.api.BiennialReviewCompleted;
import gov.ice.registry.agreement.api.ConcurrenceDecision;
import gov.ice.registry.agreement.api.ExecutedAgreementImported;
import gov.ice.registry.agreement.api.ExpireAgreement;
import gov.ice.registry.agreement.api.ImportExecutedAgreement;
import gov.ice.registry.agreement.api.PartyName;
import gov.ice.registry.agreement.api.RecordBiennialReview;
import gov.ice.registry.agreement.api.RecordConcurrence;
import gov.ice.registry.agreement.api.RefusalCode;
import gov.ice.registry.agreement.api.RequiredStakeholder;
import gov.ice.registry.agreement.api.ReviewFindings;
import gov.ice.registry.agreement.api.ReviewOutcome;
import gov.ice.registry.agreement.api.Scope;
import gov.ice.registry.agreement.api.SignatoryAuthority;
import gov.ice.registry.agreement.api.SignatureRecord;
import gov.ice.registry.agreement.api.StakeholderConcurred;
import gov.ice.registry.agreement.api.StakeholderOffice;
import gov.ice.registry.agreement.api.TerminateAgreement;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MaintenanceTest extends AgreementTestSupport {

  private static final ReviewFindings ALL_GOOD = new ReviewFindings(true, true, true, true, true);
  private static final List<SignatureRecord> SIGNATURES = List.of(
      new SignatureRecord(PartyName.ICE, SignatoryAuthority.HSI_EAD, "Alex Morgan", "EAD", LocalDate.of(2020, 3, 1)),
      new SignatureRecord(PartyName.of(STATE_PARTY_NAME), null, "Casey Lee", "Director", LocalDate.of(2020, 3, 2)));

  @Test
  @DisplayName("REVIEW: a biennial review records its findings and sets the next review two years on")
  void recordsABiennialReview() {
    LocalDate reviewed = LocalDate.of(2026, 11, 2);
    fixture.given(history(active()))
        .when(new RecordBiennialReview(ID, reviewed, ReviewOutcome.CONTINUE, ALL_GOOD, "all current"))
        .expectEvents(new BiennialReviewCompleted(ID, reviewed, ReviewOutcome.CONTINUE, ALL_GOOD, "all current",
            LocalDate.of(2028, 11, 2)));
  }

  @Test
  void refusesAReviewDatedInTheFuture() {
    fixture.given(history(active()))
        .when(new RecordBiennialReview(ID, TODAY.plusDays(1), ReviewOutcome.CONTINUE, ALL_GOOD, null))
        .expectException(refused(RefusalCode.DATE_INVALID));
  }

  @Test
  void refusesAReviewOfAnAgreementThatIsNotActive() {
    fixture.given(history(cleared()))
        .when(new RecordBiennialReview(ID, TODAY, ReviewOutcome.CONTINUE, ALL_GOOD, null))
        .expectException(refused(RefusalCode.WRONG_STATUS));
  }

  @Test
  void importsAnExecutedAgreementWithItsLastReview() {
    LocalDate leapDay = LocalDate.of(2024, 2, 29);
    fixture.givenNoPriorActivity()
        .when(new ImportExecutedAgreement(ID, profile(), SIGNATURES, LocalDate.of(2020, 3, 2), leapDay))
        // Two years after 29 February is the last day of February.
        .expectEvents(new ExecutedAgreementImported(ID, profile(), Scope.IN_SCOPE, StakeholderRule.requiredFor(profile()),
            SIGNATURES, LocalDate.of(2020, 3, 2), leapDay, LocalDate.of(2026, 2, 28)))
        .expectResultMessagePayloadMatching(org.axonframework.test.matchers.Matchers.predicate(payload ->
            payload instanceof AgreementFacts facts && facts.status() == AgreementStatus.ACTIVE
                && LocalDate.of(2026, 2, 28).equals(facts.nextReviewDue())))
        .expectState(agreement -> assertThat(agreement.state().status()).isEqualTo(AgreementStatus.ACTIVE));
  }

  @Test
  @DisplayName("SIGNATORY_EA: an imported agreement carries every signature")
  void refusesAnImportWithoutEverySignature() {
    fixture.givenNoPriorActivity()
        .when(new ImportExecutedAgreement(ID, profile(), SIGNATURES.subList(0, 1), LocalDate.of(2020, 3, 2), null))
        .expectException(refused(RefusalCode.SIGNATURE_INVALID, "SIGNATORY_EA"))
        .expectNoEvents();
  }

  @Test
  void refusesAnImportReviewedBeforeItWasExecuted() {
    fixture.givenNoPriorActivity()
        .when(new ImportExecutedAgreement(ID, profile(), SIGNATURES, LocalDate.of(2020, 3, 2), LocalDate.of(2019, 1, 1)))
        .expectException(refused(RefusalCode.DATE_INVALID));
  }

  @Test
  @DisplayName("AMENDMENT_CONSENT: an amendment needs the written consent of every party")
  void refusesAnAmendmentWithoutEveryPartysConsent() {
    fixture.given(history(active()))
        .when(new AmendAgreement(ID, new AmendmentChanges("New title", null, null, null), List.of(), TODAY))
        .expectException(refused(RefusalCode.CONSENT_MISSING, "AMENDMENT_CONSENT"))
        .expectNoEvents();
  }

  @Test
  void anAmendmentThatNeedsNoNewStakeholderTakesEffectAtOnce() {
    AgreementProfile amended = withTerms(profile(), terms(t -> t.retention("Kept no longer than 30 days.")));
    fixture.given(history(active()))
        .when(new AmendAgreement(ID, new AmendmentChanges(null, null, null, amended.terms()), List.of(STATE_PARTY_NAME), TODAY))
        .expectEvents(new AgreementAmended(ID, 1, 2, amended, Scope.IN_SCOPE, StakeholderRule.requiredFor(amended),
            List.of(STATE_PARTY_NAME), TODAY));
  }

  @Test
  @DisplayName("S10: an amendment adding an IT interconnection waits for OCIO's concurrence, then takes effect")
  void anAmendmentThatNeedsANewStakeholderWaitsForItsConcurrence() {
    var withInterconnection = dataProfile(d -> d.itInterconnection(true));
    AmendmentChanges changes = new AmendmentChanges(null, null, withInterconnection, null);
    List<RequiredStakeholder> ocio = List.of(new RequiredStakeholder(StakeholderOffice.OCIO, ruleIds("S10")));
    fixture.given(history(active()))
        .when(new AmendAgreement(ID, changes, List.of(STATE_PARTY_NAME), TODAY))
        .expectEvents(new AmendmentProposed(ID, 1, 2, changes, List.of(STATE_PARTY_NAME), TODAY, ocio));

    AgreementProfile amended = withDataProfile(profile(), withInterconnection);
    createFixture();
    fixture.given(history(plus(active(), new AmendAgreement(ID, changes, List.of(STATE_PARTY_NAME), TODAY))))
        .when(new RecordConcurrence(ID, StakeholderOffice.OCIO, ConcurrenceDecision.CONCUR, 2, "interconnection is secure"))
        .expectEvents(
            new StakeholderConcurred(ID, StakeholderOffice.OCIO, 2, "interconnection is secure", ruleIds("S10")),
            new AgreementAmended(ID, 1, 2, amended, Scope.IN_SCOPE, StakeholderRule.requiredFor(amended),
                List.of(STATE_PARTY_NAME), TODAY));
  }

  @Test
  void refusesASecondAmendmentWhileOneAwaitsConcurrence() {
    AmendmentChanges changes = new AmendmentChanges(null, null, dataProfile(d -> d.itInterconnection(true)), null);
    fixture.given(history(plus(active(), new AmendAgreement(ID, changes, List.of(STATE_PARTY_NAME), TODAY))))
        .when(new AmendAgreement(ID, new AmendmentChanges("Another title", null, null, null), List.of(STATE_PARTY_NAME), TODAY))
        .expectException(refused(RefusalCode.WRONG_STATUS));
  }

  @Test
  @DisplayName("TERMINATION_NOTICE: without mutual consent, termination waits out the written notice period")
  void refusesTerminationBeforeTheNoticePeriodEnds() {
    fixture.given(history(active()))
        .when(new TerminateAgreement(ID, "no longer needed", TODAY, TODAY.plusDays(29), false))
        .expectException(refused(RefusalCode.NOTICE_PERIOD_NOT_MET, "TERMINATION_NOTICE"))
        .expectNoEvents();
  }

  @Test
  void terminatesAfterTheNoticePeriod() {
    fixture.given(history(active()))
        .when(new TerminateAgreement(ID, "no longer needed", TODAY, TODAY.plusDays(30), false))
        .expectEvents(new AgreementTerminated(ID, "no longer needed", TODAY, TODAY.plusDays(30), false))
        .expectState(agreement -> assertThat(agreement.state().status()).isEqualTo(AgreementStatus.TERMINATED));
  }

  @Test
  void terminatesAtOnceByMutualConsent() {
    fixture.given(history(active()))
        .when(new TerminateAgreement(ID, "mission complete", TODAY, TODAY, true))
        .expectEvents(new AgreementTerminated(ID, "mission complete", TODAY, TODAY, true));
  }

  @Test
  void expiresOnceItsTerminationDateHasPassed() {
    LocalDate terminationDate = LocalDate.of(2030, 1, 14);
    fixture.given(history(active()))
        .when(new ExpireAgreement(ID, terminationDate.plusDays(1)))
        .expectEvents(new AgreementExpired(ID, terminationDate, terminationDate.plusDays(1)))
        .expectState(agreement -> assertThat(agreement.state().status()).isEqualTo(AgreementStatus.EXPIRED));
  }

  @Test
  void doesNotExpireOnItsTerminationDate() {
    fixture.given(history(active()))
        .when(new ExpireAgreement(ID, LocalDate.of(2030, 1, 14)))
        .expectException(refused(RefusalCode.NOT_DUE))
        .expectNoEvents();
  }
}
