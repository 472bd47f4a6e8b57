package gov.ice.registry.agreement;

import static gov.ice.registry.agreement.AgreementFixtures.STATE_PARTY_NAME;
import static gov.ice.registry.agreement.AgreementFixtures.foreignGovernment;
import static gov.ice.registry.agreement.AgreementFixtures.profile;
import static gov.ice.registry.agreement.AgreementFixtures.ruleIds;
import static gov.ice.registry.agreement.AgreementFixtures.withParties;
import static org.assertj.core.api.Assertions.assertThat;

import gov.ice.registry.agreement.api.AgreementExecuted;
import gov.ice.registry.agreement.api.AgreementProfile;
import gov.ice.registry.agreement.api.AgreementSigned;
import gov.ice.registry.agreement.api.DocumentKind;
import gov.ice.registry.agreement.api.DocumentAttached;
import gov.ice.registry.agreement.api.AttachDocument;
import gov.ice.registry.agreement.api.AgreementStatus;
import gov.ice.registry.agreement.api.ClearanceDecision;
import gov.ice.registry.agreement.api.DecideClearance;
import gov.ice.registry.agreement.api.PartyName;
import gov.ice.registry.agreement.api.RefusalCode;
import gov.ice.registry.agreement.api.RequestClearance;
import gov.ice.registry.agreement.api.SignAgreement;
import gov.ice.registry.agreement.api.SignatoryAuthority;
import gov.ice.registry.agreement.api.SignatureRecord;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SignatureTest extends AgreementTestSupport {

  private static final LocalDate FEB_1 = LocalDate.of(2026, 2, 1);

  @Test
  @DisplayName("SIGNATORY_EA: the HSI EAD signs HSI's law enforcement agreement")
  void executiveAgentSignsForIce() {
    fixture.given(history(cleared()))
        .when(iceSignature(SignatoryAuthority.HSI_EAD, FEB_1))
        .expectEvents(new AgreementSigned(ID, 1,
            new SignatureRecord(PartyName.ICE, SignatoryAuthority.HSI_EAD, "Alex Morgan", "Executive Associate Director", FEB_1),
            ruleIds("SIGNATORY_EA")));
  }

  @Test
  @DisplayName("SIGNATORY_EA: the ERO EAD may not sign HSI's law enforcement agreement")
  void refusesASignatureWithoutAuthority() {
    fixture.given(history(cleared()))
        .when(iceSignature(SignatoryAuthority.ERO_EAD, FEB_1))
        .expectException(refused(RefusalCode.SIGNATORY_AUTHORITY_INSUFFICIENT, "SIGNATORY_EA"))
        .expectNoEvents();
  }

  @Test
  @DisplayName("DELEGATION_IO: HSI IO signs an international agreement")
  void internationalOperationsSignsInternationalAgreements() {
    AgreementProfile international = withParties(profile(), foreignGovernment());
    List<Object> cleared = plus(plus(List.of(draft(international)), concurrences(international, 1)),
        new RequestClearance(ID), new DecideClearance(ID, ClearanceDecision.CLEARED, "cleared"));
    fixture.given(history(cleared))
        .when(iceSignature(SignatoryAuthority.HSI_IO, FEB_1))
        .expectEvents(new AgreementSigned(ID, 1,
            new SignatureRecord(PartyName.ICE, SignatoryAuthority.HSI_IO, "Alex Morgan", "Executive Associate Director", FEB_1),
            ruleIds("DELEGATION_IO")));
  }

  @Test
  void refusesToSignBeforeClearance() {
    fixture.given(history(inClearance()))
        .when(iceSignature(SignatoryAuthority.HSI_EAD, FEB_1))
        .expectException(refused(RefusalCode.WRONG_STATUS));
  }

  @Test
  void refusesASignatureDatedInTheFuture() {
    fixture.given(history(cleared()))
        .when(iceSignature(SignatoryAuthority.HSI_EAD, TODAY.plusDays(1)))
        .expectException(refused(RefusalCode.DATE_INVALID));
  }

  @Test
  void refusesASignatureFromSomeoneWhoIsNoParty() {
    fixture.given(history(cleared()))
        .when(partySignature("Oklahoma Highway Patrol", FEB_1))
        .expectException(refused(RefusalCode.SIGNATURE_INVALID));
  }

  @Test
  void refusesAnIceSignatureWithoutAuthority() {
    fixture.given(history(cleared()))
        .when(new SignAgreement(ID, new SignatureRecord(PartyName.ICE, null, "Alex Morgan", "EAD", FEB_1)))
        .expectException(refused(RefusalCode.SIGNATURE_INVALID));
  }

  @Test
  void refusesAPartySigningTwice() {
    fixture.given(history(plus(cleared(), partySignature(STATE_PARTY_NAME, FEB_1))))
        .when(partySignature(STATE_PARTY_NAME.toUpperCase(), FEB_1))
        .expectException(refused(RefusalCode.SIGNATURE_INVALID));
  }

  @Test
  void refusesTheSameIceAuthoritySigningTwice() {
    fixture.given(history(plus(cleared(), iceSignature(SignatoryAuthority.HSI_EAD, FEB_1))))
        .when(iceSignature(SignatoryAuthority.HSI_EAD, FEB_1))
        .expectException(refused(RefusalCode.SIGNATURE_INVALID));
  }

  @Test
  @DisplayName("EXECUTED_COPY_ON_FILE: the last signature executes an agreement whose executed copy is on file")
  void theLastSignatureExecutesTheAgreementAndSetsTheFirstReview() {
    LocalDate feb2 = LocalDate.of(2026, 2, 2);
    fixture.given(history(plus(cleared(), executedCopy(), iceSignature(SignatoryAuthority.HSI_EAD, FEB_1))))
        .when(partySignature(STATE_PARTY_NAME.toLowerCase(), feb2))
        .expectEvents(
            new AgreementSigned(ID, 1, new SignatureRecord(PartyName.of(STATE_PARTY_NAME), null, "Casey Lee", "Director", feb2), List.of()),
            // Effective 2026-01-15 by its terms: the first biennial review is due two years on.
            new AgreementExecuted(ID, 1, feb2, LocalDate.of(2026, 1, 15), LocalDate.of(2028, 1, 15)))
        .expectState(agreement -> assertThat(agreement.state().status()).isEqualTo(AgreementStatus.ACTIVE));
  }

  @Test
  @DisplayName("EXECUTED_COPY_ON_FILE: without its executed copy, the last signature leaves the agreement cleared")
  void theLastSignatureWithoutTheExecutedCopyLeavesTheAgreementCleared() {
    LocalDate feb2 = LocalDate.of(2026, 2, 2);
    fixture.given(history(plus(cleared(), iceSignature(SignatoryAuthority.HSI_EAD, FEB_1))))
        .when(partySignature(STATE_PARTY_NAME, feb2))
        .expectEvents(
            new AgreementSigned(ID, 1, new SignatureRecord(PartyName.of(STATE_PARTY_NAME), null, "Casey Lee", "Director", feb2), List.of()))
        .expectState(agreement -> {
          assertThat(agreement.state().status()).isEqualTo(AgreementStatus.CLEARED);
          assertThat(agreement.state().executedOn()).isNull();
        });
  }

  @Test
  @DisplayName("EXECUTED_COPY_ON_FILE: the executed copy of a fully signed agreement executes it on the day of its last signature")
  void theExecutedCopyOfAFullySignedAgreementExecutesIt() {
    LocalDate feb2 = LocalDate.of(2026, 2, 2);
    AttachDocument copy = executedCopy();
    fixture.given(history(plus(cleared(), iceSignature(SignatoryAuthority.HSI_EAD, FEB_1), partySignature(STATE_PARTY_NAME, feb2))))
        .when(copy)
        .expectEvents(
            new DocumentAttached(ID, copy.documentId(), copy.sha256(), copy.size(), copy.mediaType(), copy.fileName(),
                DocumentKind.EXECUTED_COPY, 1, List.of()),
            new AgreementExecuted(ID, 1, feb2, LocalDate.of(2026, 1, 15), LocalDate.of(2028, 1, 15)))
        .expectState(agreement -> assertThat(agreement.state().status()).isEqualTo(AgreementStatus.ACTIVE));
  }

  @Test
  @DisplayName("EXECUTED_COPY_ON_FILE: an executed copy before every signature is given executes nothing")
  void anExecutedCopyBeforeEverySignatureExecutesNothing() {
    AttachDocument copy = executedCopy();
    fixture.given(history(plus(cleared(), iceSignature(SignatoryAuthority.HSI_EAD, FEB_1))))
        .when(copy)
        .expectEvents(new DocumentAttached(ID, copy.documentId(), copy.sha256(), copy.size(), copy.mediaType(), copy.fileName(),
            DocumentKind.EXECUTED_COPY, 1, List.of()))
        .expectState(agreement -> assertThat(agreement.state().status()).isEqualTo(AgreementStatus.CLEARED));
  }

  @Test
  @DisplayName("EXECUTED_COPY_ON_FILE: other papers on file do not stand in for the executed copy")
  void otherPapersDoNotStandInForTheExecutedCopy() {
    AttachDocument annex = new AttachDocument(ID, "annex", "a".repeat(64), 100, "application/pdf", "annex.pdf", DocumentKind.ANNEX, null);
    fixture.given(history(plus(cleared(), annex, iceSignature(SignatoryAuthority.HSI_EAD, FEB_1))))
        .when(partySignature(STATE_PARTY_NAME, LocalDate.of(2026, 2, 2)))
        .expectState(agreement -> assertThat(agreement.state().status()).isEqualTo(AgreementStatus.CLEARED));
  }
}
