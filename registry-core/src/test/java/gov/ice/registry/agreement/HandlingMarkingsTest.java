package gov.ice.registry.agreement;

import static gov.ice.registry.agreement.AgreementFixtures.profile;
import static gov.ice.registry.agreement.AgreementFixtures.profileWith;
import static org.assertj.core.api.Assertions.assertThat;

import gov.ice.registry.agreement.api.AgreementStatus;
import gov.ice.registry.agreement.api.ConcurrenceDecision;
import gov.ice.registry.agreement.api.DisseminationControl;
import gov.ice.registry.agreement.api.Handling;
import gov.ice.registry.agreement.api.HandlingMarked;
import gov.ice.registry.agreement.api.MarkHandling;
import gov.ice.registry.agreement.api.Marking;
import gov.ice.registry.agreement.api.RecordConcurrence;
import gov.ice.registry.agreement.api.RefusalCode;
import gov.ice.registry.agreement.api.RequestClearance;
import gov.ice.registry.agreement.api.StakeholderOffice;
import gov.ice.registry.agreement.api.WithdrawAgreement;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HandlingMarkingsTest extends AgreementTestSupport {

  private static final Handling NOCON_PRIVACY =
      new Handling(List.of("SP-PRVCY"), List.of(DisseminationControl.NOCON), List.of(), List.of(), "HSI");

  @Test
  @DisplayName("S4: markings set in the draft are checked and kept; SMOU's concurrence confirms them")
  void draftCarriesItsMarkings() {
    fixture.givenNoPriorActivity()
        .when(draft(profile().withHandling(NOCON_PRIVACY)))
        .expectSuccessfulHandlerExecution()
        .expectState(agreement -> {
          assertThat(agreement.state().profile().handling()).isEqualTo(NOCON_PRIVACY);
          assertThat(agreement.state().profile().banner()).isEqualTo("CUI//SP-PRVCY//NOCON");
          assertThat(agreement.state().handlingConfirmed()).isFalse();
        });
  }

  @Test
  @DisplayName("HANDLING_1 and HANDLING_3: a draft with inconsistent markings is refused with every rule and stores nothing")
  void refusesInconsistentDraft() {
    Handling bad = new Handling(List.of(), List.of(DisseminationControl.REL_TO, DisseminationControl.NOFORN), List.of("GBR"), List.of(), null);

    fixture.givenNoPriorActivity()
        .when(draft(profile().withHandling(bad)))
        .expectException(refused(RefusalCode.HANDLING_INCONSISTENT, "HANDLING_1", "HANDLING_3"))
        .expectNoEvents();
  }

  @Test
  @DisplayName("S4: new markings make SMOU's earlier concurrence stale, and clearance waits for it again")
  void newMarkingsNeedSmouAgain() {
    fixture.given(history(readyForClearance()))
        .when(new MarkHandling(ID, NOCON_PRIVACY))
        .expectEvents(new HandlingMarked(ID, 1, NOCON_PRIVACY, List.of(StakeholderOffice.OPR_SD_SMOU)))
        .expectState(agreement -> {
          assertThat(agreement.state().handlingConfirmed()).isFalse();
          assertThat(agreement.state().concurrencesStillNeeded()).extracting(r -> r.office()).containsExactly(StakeholderOffice.OPR_SD_SMOU);
        });
  }

  @Test
  @DisplayName("S4: SMOU concurring after the markings were designated confirms them and clearance may proceed")
  void smouConfirms() {
    fixture.given(history(plus(readyForClearance(), new MarkHandling(ID, NOCON_PRIVACY))))
        .when(new RecordConcurrence(ID, StakeholderOffice.OPR_SD_SMOU, ConcurrenceDecision.CONCUR, 1, "markings confirmed"))
        .expectSuccessfulHandlerExecution()
        .expectState(agreement -> assertThat(agreement.state().handlingConfirmed()).isTrue());
    fixture.given(history(plus(readyForClearance(), new MarkHandling(ID, NOCON_PRIVACY),
            new RecordConcurrence(ID, StakeholderOffice.OPR_SD_SMOU, ConcurrenceDecision.CONCUR, 1, "confirmed"))))
        .when(new RequestClearance(ID))
        .expectSuccessfulHandlerExecution();
  }

  @Test
  @DisplayName("HANDLING_4: FED ONLY with FEDCON is refused on an existing agreement too")
  void refusesInconsistentChange() {
    Handling bad = new Handling(List.of(), List.of(DisseminationControl.FED_ONLY, DisseminationControl.FEDCON), List.of(), List.of(), null);

    fixture.given(history(drafted()))
        .when(new MarkHandling(ID, bad))
        .expectException(refused(RefusalCode.HANDLING_INCONSISTENT, "HANDLING_4"))
        .expectNoEvents();
  }

  @Test
  @DisplayName("HANDLING_6: controls on an unmarked agreement are refused")
  void refusesControlsWithoutMarking() {
    fixture.givenNoPriorActivity()
        .when(draft(profileWith(d -> d.marking(Marking.NONE)).withHandling(NOCON_PRIVACY)))
        .expectException(refused(RefusalCode.HANDLING_INCONSISTENT, "HANDLING_6"))
        .expectNoEvents();
  }

  @Test
  @DisplayName("Markings of an executed agreement may be designated anew; a withdrawn one's may not")
  void statuses() {
    fixture.given(history(active()))
        .when(new MarkHandling(ID, NOCON_PRIVACY))
        .expectEvents(new HandlingMarked(ID, 1, NOCON_PRIVACY, List.of()))
        .expectState(agreement -> assertThat(agreement.state().status()).isEqualTo(AgreementStatus.ACTIVE));
    fixture.given(history(plus(drafted(), new WithdrawAgreement(ID, "gone"))))
        .when(new MarkHandling(ID, NOCON_PRIVACY))
        .expectException(refused(RefusalCode.WRONG_STATUS));
  }
}
