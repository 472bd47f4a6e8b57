package gov.ice.registry.web.agreement;

import gov.ice.registry.agreement.api.AgreementKind;
import gov.ice.registry.agreement.api.AgreementProfile;
import gov.ice.registry.agreement.AgreementFacts;
import gov.ice.registry.agreement.api.AgreementStatus;
import gov.ice.registry.agreement.api.AgreementTerminated;
import gov.ice.registry.agreement.api.Concurrence;
import gov.ice.registry.agreement.api.DataProfile;
import gov.ice.registry.agreement.api.Directorate;
import gov.ice.registry.agreement.api.DisputeRaised;
import gov.ice.registry.agreement.api.Exemption;
import gov.ice.registry.agreement.api.ExigentTransfer;
import gov.ice.registry.agreement.api.InformationCategory;
import gov.ice.registry.agreement.api.Party;
import gov.ice.registry.agreement.api.RequiredStakeholder;
import gov.ice.registry.agreement.api.Scope;
import gov.ice.registry.agreement.api.SignatureRecord;
import gov.ice.registry.agreement.api.Terms;
import gov.ice.registry.projection.access.HandlingView;
import java.time.LocalDate;
import java.util.List;

/** {@code GET /api/agreements/{id}}: the whole agreement as its events say, now or at a past instant. */
record AgreementView(
    String id,
    AgreementStatus status,
    Scope scope,
    int draftVersion,
    long version,
    String title,
    AgreementKind kind,
    Directorate owningDirectorate,
    List<Party> parties,
    List<InformationCategory> categories,
    DataProfile dataProfile,
    Terms terms,
    Exemption exemption,
    List<RequiredStakeholder> requiredStakeholders,
    List<Concurrence> concurrences,
    DisputeRaised openDispute,
    boolean igpCleared,
    Boolean legallySufficient,
    List<SignatureRecord> signatures,
    LocalDate executedOn,
    LocalDate effectiveDate,
    LocalDate lastReviewedOn,
    LocalDate nextReviewDue,
    int amendments,
    AgreementTerminated termination,
    List<ExigentTransfer> exigentTransfers,
    String externalReference,
    HandlingView handling) {

  static AgreementView of(AgreementFacts state) {
    AgreementProfile profile = state.profile();
    return new AgreementView(
        state.id().value(), state.status(), state.scope(), state.draftVersion(), state.version(),
        profile.title(), profile.kind(), profile.owningDirectorate(), profile.parties(), profile.categories(),
        profile.dataProfile(), profile.terms(), profile.exemption(),
        state.requiredStakeholders(), List.copyOf(state.concurrences().values()), state.openDispute().orElse(null),
        state.igpCleared(), state.legallySufficient().orElse(null), state.signatures(),
        state.executedOn(), state.effectiveDate(), state.lastReviewedOn(), state.nextReviewDue(), state.amendments(),
        state.termination().orElse(null), state.exigentTransfers(), state.externalReference(),
        HandlingView.of(profile, state.handlingConfirmed()));
  }
}
