package gov.ice.registry.projection.repository;

import static gov.ice.registry.agreement.AgreementFixtures.DIRECTOR;
import static gov.ice.registry.agreement.AgreementFixtures.IGP;
import static gov.ice.registry.agreement.AgreementFixtures.PRIVACY;
import static gov.ice.registry.agreement.AgreementFixtures.PROGRAM;
import static gov.ice.registry.agreement.AgreementFixtures.SIGNATORY;
import static gov.ice.registry.agreement.AgreementFixtures.ruleIds;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import gov.ice.registry.agreement.AgreementFacts;
import gov.ice.registry.agreement.api.AgreementAmended;
import gov.ice.registry.agreement.api.AgreementCleared;
import gov.ice.registry.agreement.api.AgreementEscalatedToDhs;
import gov.ice.registry.agreement.api.AgreementEvent;
import gov.ice.registry.agreement.api.AgreementExecuted;
import gov.ice.registry.agreement.api.AgreementExpired;
import gov.ice.registry.agreement.api.AgreementId;
import gov.ice.registry.agreement.api.AgreementKind;
import gov.ice.registry.agreement.api.AgreementProfile;
import gov.ice.registry.agreement.api.AgreementSigned;
import gov.ice.registry.agreement.api.AgreementStatus;
import gov.ice.registry.agreement.api.AgreementTerminated;
import gov.ice.registry.agreement.api.AgreementWithdrawn;
import gov.ice.registry.agreement.api.AmendmentChanges;
import gov.ice.registry.agreement.api.AmendmentProposed;
import gov.ice.registry.agreement.api.BiennialReviewCompleted;
import gov.ice.registry.agreement.api.ClearanceGranted;
import gov.ice.registry.agreement.api.ClearanceRequested;
import gov.ice.registry.agreement.api.ClearanceReturned;
import gov.ice.registry.agreement.api.Directorate;
import gov.ice.registry.agreement.api.DisputeDecision;
import gov.ice.registry.agreement.api.DisputeLevel;
import gov.ice.registry.agreement.api.DisputeRaised;
import gov.ice.registry.agreement.api.DisputeResolved;
import gov.ice.registry.agreement.api.DraftRevised;
import gov.ice.registry.agreement.api.ExecutedAgreementImported;
import gov.ice.registry.agreement.api.Exemption;
import gov.ice.registry.agreement.api.ExigentAuthority;
import gov.ice.registry.agreement.api.ExigentDeadlineMissedNoticeIssued;
import gov.ice.registry.agreement.api.ExigentTransferRecorded;
import gov.ice.registry.agreement.api.InformationCategory;
import gov.ice.registry.agreement.api.LegalReviewCompleted;
import gov.ice.registry.agreement.api.PartyKind;
import gov.ice.registry.agreement.api.PartyName;
import gov.ice.registry.agreement.api.PersonalDataErased;
import gov.ice.registry.agreement.api.RequiredStakeholder;
import gov.ice.registry.agreement.api.ReviewDueNoticeIssued;
import gov.ice.registry.agreement.api.ReviewFindings;
import gov.ice.registry.agreement.api.ReviewOutcome;
import gov.ice.registry.agreement.api.Scope;
import gov.ice.registry.agreement.api.SignatoryAuthority;
import gov.ice.registry.agreement.api.SignatureRecord;
import gov.ice.registry.agreement.api.StakeholderConcurred;
import gov.ice.registry.agreement.api.StakeholderNonConcurred;
import gov.ice.registry.agreement.api.StakeholderOffice;
import gov.ice.registry.agreement.AgreementFixtures;
import gov.ice.registry.projection.context.LedgerFold;
import gov.ice.registry.projection.ProjectionDriver;
import gov.ice.registry.projection.TestReadStore;
import gov.ice.registry.projection.mongo.ReadStore;
import gov.ice.registry.projection.reviews.ReviewProjection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * The repository's and the review schedule's documents, changed event by event from the stored
 * ones, equal after every event the documents of the domain's whole fold (what the projections
 * stored before they stopped folding), through every event type the fold knows.
 */
class AgreementDocumentChangeTest {

  static TestReadStore mongo;
  static ReadStore store;

  @BeforeAll
  static void start() {
    mongo = new TestReadStore();
    store = mongo.store("change");
  }

  @AfterAll
  static void stop() {
    mongo.close();
  }

  private static AgreementProfile profile(String title, boolean pii, Exemption exemption) {
    var base = AgreementFixtures.profile(title, AgreementKind.MOU, Directorate.HSI,
        List.of(AgreementFixtures.party("Ohio BCI", PartyKind.STATE, "us"),
            AgreementFixtures.party("Mexico SSPC", PartyKind.FOREIGN_GOVERNMENT, "MX")),
        List.of(InformationCategory.LAW_ENFORCEMENT, InformationCategory.IMMIGRATION_ADMINISTRATION), pii, "purpose of " + title,
        LocalDate.of(2024, 2, 29), LocalDate.of(2030, 1, 1));
    return new AgreementProfile(base.title(), base.kind(), base.owningDirectorate(), base.parties(), base.categories(),
        base.dataProfile(), base.terms(), exemption);
  }

  private static List<RequiredStakeholder> required(StakeholderOffice... offices) {
    return java.util.Arrays.stream(offices).map(o -> new RequiredStakeholder(o, ruleIds("S1", "S3"))).toList();
  }

  @Test
  void everyEventOfADraftsLifeChangesTheStoredDocumentAsTheFoldWould() {
    String id = "6b1c3c52-0000-4000-8000-000000000001";
    AgreementId a = AgreementId.of(id);
    LocalDate day = LocalDate.of(2025, 3, 3);
    var story = AgreementFixtures.drafted(id, Instant.parse("2025-03-01T12:00:00Z"), profile("First title", false, null))
        .then(PROGRAM, new DraftRevised(a, 2, profile("Second title", true, Exemption.of(10, "threat", null, null)),
            Scope.EXEMPT, required(StakeholderOffice.OPLA, StakeholderOffice.IGP, StakeholderOffice.IGP_PRIVACY), List.of()))
        .then(PROGRAM, new DraftRevised(a, 3, profile("Third title", true, null), Scope.IN_SCOPE,
            required(StakeholderOffice.OPLA, StakeholderOffice.IGP, StakeholderOffice.IGP_PRIVACY), List.of()))
        // Offices out of their enum order: the fold keeps them in it.
        .then(PRIVACY, new StakeholderNonConcurred(a, StakeholderOffice.IGP_PRIVACY, 3, "no", ruleIds("S3")))
        .then(IGP, new StakeholderConcurred(a, StakeholderOffice.OPLA, 3, "ok", ruleIds("S1")))
        .then(IGP, new StakeholderConcurred(a, StakeholderOffice.IGP, 3, null, ruleIds("S1")))
        .then(PROGRAM, new DisputeRaised(a, DisputeLevel.PROGRAM_AD, "privacy", 3, List.of(StakeholderOffice.IGP_PRIVACY)))
        .then(DIRECTOR, new DisputeResolved(a, DisputeDecision.PROCEED_AS_DRAFTED, "fine", 3, List.of(StakeholderOffice.IGP_PRIVACY)))
        .then(PRIVACY, new StakeholderConcurred(a, StakeholderOffice.IGP_PRIVACY, 3, "now yes", ruleIds("S3")))
        .then(PROGRAM, new AgreementEscalatedToDhs(a, 3, ruleIds("S10"), "DHS level"))
        .then(PROGRAM, new ClearanceRequested(a, 3))
        .then(IGP, new ClearanceReturned(a, 3, "fix it"))
        .then(PROGRAM, new ClearanceRequested(a, 3))
        .then(IGP, new ClearanceGranted(a, 3, "cleared"))
        .then(IGP, new LegalReviewCompleted(a, 3, false, "not sufficient"))
        .then(PROGRAM, new ClearanceRequested(a, 3))
        .then(IGP, new LegalReviewCompleted(a, 3, true, "sufficient"))
        .then(IGP, new AgreementCleared(a, 3, List.of()))
        .then(SIGNATORY, new AgreementSigned(a, 3,
            new SignatureRecord(PartyName.ICE, SignatoryAuthority.HSI_EAD, "Sam Signatory", "EAD", day), List.of()))
        .then(PROGRAM, new AgreementSigned(a, 3, new SignatureRecord(PartyName.of("Ohio BCI"), null, "Their Signer", "Director", day), List.of()))
        // EXECUTED_COPY_ON_FILE: the signed paper, then the execution.
        .then(PROGRAM, new gov.ice.registry.agreement.api.DocumentAttached(a, "copy-1", "c".repeat(64), 2048, "application/pdf",
            "executed.pdf", gov.ice.registry.agreement.api.DocumentKind.EXECUTED_COPY, 3, List.of()))
        .then(PROGRAM, new AgreementExecuted(a, 3, day, LocalDate.of(2024, 2, 29), LocalDate.of(2026, 2, 28)))
        .then(PROGRAM, new ExigentTransferRecorded(a, day, ExigentAuthority.ICE_DIRECTOR, day.plusDays(7), null, List.of()))
        .then(PROGRAM, new ExigentDeadlineMissedNoticeIssued(a, day, day.plusDays(7), day.plusDays(8)))
        .then(PROGRAM, new ReviewDueNoticeIssued(a, LocalDate.of(2026, 2, 28), 90, LocalDate.of(2025, 11, 30)))
        .then(PROGRAM, new ReviewDueNoticeIssued(a, LocalDate.of(2026, 2, 28), 30, LocalDate.of(2026, 1, 29)))
        .then(PROGRAM, new ReviewDueNoticeIssued(a, LocalDate.of(2026, 2, 28), 90, LocalDate.of(2025, 12, 1)))
        .then(PROGRAM, new BiennialReviewCompleted(a, LocalDate.of(2026, 2, 1), ReviewOutcome.CONTINUE,
            new ReviewFindings(true, true, true, true, true), "continue", LocalDate.of(2028, 2, 1)))
        .then(PROGRAM, new ReviewDueNoticeIssued(a, LocalDate.of(2028, 2, 1), 0, LocalDate.of(2028, 2, 1)))
        // A due date that comes back to an earlier one finds that date's notices again, as the fold does.
        .then(PROGRAM, new BiennialReviewCompleted(a, LocalDate.of(2026, 2, 2), ReviewOutcome.CONTINUE,
            new ReviewFindings(true, true, true, true, true), "again", LocalDate.of(2026, 2, 28)))
        .then(PROGRAM, new AmendmentProposed(a, 1, 4, new AmendmentChanges("Amended title", null, null, null),
            List.of("Ohio BCI"), day.plusYears(1), required(StakeholderOffice.OPP)))
        .then(PROGRAM, new AgreementAmended(a, 1, 4, profile("Amended title", false, null), Scope.IN_SCOPE,
            required(StakeholderOffice.OPP, StakeholderOffice.IGP), List.of("Ohio BCI"), day.plusYears(1)))
        .then(PROGRAM, new PersonalDataErased(a, "request", "FOIA-1", 32))
        .then(PROGRAM, new AgreementTerminated(a, "ended", day.plusYears(2), day.plusYears(2).plusDays(30), true))
        .then(PROGRAM, new AgreementExpired(a, LocalDate.of(2030, 1, 1), LocalDate.of(2030, 1, 2)))
        .then(PROGRAM, new AgreementWithdrawn(a, AgreementStatus.EXPIRED, "gone"));
    assertEveryStepEqualsTheFold(story.messages());
  }

  @Test
  void anImportedAgreementChangesAsTheFoldWould() {
    String id = "6b1c3c52-0000-4000-8000-000000000002";
    AgreementId a = AgreementId.of(id);
    LocalDate executed = LocalDate.of(2019, 5, 1);
    var story = AgreementFixtures.story(id, Instant.parse("2025-04-01T12:00:00Z"))
        .then(IGP, new ExecutedAgreementImported(a, profile("Imported", true, null), Scope.IN_SCOPE,
            required(StakeholderOffice.IGP), List.of(
                new SignatureRecord(PartyName.ICE, SignatoryAuthority.HSI_EAD, "Sam Signatory", "EAD", executed),
                new SignatureRecord(PartyName.of("Ohio BCI"), null, "Their Signer", "Director", executed)),
            executed, LocalDate.of(2023, 5, 1), LocalDate.of(2025, 5, 1), "HSI-MOU-2019-0042"))
        .then(PROGRAM, new BiennialReviewCompleted(a, LocalDate.of(2025, 4, 20), ReviewOutcome.CONTINUE,
            new ReviewFindings(true, true, true, true, true), null, LocalDate.of(2027, 4, 20)))
        .then(PROGRAM, new AgreementAmended(a, 1, 2, profile("Imported, amended", false, null), Scope.IN_SCOPE,
            required(StakeholderOffice.IGP, StakeholderOffice.OPP), List.of("Ohio BCI"), LocalDate.of(2025, 6, 1)))
        .then(PROGRAM, new PersonalDataErased(a, "request", "FOIA-2", 3));
    assertEveryStepEqualsTheFold(story.messages());
  }

  /** Each event applied alone (its own batch), so the projection reads the stored document back every time. */
  private static void assertEveryStepEqualsTheFold(List<DomainEventMessage<?>> messages) {
    ProjectionDriver driver = new ProjectionDriver(store);
    List<DomainEventMessage<?>> applied = new ArrayList<>();
    for (DomainEventMessage<?> message : messages) {
      driver.apply(List.of(message));
      applied.add(message);
      LedgerFold fold = new LedgerFold((id, sequence) -> applied.stream().filter(m -> m.getSequenceNumber() < sequence).toList());
      LedgerFold.Folded folded = fold.after(message);
      Document expected = AgreementDocuments.toDocument(folded)
          .append("_id", message.getAggregateIdentifier())
          .append("version", message.getSequenceNumber() + 1);
      Document stored = Mono.from(store.live(AgreementDocuments.COLLECTION)
          .find(Filters.eq("_id", message.getAggregateIdentifier())).first()).block();
      assertThat(stored)
          .as("after %s (sequence %d)", message.getPayloadType().getSimpleName(), message.getSequenceNumber())
          .isEqualTo(expected);
      Document review = Mono.from(store.live("reviews")
          .find(Filters.eq("_id", message.getAggregateIdentifier())).first()).block();
      assertThat(review)
          .as("review after %s (sequence %d)", message.getPayloadType().getSimpleName(), message.getSequenceNumber())
          .isEqualTo(ReviewProjection.fromState(folded.state())
              .append("_id", message.getAggregateIdentifier())
              .append("version", message.getSequenceNumber() + 1));
    }
    AgreementFacts whole = AgreementFacts.replay(messages.stream().map(m -> (AgreementEvent) m.getPayload()).toList());
    assertThat(whole.version()).isEqualTo(messages.size());
  }
}
