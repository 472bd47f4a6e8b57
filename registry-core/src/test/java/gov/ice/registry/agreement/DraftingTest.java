package gov.ice.registry.agreement;

import static gov.ice.registry.agreement.AgreementFixtures.dhsComponent;
import static gov.ice.registry.agreement.AgreementFixtures.profile;
import static gov.ice.registry.agreement.AgreementFixtures.profileWith;
import static gov.ice.registry.agreement.AgreementFixtures.ruleIds;
import static gov.ice.registry.agreement.AgreementFixtures.terms;
import static gov.ice.registry.agreement.AgreementFixtures.withExemption;
import static gov.ice.registry.agreement.AgreementFixtures.withKind;
import static gov.ice.registry.agreement.AgreementFixtures.withParties;
import static gov.ice.registry.agreement.AgreementFixtures.withTerms;
import static org.assertj.core.api.Assertions.assertThat;

import gov.ice.registry.agreement.api.AgreementDrafted;
import gov.ice.registry.agreement.api.AgreementEscalatedToDhs;
import gov.ice.registry.agreement.api.AgreementKind;
import gov.ice.registry.agreement.api.AgreementProfile;
import gov.ice.registry.agreement.api.AgreementStatus;
import gov.ice.registry.agreement.api.AgreementWithdrawn;
import gov.ice.registry.agreement.api.ConcurrenceDecision;
import gov.ice.registry.agreement.api.DraftRevised;
import gov.ice.registry.agreement.api.Exemption;
import gov.ice.registry.agreement.api.Marking;
import gov.ice.registry.agreement.api.RecordConcurrence;
import gov.ice.registry.agreement.api.RefusalCode;
import gov.ice.registry.agreement.api.ReviseDraft;
import gov.ice.registry.agreement.api.Scope;
import gov.ice.registry.agreement.api.StakeholderOffice;
import gov.ice.registry.agreement.api.WithdrawAgreement;
import java.util.List;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DraftingTest extends AgreementTestSupport {

  @Test
  @DisplayName("S1-S4: a draft records its scope and every required stakeholder with the rules behind it")
  void draftsAnInScopeAgreementWithItsRequiredStakeholders() {
    fixture.givenNoPriorActivity()
        .when(draft())
        .expectSuccessfulHandlerExecution()
        .expectEvents(new AgreementDrafted(ID, 1, profile(), Scope.IN_SCOPE, StakeholderRule.requiredFor(profile())))
        .expectState(agreement -> {
          assertThat(agreement.state().status()).isEqualTo(AgreementStatus.DRAFT);
          assertThat(agreement.state().draftVersion()).isEqualTo(1);
        });
  }

  @Test
  @DisplayName("A draft answers the agreement's facts after it, so the caller's answer needs no ledger read")
  void draftAnswersTheFactsItRecorded() {
    fixture.givenNoPriorActivity()
        .when(draft())
        .expectResultMessagePayloadMatching(Matchers.predicate(payload -> payload instanceof AgreementFacts facts
            && ID.equals(facts.id()) && facts.status() == AgreementStatus.DRAFT && facts.version() == 1
            && facts.requiredStakeholders().equals(StakeholderRule.requiredFor(profile()))));
  }

  @Test
  @DisplayName("B1: section 1367 data without an exception is refused and nothing is stored")
  void refusesSection1367DataWithoutException() {
    fixture.givenNoPriorActivity()
        .when(draft(profileWith(d -> d.section1367(true))))
        .expectException(refused(RefusalCode.SHARING_BLOCKED, "B1"))
        .expectNoEvents();
  }

  @Test
  @DisplayName("B2: protected-application data without an exception is refused")
  void refusesProtectedApplicationDataWithoutException() {
    fixture.givenNoPriorActivity()
        .when(draft(profileWith(d -> d.protectedApplications(true))))
        .expectException(refused(RefusalCode.SHARING_BLOCKED, "B2"))
        .expectNoEvents();
  }

  @Test
  @DisplayName("B3: a SECRET agreement is refused: it belongs on HSDN or C-LAN")
  void refusesClassifiedAgreements() {
    fixture.givenNoPriorActivity()
        .when(draft(profileWith(d -> d.marking(Marking.TOP_SECRET))))
        .expectException(refused(RefusalCode.SHARING_BLOCKED, "B3"))
        .expectNoEvents();
  }

  @Test
  @DisplayName("B1 and B3: a refusal names every blocking rule")
  void refusalNamesEveryBlockingRule() {
    fixture.givenNoPriorActivity()
        .when(draft(profileWith(d -> d.section1367(true).marking(Marking.SECRET))))
        .expectException(refused(RefusalCode.SHARING_BLOCKED, "B1", "B3"));
  }

  @Test
  @DisplayName("EXEMPTION_4: an exempt agreement is registered, searchable, without stakeholders or clearance")
  void registersAnExemptAgreement() {
    AgreementProfile exempt = withExemption(profile(), Exemption.of(4, "shared with a contracted vendor", null, null));
    fixture.givenNoPriorActivity()
        .when(draft(exempt))
        .expectEvents(new AgreementDrafted(ID, 1, exempt, Scope.EXEMPT, List.of()))
        .expectState(agreement -> assertThat(agreement.state().status()).isEqualTo(AgreementStatus.REGISTERED));
  }

  @Test
  @DisplayName("EXEMPTION_7: sensitive law enforcement without the approving EAD is refused")
  void refusesSensitiveLawEnforcementExemptionWithoutApproval() {
    fixture.givenNoPriorActivity()
        .when(draft(withExemption(profile(), Exemption.of(7, "undercover operation", null, null))))
        .expectException(refused(RefusalCode.EXEMPTION_INVALID, "EXEMPTION_7"))
        .expectNoEvents();
  }

  @Test
  @DisplayName("EXEMPTION_12: an ISA rests on an active parent ISAA")
  void interconnectionSecurityAgreementNeedsAnActiveParent() {
    AgreementProfile isa = withExemption(profile(), Exemption.of(12, "interconnection of the two systems", null, "parent-1"));
    fixture.givenNoPriorActivity()
        .when(draft(isa))
        .expectException(refused(RefusalCode.EXEMPTION_INVALID, "EXEMPTION_12"));

    directory.put("parent-1", AgreementStatus.ACTIVE);
    createFixture();
    directory.put("parent-1", AgreementStatus.ACTIVE);
    fixture.givenNoPriorActivity()
        .when(draft(isa))
        .expectEvents(new AgreementDrafted(ID, 1, isa, Scope.EXEMPT, List.of()));
  }

  @Test
  @DisplayName("EXEMPTION_10: an exigent-threat agreement still needs its stakeholders, to be memorialized through the process")
  void exigentThreatAgreementGoesThroughTheProcess() {
    AgreementProfile exigent = withExemption(profile(), Exemption.of(10, "imminent threat to a port of entry", null, null));
    fixture.givenNoPriorActivity()
        .when(draft(exigent))
        .expectEvents(new AgreementDrafted(ID, 1, exigent, Scope.EXEMPT, StakeholderRule.requiredFor(exigent)))
        .expectState(agreement -> assertThat(agreement.state().status()).isEqualTo(AgreementStatus.DRAFT));
  }

  @Test
  @DisplayName("SCOPE_ONE_DHS: sharing among DHS components is recorded as a MOR, out of scope")
  void recordsInternalSharingAsMemorandumOfRecord() {
    AgreementProfile mor = withKind(withParties(profile(), dhsComponent()), AgreementKind.MOR);
    fixture.givenNoPriorActivity()
        .when(draft(mor))
        .expectEvents(new AgreementDrafted(ID, 1, mor, Scope.OUT_OF_SCOPE_INTERNAL, List.of()))
        .expectState(agreement -> assertThat(agreement.state().status()).isEqualTo(AgreementStatus.REGISTERED));
  }

  @Test
  @DisplayName("SCOPE_ONE_DHS: sharing among DHS components drafted as an MOU is refused")
  void refusesInternalSharingDraftedAsIsaa() {
    fixture.givenNoPriorActivity()
        .when(draft(withParties(profile(), dhsComponent())))
        .expectException(refused(RefusalCode.PROFILE_INVALID, "SCOPE_ONE_DHS"));
  }

  @Test
  @DisplayName("SCOPE_RECEIPT_ONLY: an agreement under which ICE only receives is registered out of scope")
  void registersReceiptOnlyAgreements() {
    AgreementProfile receipt = profileWith(d -> d.receiptOnly(true));
    fixture.givenNoPriorActivity()
        .when(draft(receipt))
        .expectEvents(new AgreementDrafted(ID, 1, receipt, Scope.OUT_OF_SCOPE_RECEIPT_ONLY, List.of()));
  }

  @Test
  @DisplayName("SCOPE_DHS_LEVEL: bulk PII for a new purpose is recorded and escalated to DHS")
  void escalatesDhsLevelAgreements() {
    AgreementProfile bulk = profileWith(d -> d.bulkTransfer(true).newPurpose(true));
    fixture.givenNoPriorActivity()
        .when(draft(bulk))
        .expectEvents(
            new AgreementDrafted(ID, 1, bulk, Scope.DHS_LEVEL, StakeholderRule.requiredFor(bulk)),
            new AgreementEscalatedToDhs(ID, 1, ruleIds("SCOPE_DHS_LEVEL"), ScopeRule.DHS_LEVEL.reason()))
        .expectState(agreement -> assertThat(agreement.state().status()).isEqualTo(AgreementStatus.ESCALATED_TO_DHS));
  }

  @Test
  void refusesADraftWithoutParties() {
    fixture.givenNoPriorActivity()
        .when(draft(withParties(profile())))
        .expectException(refused(RefusalCode.PROFILE_INVALID))
        .expectNoEvents();
  }

  @Test
  void refusesTerminationBeforeTheEffectiveDate() {
    fixture.givenNoPriorActivity()
        .when(draft(withTerms(profile(), terms(t -> t.terminationDate(java.time.LocalDate.of(2025, 1, 1))))))
        .expectException(refused(RefusalCode.PROFILE_INVALID));
  }

  @Test
  void revisingTheDraftMakesEarlierConcurrencesStale() {
    AgreementProfile revised = profileWith(d -> d.itInterconnection(true));
    fixture.given(history(plus(drafted(),
            new RecordConcurrence(ID, StakeholderOffice.IGP, ConcurrenceDecision.CONCUR, 1, "fine"),
            new RecordConcurrence(ID, StakeholderOffice.OPP, ConcurrenceDecision.NON_CONCUR, 1, "too broad"))))
        .when(new ReviseDraft(ID, revised))
        .expectEvents(new DraftRevised(ID, 2, revised, Scope.IN_SCOPE, StakeholderRule.requiredFor(revised),
            List.of(StakeholderOffice.IGP)))
        .expectState(agreement -> {
          assertThat(agreement.state().draftVersion()).isEqualTo(2);
          assertThat(agreement.state().missingConcurrences()).hasSize(7);
          assertThat(agreement.state().standingNonConcurrences()).isEmpty();
        });
  }

  @Test
  @DisplayName("B3: a revision is checked like a draft")
  void refusesARevisionThatBlocks() {
    fixture.given(history(drafted()))
        .when(new ReviseDraft(ID, profileWith(d -> d.marking(Marking.SECRET))))
        .expectException(refused(RefusalCode.SHARING_BLOCKED, "B3"))
        .expectNoEvents();
  }

  @Test
  void refusesRevisingOnceInClearance() {
    fixture.given(history(inClearance()))
        .when(new ReviseDraft(ID, profile()))
        .expectException(refused(RefusalCode.WRONG_STATUS));
  }

  @Test
  void withdrawsADraft() {
    fixture.given(history(drafted()))
        .when(new WithdrawAgreement(ID, "the partner no longer needs the data"))
        .expectEvents(new AgreementWithdrawn(ID, AgreementStatus.DRAFT, "the partner no longer needs the data"))
        .expectState(agreement -> assertThat(agreement.state().status()).isEqualTo(AgreementStatus.WITHDRAWN));
  }

  @Test
  void refusesWithdrawingAnActiveAgreement() {
    fixture.given(history(active()))
        .when(new WithdrawAgreement(ID, "changed our minds"))
        .expectException(refused(RefusalCode.WRONG_STATUS));
  }
}
