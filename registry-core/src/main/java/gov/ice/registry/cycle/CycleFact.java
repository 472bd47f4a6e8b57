package gov.ice.registry.cycle;

import gov.ice.registry.agreement.AgreementFacts;
import gov.ice.registry.agreement.api.AgreementCleared;
import gov.ice.registry.agreement.api.AgreementDrafted;
import gov.ice.registry.agreement.api.AgreementAmended;
import gov.ice.registry.agreement.api.AgreementEscalatedToDhs;
import gov.ice.registry.agreement.api.AgreementEvent;
import gov.ice.registry.agreement.api.AgreementExecuted;
import gov.ice.registry.agreement.api.AgreementExpired;
import gov.ice.registry.agreement.api.AgreementSigned;
import gov.ice.registry.agreement.api.AgreementStatus;
import gov.ice.registry.agreement.api.AgreementTerminated;
import gov.ice.registry.agreement.api.AgreementWithdrawn;
import gov.ice.registry.agreement.api.AmendmentProposed;
import gov.ice.registry.agreement.api.ClearanceGranted;
import gov.ice.registry.agreement.api.ClearanceRequested;
import gov.ice.registry.agreement.api.ClearanceReturned;
import gov.ice.registry.agreement.api.DisputeRaised;
import gov.ice.registry.agreement.api.DisputeResolved;
import gov.ice.registry.agreement.api.DraftRevised;
import gov.ice.registry.agreement.api.ExecutedAgreementImported;
import gov.ice.registry.agreement.api.ExigentTransferRecorded;
import gov.ice.registry.agreement.api.LegalReviewCompleted;
import gov.ice.registry.agreement.api.RequiredStakeholder;
import gov.ice.registry.agreement.api.StakeholderConcurred;
import gov.ice.registry.agreement.api.StakeholderNonConcurred;
import gov.ice.registry.agreement.api.StakeholderOffice;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What the cycle time needs of one event, at the instant the ledger recorded it: a few values a
 * read model can keep per agreement instead of the events (whose profiles are large) and fold
 * again when the next event arrives. Fields a kind does not use are null, 0 or empty.
 *
 * @param offices required offices (drafts, revisions, amendments, an amendment's newly required ones)
 * @param others offices a revision made stale
 * @param detail the dispute level or decision, the signing authority ({@code EXTERNAL_PARTY} for
 *     another party), or whether a draft enters the clearance process ({@code DRAFT}) or is only
 *     registered ({@code REGISTERED})
 * @param flag legal review required (drafts, revisions), legally sufficient (a legal review)
 * @param day an exigent transfer's day
 */
public record CycleFact(Kind kind, Instant at, int draftVersion, String office, List<String> offices, List<String> others,
    String detail, boolean flag, LocalDate day) {

  public enum Kind {
    DRAFTED, REVISED, CONCURRED, NON_CONCURRED, DISPUTE_RAISED, DISPUTE_RESOLVED, CLEARANCE_REQUESTED, CLEARANCE_GRANTED,
    CLEARANCE_RETURNED, LEGAL_REVIEW, CLEARED, SIGNED, EXECUTED, IMPORTED, AMENDMENT_PROPOSED, AMENDED, EXIGENT_TRANSFER,
    ENDED
  }

  public static final String DRAFT = "DRAFT";
  public static final String REGISTERED = "REGISTERED";
  public static final String EXTERNAL_PARTY = "EXTERNAL_PARTY";

  public CycleFact {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(at, "at");
    offices = offices == null ? List.of() : List.copyOf(offices);
    others = others == null ? List.of() : List.copyOf(others);
  }

  static CycleFact of(Kind kind, Instant at) {
    return new CycleFact(kind, at, 0, null, List.of(), List.of(), null, false, null);
  }

  /** What {@code event}, recorded at {@code at}, tells the cycle time; null when nothing (notices, reviews, erasures). */
  public static CycleFact of(AgreementEvent event, Instant at) {
    if (event instanceof AgreementDrafted e) {
      return new CycleFact(Kind.DRAFTED, at, e.draftVersion(), null, offices(e.requiredStakeholders()), List.of(),
          entersClearance(e.profile().exemption(), e.scope()), AgreementFacts.legalReviewRequiredBy(e.requiredStakeholders()), null);
    } else if (event instanceof DraftRevised e) {
      return new CycleFact(Kind.REVISED, at, e.draftVersion(), null, offices(e.requiredStakeholders()),
          e.staleConcurrences() == null ? List.of() : e.staleConcurrences().stream().map(StakeholderOffice::name).toList(),
          entersClearance(e.profile().exemption(), e.scope()), AgreementFacts.legalReviewRequiredBy(e.requiredStakeholders()), null);
    } else if (event instanceof StakeholderConcurred e) {
      return new CycleFact(Kind.CONCURRED, at, e.draftVersion(), e.office().name(), List.of(), List.of(), null, false, null);
    } else if (event instanceof StakeholderNonConcurred e) {
      return new CycleFact(Kind.NON_CONCURRED, at, e.draftVersion(), e.office().name(), List.of(), List.of(), null, false, null);
    } else if (event instanceof DisputeRaised e) {
      return new CycleFact(Kind.DISPUTE_RAISED, at, e.draftVersion(), null, List.of(), List.of(), e.level().name(), false, null);
    } else if (event instanceof DisputeResolved e) {
      return new CycleFact(Kind.DISPUTE_RESOLVED, at, e.draftVersion(), null, List.of(), List.of(), e.decision().name(), false, null);
    } else if (event instanceof ClearanceRequested) {
      return of(Kind.CLEARANCE_REQUESTED, at);
    } else if (event instanceof ClearanceGranted) {
      return of(Kind.CLEARANCE_GRANTED, at);
    } else if (event instanceof ClearanceReturned) {
      return of(Kind.CLEARANCE_RETURNED, at);
    } else if (event instanceof LegalReviewCompleted e) {
      return new CycleFact(Kind.LEGAL_REVIEW, at, e.draftVersion(), null, List.of(), List.of(), null, e.legallySufficient(), null);
    } else if (event instanceof AgreementCleared) {
      return of(Kind.CLEARED, at);
    } else if (event instanceof AgreementSigned e) {
      String holder = e.signature().signedForIce() && e.signature().authority() != null
          ? e.signature().authority().name() : EXTERNAL_PARTY;
      return new CycleFact(Kind.SIGNED, at, e.draftVersion(), null, List.of(), List.of(), holder, false, null);
    } else if (event instanceof AgreementExecuted) {
      return of(Kind.EXECUTED, at);
    } else if (event instanceof ExecutedAgreementImported) {
      return of(Kind.IMPORTED, at);
    } else if (event instanceof AmendmentProposed e) {
      return new CycleFact(Kind.AMENDMENT_PROPOSED, at, e.draftVersion(), null, offices(e.pendingStakeholders()), List.of(),
          null, false, null);
    } else if (event instanceof AgreementAmended e) {
      return new CycleFact(Kind.AMENDED, at, e.draftVersion(), null, List.of(), List.of(), null, false, null);
    } else if (event instanceof ExigentTransferRecorded e) {
      return new CycleFact(Kind.EXIGENT_TRANSFER, at, 0, null, List.of(), List.of(), null, false, e.transferredOn());
    } else if (event instanceof AgreementWithdrawn || event instanceof AgreementEscalatedToDhs
        || event instanceof AgreementTerminated || event instanceof AgreementExpired) {
      return of(Kind.ENDED, at);
    }
    return null;
  }

  private static List<String> offices(List<RequiredStakeholder> required) {
    return required == null ? List.of() : required.stream().map(s -> s.office().name()).toList();
  }

  private static String entersClearance(gov.ice.registry.agreement.api.Exemption exemption, gov.ice.registry.agreement.api.Scope scope) {
    return AgreementFacts.initialStatus(scope, exemption) == AgreementStatus.DRAFT ? DRAFT : REGISTERED;
  }
}
