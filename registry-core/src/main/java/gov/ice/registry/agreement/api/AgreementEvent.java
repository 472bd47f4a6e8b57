package gov.ice.registry.agreement.api;

/**
 * Every fact of an agreement's life. Axon stores each event's class name, so these names and
 * this package are part of the ledger's format: a change of shape needs a new {@code @Revision}
 * and an upcaster.
 */
public sealed interface AgreementEvent
    permits
    AgreementDrafted,
    AgreementEscalatedToDhs,
    DraftRevised,
    StakeholderConcurred,
    StakeholderNonConcurred,
    DisputeRaised,
    DisputeResolved,
    ClearanceRequested,
    ClearanceGranted,
    ClearanceReturned,
    LegalReviewCompleted,
    AgreementCleared,
    AgreementSigned,
    AgreementExecuted,
    ExecutedAgreementImported,
    BiennialReviewCompleted,
    AmendmentProposed,
    AgreementAmended,
    AgreementTerminated,
    AgreementExpired,
    ExigentTransferRecorded,
    AgreementWithdrawn,
    ReviewDueNoticeIssued,
    ExigentDeadlineMissedNoticeIssued,
    ReminderIssued,
    PersonalDataErased,
    DocumentAttached,
    DocumentContentWithdrawn,
    HandlingMarked {

  AgreementId agreementId();
}
