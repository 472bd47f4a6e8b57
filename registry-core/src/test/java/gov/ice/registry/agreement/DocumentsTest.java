package gov.ice.registry.agreement;

import static gov.ice.registry.agreement.AgreementFixtures.profile;
import static gov.ice.registry.agreement.AgreementFixtures.ruleIds;
import static org.assertj.core.api.Assertions.assertThat;

import gov.ice.registry.agreement.api.AgreementCleared;
import gov.ice.registry.agreement.api.AttachDocument;
import gov.ice.registry.agreement.api.ClearanceDecision;
import gov.ice.registry.agreement.api.ClearanceGranted;
import gov.ice.registry.agreement.api.ConcurrenceDecision;
import gov.ice.registry.agreement.api.DecideClearance;
import gov.ice.registry.agreement.api.DocumentAttached;
import gov.ice.registry.agreement.api.DocumentContentWithdrawn;
import gov.ice.registry.agreement.api.DocumentKind;
import gov.ice.registry.agreement.api.RecordConcurrence;
import gov.ice.registry.agreement.api.RefusalCode;
import gov.ice.registry.agreement.api.RequestClearance;
import gov.ice.registry.agreement.api.StakeholderConcurred;
import gov.ice.registry.agreement.api.StakeholderOffice;
import gov.ice.registry.agreement.api.WithdrawDocumentContent;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DocumentsTest extends AgreementTestSupport {

  static final String TEXT_A = "a".repeat(64);
  static final String TEXT_B = "b".repeat(64);

  static AttachDocument attach(String documentId, String sha256, DocumentKind kind, Integer draftVersion) {
    return new AttachDocument(ID, documentId, sha256, 1024, "application/pdf", documentId + ".pdf", kind, draftVersion);
  }

  static DocumentAttached attached(String documentId, String sha256, DocumentKind kind, int draftVersion, StakeholderOffice... stale) {
    return new DocumentAttached(ID, documentId, sha256, 1024, "application/pdf", documentId + ".pdf", kind, draftVersion, List.of(stale));
  }

  @Test
  @DisplayName("Draft text attaches to the current draft version")
  void attachesDraftTextToTheCurrentVersion() {
    fixture.given(history(drafted()))
        .when(attach("doc-1", TEXT_A, DocumentKind.DRAFT_TEXT, 1))
        .expectEvents(attached("doc-1", TEXT_A, DocumentKind.DRAFT_TEXT, 1))
        .expectState(agreement -> assertThat(agreement.state().draftTextOf(1)).contains(TEXT_A));
  }

  @Test
  @DisplayName("Draft text for another version than the current one is refused")
  void refusesDraftTextForAnotherVersion() {
    fixture.given(history(drafted()))
        .when(attach("doc-1", TEXT_A, DocumentKind.DRAFT_TEXT, 2))
        .expectException(refused(RefusalCode.STALE_DRAFT_VERSION))
        .expectNoEvents();
  }

  @Test
  @DisplayName("New draft text makes the concurrences already given on its version stale; they are given again")
  void newDraftTextMakesConcurrencesStale() {
    fixture.given(history(plus(drafted(), attach("doc-1", TEXT_A, DocumentKind.DRAFT_TEXT, 1),
            new RecordConcurrence(ID, StakeholderOffice.IGP, ConcurrenceDecision.CONCUR, 1, "concur"))))
        .when(attach("doc-2", TEXT_B, DocumentKind.DRAFT_TEXT, 1))
        .expectEvents(attached("doc-2", TEXT_B, DocumentKind.DRAFT_TEXT, 1, StakeholderOffice.IGP))
        .expectState(agreement -> {
          assertThat(agreement.state().concurredOn(StakeholderOffice.IGP, 1)).isFalse();
          assertThat(agreement.state().draftTextOf(1)).contains(TEXT_B);
        });
  }

  @Test
  @DisplayName("The same draft text again changes nothing and leaves the concurrences standing")
  void theSameDraftTextAgainChangesNothing() {
    fixture.given(history(plus(drafted(), attach("doc-1", TEXT_A, DocumentKind.DRAFT_TEXT, 1),
            new RecordConcurrence(ID, StakeholderOffice.IGP, ConcurrenceDecision.CONCUR, 1, "concur"))))
        .when(attach("doc-2", TEXT_A, DocumentKind.DRAFT_TEXT, 1))
        .expectSuccessfulHandlerExecution()
        .expectNoEvents();
  }

  @Test
  @DisplayName("A concurrence on a version with draft text records the text's SHA-256")
  void aConcurrenceRecordsTheDraftTextItApproves() {
    fixture.given(history(plus(drafted(), attach("doc-1", TEXT_A, DocumentKind.DRAFT_TEXT, 1))))
        .when(new RecordConcurrence(ID, StakeholderOffice.IGP, ConcurrenceDecision.CONCUR, 1, "concur"))
        .expectEvents(new StakeholderConcurred(ID, StakeholderOffice.IGP, 1, "concur", ruleIds("S1"), TEXT_A));
  }

  @Test
  @DisplayName("IGP's clearance of a version with draft text records the text's SHA-256")
  void clearanceRecordsTheDraftText() {
    List<Object> given = plus(plus(drafted(), attach("doc-1", TEXT_A, DocumentKind.DRAFT_TEXT, 1)), concurrences(profile(), 1));
    fixture.given(history(plus(given, new RequestClearance(ID))))
        .when(new DecideClearance(ID, ClearanceDecision.CLEARED, "cleared"))
        .expectEvents(new ClearanceGranted(ID, 1, "cleared", TEXT_A), new AgreementCleared(ID, 1, List.of()));
  }

  @Test
  @DisplayName("An approval of a version without draft text records no hash")
  void anApprovalWithoutDraftTextRecordsNoHash() {
    fixture.given(history(drafted()))
        .when(new RecordConcurrence(ID, StakeholderOffice.IGP, ConcurrenceDecision.CONCUR, 1, "concur"))
        .expectEvents(new StakeholderConcurred(ID, StakeholderOffice.IGP, 1, "concur", ruleIds("S1"), null));
  }

  @Test
  @DisplayName("An executed copy cannot be attached to a draft")
  void refusesAnExecutedCopyOnADraft() {
    fixture.given(history(drafted()))
        .when(attach("doc-1", TEXT_A, DocumentKind.EXECUTED_COPY, null))
        .expectException(refused(RefusalCode.WRONG_STATUS))
        .expectNoEvents();
  }

  @Test
  @DisplayName("Correspondence goes with the current version when none is named")
  void correspondenceGoesWithTheCurrentVersion() {
    fixture.given(history(drafted()))
        .when(attach("doc-1", TEXT_A, DocumentKind.CORRESPONDENCE, null))
        .expectEvents(attached("doc-1", TEXT_A, DocumentKind.CORRESPONDENCE, 1));
  }

  @Test
  @DisplayName("A malformed SHA-256 or a second document with the same id is refused")
  void refusesMalformedDocuments() {
    fixture.given(history(drafted()))
        .when(attach("doc-1", "ABC", DocumentKind.ANNEX, null))
        .expectException(refused(RefusalCode.PROFILE_INVALID));
    fixture.given(history(plus(drafted(), attach("doc-1", TEXT_A, DocumentKind.ANNEX, null))))
        .when(attach("doc-1", TEXT_B, DocumentKind.ANNEX, null))
        .expectException(refused(RefusalCode.PROFILE_INVALID));
  }

  @Test
  @DisplayName("Withdrawing a document's content records the reason and the hash; a second withdrawal is refused")
  void withdrawsContentOnce() {
    List<Object> given = plus(drafted(), attach("doc-1", TEXT_A, DocumentKind.ANNEX, null));
    fixture.given(history(given))
        .when(new WithdrawDocumentContent(ID, "doc-1", "Court order 26-cv-0042"))
        .expectEvents(new DocumentContentWithdrawn(ID, "doc-1", TEXT_A, "Court order 26-cv-0042"))
        .expectState(agreement -> assertThat(agreement.state().withdrawal("doc-1")).isPresent());
    fixture.given(history(plus(given, new WithdrawDocumentContent(ID, "doc-1", "Court order"))))
        .when(new WithdrawDocumentContent(ID, "doc-1", "again"))
        .expectException(refused(RefusalCode.WRONG_STATUS));
  }

  @Test
  @DisplayName("Who may attach: the program office and IGP any kind, a signatory only the executed copy")
  void whoMayAttach() {
    assertThat(DocumentKind.DRAFT_TEXT.mayBeAttachedBy(List.of("PROGRAM_OFFICE"))).isTrue();
    assertThat(DocumentKind.DRAFT_TEXT.mayBeAttachedBy(List.of("IGP"))).isTrue();
    assertThat(DocumentKind.DRAFT_TEXT.mayBeAttachedBy(List.of("SIGNATORY_HSI_EAD"))).isFalse();
    assertThat(DocumentKind.EXECUTED_COPY.mayBeAttachedBy(List.of("SIGNATORY_HSI_EAD"))).isTrue();
    assertThat(DocumentKind.EXECUTED_COPY.mayBeAttachedBy(List.of("AUDITOR", "STAKEHOLDER_IGP"))).isFalse();
  }
}
