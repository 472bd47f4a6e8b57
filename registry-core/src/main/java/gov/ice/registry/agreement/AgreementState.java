package gov.ice.registry.agreement;

import gov.ice.registry.agreement.api.AgreementAmended;
import gov.ice.registry.agreement.api.AgreementCleared;
import gov.ice.registry.agreement.api.AgreementDrafted;
import gov.ice.registry.agreement.api.AgreementEscalatedToDhs;
import gov.ice.registry.agreement.api.AgreementEvent;
import gov.ice.registry.agreement.api.AgreementExecuted;
import gov.ice.registry.agreement.api.AgreementExpired;
import gov.ice.registry.agreement.api.AgreementId;
import gov.ice.registry.agreement.api.AgreementProfile;
import gov.ice.registry.agreement.api.AgreementSigned;
import gov.ice.registry.agreement.api.AgreementStatus;
import gov.ice.registry.agreement.api.AgreementTerminated;
import gov.ice.registry.agreement.api.AgreementWithdrawn;
import gov.ice.registry.agreement.api.AmendmentProposed;
import gov.ice.registry.agreement.api.BiennialReviewCompleted;
import gov.ice.registry.agreement.api.ClearanceGranted;
import gov.ice.registry.agreement.api.ClearanceRequested;
import gov.ice.registry.agreement.api.ClearanceReturned;
import gov.ice.registry.agreement.api.Concurrence;
import gov.ice.registry.agreement.api.ConcurrenceDecision;
import gov.ice.registry.agreement.api.DisputeDecision;
import gov.ice.registry.agreement.api.DisputeRaised;
import gov.ice.registry.agreement.api.DisputeResolved;
import gov.ice.registry.agreement.api.DocumentAttached;
import gov.ice.registry.agreement.api.DocumentContentWithdrawn;
import gov.ice.registry.agreement.api.DocumentKind;
import gov.ice.registry.agreement.api.DraftRevised;
import gov.ice.registry.agreement.api.ExecutedAgreementImported;
import gov.ice.registry.agreement.api.Exemption;
import gov.ice.registry.agreement.api.InformationCategory;
import gov.ice.registry.agreement.api.SignatoryAuthority;
import gov.ice.registry.agreement.api.ExigentDeadlineMissedNoticeIssued;
import gov.ice.registry.agreement.api.ExigentTransfer;
import gov.ice.registry.agreement.api.ExigentTransferRecorded;
import gov.ice.registry.agreement.api.HandlingMarked;
import gov.ice.registry.agreement.api.LegalReviewCompleted;
import gov.ice.registry.agreement.api.NoticeKey;
import gov.ice.registry.agreement.api.PartyName;
import gov.ice.registry.agreement.api.PersonalDataErased;
import gov.ice.registry.agreement.api.RequiredStakeholder;
import gov.ice.registry.agreement.api.ReminderIssued;
import gov.ice.registry.agreement.api.ReviewDueNoticeIssued;
import gov.ice.registry.agreement.api.Scope;
import gov.ice.registry.agreement.api.SignatureRecord;
import gov.ice.registry.agreement.api.StakeholderConcurred;
import gov.ice.registry.agreement.api.StakeholderNonConcurred;
import gov.ice.registry.agreement.api.StakeholderOffice;
import gov.ice.registry.agreement.api.Terms;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An agreement's decision state, folded from its events in ledger order: what the aggregate and
 * its stages decide with. It only records what events say: every decision was taken before the
 * event was applied. Internal to the domain (an ArchUnit rule keeps it so): everything outside
 * reads the same fold through {@link AgreementFacts}.
 *
 * <p>Immutable: {@link #then} answers a new state and leaves this one as it was, so a state
 * handed to a read model's cache or an HTTP response never changes under its holder.
 */
final class AgreementState {

  private static final AgreementState NONE = new AgreementState();

  private AgreementId id;
  private AgreementStatus status;
  private Scope scope;
  private int draftVersion;
  private long version;
  private AgreementProfile profile;
  private List<RequiredStakeholder> requiredStakeholders = List.of();
  private Map<StakeholderOffice, Concurrence> concurrences = new EnumMap<>(StakeholderOffice.class);
  private DisputeRaised openDispute;
  private DisputeResolved lastDisputeDecision;
  private boolean igpCleared;
  private Boolean legallySufficient;
  private List<SignatureRecord> signatures = new ArrayList<>();
  private LocalDate executedOn;
  private LocalDate effectiveDate;
  private LocalDate lastReviewedOn;
  private LocalDate nextReviewDue;
  private String externalReference;
  private int amendments;
  private AmendmentProposed pendingAmendment;
  private AgreementTerminated termination;
  private List<ExigentTransfer> exigentTransfers = new ArrayList<>();
  private Set<NoticeKey> noticesIssued = new HashSet<>();
  private List<DocumentAttached> documents = new ArrayList<>();
  private Map<String, DocumentContentWithdrawn> withdrawals = new LinkedHashMap<>();

  private AgreementState() {}

  /** The state before the first event: no agreement. */
  public static AgreementState none() {
    return NONE;
  }

  public static AgreementState replay(Iterable<? extends AgreementEvent> events) {
    AgreementState state = NONE;
    for (AgreementEvent event : events) {
      state = state.then(event);
    }
    return state;
  }

  /** The state after {@code event}; this one is left as it was. */
  public AgreementState then(AgreementEvent event) {
    AgreementState next = copy();
    next.fold(event);
    return next;
  }

  private AgreementState copy() {
    AgreementState c = new AgreementState();
    c.id = id;
    c.status = status;
    c.scope = scope;
    c.draftVersion = draftVersion;
    c.version = version;
    c.profile = profile;
    c.requiredStakeholders = requiredStakeholders;
    c.concurrences = concurrences.isEmpty() ? new EnumMap<>(StakeholderOffice.class) : new EnumMap<>(concurrences);
    c.openDispute = openDispute;
    c.lastDisputeDecision = lastDisputeDecision;
    c.igpCleared = igpCleared;
    c.legallySufficient = legallySufficient;
    c.signatures = new ArrayList<>(signatures);
    c.executedOn = executedOn;
    c.effectiveDate = effectiveDate;
    c.lastReviewedOn = lastReviewedOn;
    c.nextReviewDue = nextReviewDue;
    c.externalReference = externalReference;
    c.amendments = amendments;
    c.pendingAmendment = pendingAmendment;
    c.termination = termination;
    c.exigentTransfers = new ArrayList<>(exigentTransfers);
    c.noticesIssued = new HashSet<>(noticesIssued);
    c.documents = new ArrayList<>(documents);
    c.withdrawals = new LinkedHashMap<>(withdrawals);
    return c;
  }

  /**
   * Folds one event into this fresh copy (only {@link #then} calls it). Java 17 has pattern
   * matching for switch only as a preview, so this is an if/else over the sealed
   * {@link AgreementEvent} whose last branch throws: an event type added to the sealed interface
   * without a branch here fails the first test that records it, instead of being ignored.
   */
  private void fold(AgreementEvent event) {
    version++;
    if (event instanceof AgreementDrafted e) {
      id = e.agreementId();
      draftVersion = e.draftVersion();
      takeProfile(e.profile(), e.scope(), e.requiredStakeholders());
      status = initialStatus(e.scope(), e.profile().exemption());
    } else if (event instanceof AgreementEscalatedToDhs) {
      status = AgreementStatus.ESCALATED_TO_DHS;
    } else if (event instanceof DraftRevised e) {
      draftVersion = e.draftVersion();
      takeProfile(e.profile(), e.scope(), e.requiredStakeholders());
      status = initialStatus(e.scope(), e.profile().exemption());
      openDispute = null;
      igpCleared = false;
      legallySufficient = null;
    } else if (event instanceof StakeholderConcurred e) {
      concurrences.put(e.office(), new Concurrence(e.office(), ConcurrenceDecision.CONCUR, e.draftVersion(), e.comment()));
      closeDisputeWhenNothingIsLeftToDispute();
    } else if (event instanceof StakeholderNonConcurred e) {
      concurrences.put(e.office(), new Concurrence(e.office(), ConcurrenceDecision.NON_CONCUR, e.draftVersion(), e.comment()));
    } else if (event instanceof DisputeRaised e) {
      openDispute = e;
    } else if (event instanceof DisputeResolved e) {
      openDispute = null;
      lastDisputeDecision = e;
    } else if (event instanceof ClearanceRequested) {
      status = AgreementStatus.IN_CLEARANCE;
    } else if (event instanceof ClearanceGranted) {
      igpCleared = true;
    } else if (event instanceof ClearanceReturned) {
      status = AgreementStatus.DRAFT;
      igpCleared = false;
      legallySufficient = null;
    } else if (event instanceof LegalReviewCompleted e) {
      legallySufficient = e.legallySufficient();
      if (!e.legallySufficient()) {
        status = AgreementStatus.DRAFT;
        igpCleared = false;
      }
    } else if (event instanceof AgreementCleared) {
      status = AgreementStatus.CLEARED;
    } else if (event instanceof AgreementSigned e) {
      signatures.add(e.signature());
    } else if (event instanceof AgreementExecuted e) {
      status = AgreementStatus.ACTIVE;
      executedOn = e.executedOn();
      effectiveDate = e.effectiveDate();
      nextReviewDue = e.nextReviewDue();
    } else if (event instanceof ExecutedAgreementImported e) {
      id = e.agreementId();
      draftVersion = 1;
      takeProfile(e.profile(), e.scope(), e.requiredStakeholders());
      signatures.addAll(e.signatures());
      status = AgreementStatus.ACTIVE;
      executedOn = e.executedOn();
      effectiveDate = effectiveDateOf(e.profile(), e.executedOn());
      lastReviewedOn = e.lastReviewedOn();
      nextReviewDue = e.nextReviewDue();
      externalReference = e.externalReference();
    } else if (event instanceof BiennialReviewCompleted e) {
      lastReviewedOn = e.reviewedOn();
      nextReviewDue = e.nextReviewDue();
    } else if (event instanceof AmendmentProposed e) {
      pendingAmendment = e;
      draftVersion = e.draftVersion();
    } else if (event instanceof AgreementAmended e) {
      pendingAmendment = null;
      amendments = e.amendmentNumber();
      draftVersion = e.draftVersion();
      takeProfile(e.profile(), e.scope(), e.requiredStakeholders());
    } else if (event instanceof AgreementTerminated e) {
      status = AgreementStatus.TERMINATED;
      termination = e;
    } else if (event instanceof AgreementExpired) {
      status = AgreementStatus.EXPIRED;
    } else if (event instanceof DocumentAttached e) {
      documents.add(e);
      // New draft text: the concurrences given on this version were given on other text.
      e.staleConcurrences().forEach(office -> concurrences.computeIfPresent(office,
          (o, c) -> c.decision() == ConcurrenceDecision.CONCUR && c.draftVersion() == e.draftVersion() ? null : c));
    } else if (event instanceof DocumentContentWithdrawn e) {
      withdrawals.put(e.documentId(), e);
    } else if (event instanceof ExigentTransferRecorded e) {
      exigentTransfers.add(new ExigentTransfer(
          e.transferredOn(), e.authorizedBy(), e.memorializationDeadline(), e.laterMemorializationApprovedBy()));
    } else if (event instanceof AgreementWithdrawn) {
      status = AgreementStatus.WITHDRAWN;
    } else if (event instanceof ReviewDueNoticeIssued e) {
      noticesIssued.add(e.key());
    } else if (event instanceof ExigentDeadlineMissedNoticeIssued e) {
      noticesIssued.add(e.key());
    } else if (event instanceof ReminderIssued e) {
      noticesIssued.add(e.key());
    } else if (event instanceof PersonalDataErased) {
      // What the state holds came from earlier events, all of which the erasure covers. A fold
      // over events stored before the erasure rewrote them (a read model replaying) forgets too.
      profile = profile == null ? null : profile.withoutPersonalData();
      signatures.replaceAll(SignatureRecord::withoutPersonalData);
      if (pendingAmendment != null) {
        AmendmentProposed p = pendingAmendment;
        pendingAmendment = new AmendmentProposed(p.agreementId(), p.amendmentNumber(), p.draftVersion(),
            p.changes() == null ? null : p.changes().withoutPersonalData(), p.consentedBy(), p.amendedOn(), p.pendingStakeholders());
      }
    } else if (event instanceof HandlingMarked e) {
      profile = profile == null ? null : profile.withHandling(e.handling());
      e.staleConcurrences().forEach(concurrences::remove);
    } else {
      throw new IllegalArgumentException("no fold for " + event.getClass().getName());
    }
  }

  /**
   * Exempt and out-of-scope agreements are registered without clearance, except exemption 10:
   * sharing under an exigent threat must still be memorialized in an executed ISAA.
   */
  public static AgreementStatus initialStatus(Scope scope, Exemption exemption) {
    return switch (scope) {
      case IN_SCOPE, DHS_LEVEL -> AgreementStatus.DRAFT;
      case EXEMPT -> ExemptionRule.EXIGENT_THREAT.claimedBy(exemption) ? AgreementStatus.DRAFT : AgreementStatus.REGISTERED;
      case OUT_OF_SCOPE_INTERNAL, OUT_OF_SCOPE_RECEIPT_ONLY -> AgreementStatus.REGISTERED;
    };
  }

  public static LocalDate effectiveDateOf(AgreementProfile profile, LocalDate executedOn) {
    Terms terms = profile.terms();
    return terms != null && terms.effectiveDate() != null ? terms.effectiveDate() : executedOn;
  }

  /** The key of the review-due notice for {@code dueOn} at {@code daysBeforeDue}. */
  public static NoticeKey reviewNoticeKey(LocalDate dueOn, int daysBeforeDue) {
    return NoticeKey.review(dueOn, daysBeforeDue);
  }

  /** The key of the missed-deadline notice of the exigent transfer on {@code transferredOn}. */
  public static NoticeKey exigentNoticeKey(LocalDate transferredOn) {
    return NoticeKey.exigent(transferredOn);
  }

  private void takeProfile(AgreementProfile profile, Scope scope, List<RequiredStakeholder> required) {
    this.profile = profile;
    this.scope = scope;
    this.requiredStakeholders = List.copyOf(required);
  }

  private void closeDisputeWhenNothingIsLeftToDispute() {
    if (openDispute != null && standingNonConcurrences().isEmpty()) {
      openDispute = null;
    }
  }

  /** Every stakeholder an amendment newly requires has concurred on it. */
  public boolean pendingAmendmentHasEveryConcurrence() {
    return pendingAmendment != null && pendingAmendment.pendingStakeholders().stream()
        .allMatch(s -> concurredOn(s.office(), pendingAmendment.draftVersion()));
  }

  // Derived views the aggregate decides with.

  public Optional<RequiredStakeholder> requirementOf(StakeholderOffice office) {
    return requiredStakeholders.stream().filter(s -> s.office() == office).findFirst();
  }

  public boolean concurredOn(StakeholderOffice office, int version) {
    Concurrence c = concurrences.get(office);
    return c != null && c.decision() == ConcurrenceDecision.CONCUR && c.draftVersion() == version;
  }

  /** Required stakeholders who have not concurred on the current draft version. */
  public List<RequiredStakeholder> missingConcurrences() {
    return requiredStakeholders.stream().filter(s -> !concurredOn(s.office(), draftVersion)).toList();
  }

  /**
   * Non-concurrences on the current version that still block clearance: a Director's decision to
   * proceed as drafted lifts those it named.
   */
  public List<StakeholderOffice> standingNonConcurrences() {
    return concurrences.values().stream()
        .filter(c -> c.decision() == ConcurrenceDecision.NON_CONCUR && c.draftVersion() == draftVersion)
        .map(Concurrence::office)
        .filter(office -> !liftedByDirector(office))
        .toList();
  }

  private boolean liftedByDirector(StakeholderOffice office) {
    return lastDisputeDecision != null
        && lastDisputeDecision.decision() == DisputeDecision.PROCEED_AS_DRAFTED
        && lastDisputeDecision.draftVersion() == draftVersion
        && lastDisputeDecision.objectingOffices().contains(office);
  }

  /** Required stakeholders not yet concurring, except those whose objection the Director overruled. */
  public List<RequiredStakeholder> concurrencesStillNeeded() {
    return missingConcurrences().stream().filter(s -> !liftedByDirector(s.office())).toList();
  }

  /**
   * OPR SD SMOU has concurred on the current draft version since the markings were last
   * designated: it confirmed them (rule S4).
   */
  public boolean handlingConfirmed() {
    return concurredOn(HandlingMarkings.CONFIRMING_OFFICE, draftVersion);
  }

  /**
   * The ICE authorities that may still sign: for each information category without an ICE
   * signature from an authority allowed for it, every authority that may sign for it (the
   * Executive Agent and the delegations that apply). Empty once ICE has signed for every category.
   */
  public Set<SignatoryAuthority> authoritiesStillToSign() {
    Set<SignatoryAuthority> still = EnumSet.noneOf(SignatoryAuthority.class);
    if (profile == null) {
      return still;
    }
    signingAuthorities(profile).forEach((category, allowed) -> {
      if (signatures.stream().noneMatch(s -> s.signedForIce() && allowed.contains(s.authority()))) {
        still.addAll(allowed);
      }
    });
    return still;
  }

  /** Per information category of {@code profile}, every ICE authority that may sign for it (section X, Appendix H). */
  public static Map<InformationCategory, Set<SignatoryAuthority>> signingAuthorities(AgreementProfile profile) {
    Map<InformationCategory, Set<SignatoryAuthority>> authorities = new EnumMap<>(InformationCategory.class);
    for (InformationCategory category : profile.categories()) {
      authorities.put(category, SignatoryRule.authoritiesFor(category, profile));
    }
    return authorities;
  }

  /** The external parties that have not signed yet, by name. */
  public List<String> partiesStillToSign() {
    if (profile == null) {
      return List.of();
    }
    return profile.parties().stream().map(p -> p.name())
        .filter(name -> signatures.stream().noneMatch(s -> PartyName.of(name).equals(s.party())))
        .toList();
  }

  public boolean legalReviewRequired() {
    return legalReviewRequiredBy(requiredStakeholders);
  }

  /** Whether stakeholders {@code required} call for OPLA's legal sufficiency review (S8, S9). */
  public static boolean legalReviewRequiredBy(List<RequiredStakeholder> required) {
    return required.stream()
        .filter(s -> s.office() == StakeholderOffice.OPLA)
        .anyMatch(s -> Clearance.LEGAL_REVIEW_RULES.stream().anyMatch(s::requiredBy));
  }

  /** The thresholds (days before the due date) of the review notices recorded for {@code dueOn}, in ascending order. */
  public List<Integer> reviewNoticesIssuedFor(LocalDate dueOn) {
    if (dueOn == null) {
      return List.of();
    }
    return noticesIssued.stream()
        .filter(NoticeKey.Review.class::isInstance)
        .map(NoticeKey.Review.class::cast)
        .filter(key -> key.dueOn().equals(dueOn))
        .map(NoticeKey.Review::daysBeforeDue)
        .sorted()
        .toList();
  }

  public boolean noticeIssued(NoticeKey key) {
    return noticesIssued.contains(key);
  }

  public Optional<ExigentTransfer> exigentTransferOn(LocalDate transferredOn) {
    return exigentTransfers.stream().filter(t -> t.transferredOn().equals(transferredOn)).findFirst();
  }

  public boolean exists() {
    return id != null;
  }

  public AgreementId id() {
    return id;
  }

  public AgreementStatus status() {
    return status;
  }

  public Scope scope() {
    return scope;
  }

  public int draftVersion() {
    return draftVersion;
  }

  /** How many events the agreement has: its ETag. */
  public long version() {
    return version;
  }

  public AgreementProfile profile() {
    return profile;
  }

  public List<RequiredStakeholder> requiredStakeholders() {
    return requiredStakeholders;
  }

  public Map<StakeholderOffice, Concurrence> concurrences() {
    return Collections.unmodifiableMap(concurrences);
  }

  public Optional<DisputeRaised> openDispute() {
    return Optional.ofNullable(openDispute);
  }

  public Optional<DisputeResolved> lastDisputeDecision() {
    return Optional.ofNullable(lastDisputeDecision);
  }

  public boolean igpCleared() {
    return igpCleared;
  }

  public Optional<Boolean> legallySufficient() {
    return Optional.ofNullable(legallySufficient);
  }

  public List<SignatureRecord> signatures() {
    return Collections.unmodifiableList(signatures);
  }

  /** The reference an imported agreement was filed under before the registry; null otherwise. */
  public String externalReference() {
    return externalReference;
  }

  public LocalDate executedOn() {
    return executedOn;
  }

  public LocalDate effectiveDate() {
    return effectiveDate;
  }

  public LocalDate lastReviewedOn() {
    return lastReviewedOn;
  }

  public LocalDate nextReviewDue() {
    return nextReviewDue;
  }

  public int amendments() {
    return amendments;
  }

  public Optional<AmendmentProposed> pendingAmendment() {
    return Optional.ofNullable(pendingAmendment);
  }

  public Optional<AgreementTerminated> termination() {
    return Optional.ofNullable(termination);
  }

  public List<ExigentTransfer> exigentTransfers() {
    return Collections.unmodifiableList(exigentTransfers);
  }

  public Set<NoticeKey> noticesIssued() {
    return Collections.unmodifiableSet(noticesIssued);
  }

  /** The documents attached, in the order they were attached. */
  public List<DocumentAttached> documents() {
    return Collections.unmodifiableList(documents);
  }

  public Optional<DocumentAttached> document(String documentId) {
    return documents.stream().filter(d -> d.documentId().equals(documentId)).findFirst();
  }

  /** The withdrawal of {@code documentId}'s content, if it was withdrawn. */
  public Optional<DocumentContentWithdrawn> withdrawal(String documentId) {
    return Optional.ofNullable(withdrawals.get(documentId));
  }

  /** The SHA-256 of the latest draft text attached to {@code version}: what an approval of that version approves. */
  public Optional<String> draftTextOf(int version) {
    String sha256 = null;
    for (DocumentAttached d : documents) {
      if (d.kind() == DocumentKind.DRAFT_TEXT && d.draftVersion() == version) {
        sha256 = d.sha256();
      }
    }
    return Optional.ofNullable(sha256);
  }

  public boolean hasExecutedCopy() {
    return documents.stream().anyMatch(d -> d.kind() == DocumentKind.EXECUTED_COPY);
  }
}
