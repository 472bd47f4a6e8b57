package gov.ice.registry.agreement.api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An agreement's state, folded from its events in ledger order. The aggregate decides with it,
 * the HTTP edge answers with it after a command, and auditors get it at a past instant by
 * folding only the events up to that instant. It only records what events say: every decision
 * was taken before the event was applied.
 */
public final class AgreementState {

  /** The biennial review: at least every two years from the effective date or the last review. */
  public static final int REVIEW_INTERVAL_YEARS = 2;

  private AgreementId id;
  private AgreementStatus status;
  private Scope scope;
  private int draftVersion;
  private long version;
  private AgreementProfile profile;
  private List<RequiredStakeholder> requiredStakeholders = List.of();
  private final Map<StakeholderOffice, Concurrence> concurrences = new EnumMap<>(StakeholderOffice.class);
  private DisputeRaised openDispute;
  private DisputeResolved lastDisputeDecision;
  private boolean igpCleared;
  private Boolean legallySufficient;
  private final List<SignatureRecord> signatures = new ArrayList<>();
  private LocalDate executedOn;
  private LocalDate effectiveDate;
  private LocalDate lastReviewedOn;
  private LocalDate nextReviewDue;
  private String externalReference;
  private int amendments;
  private AmendmentProposed pendingAmendment;
  private AgreementTerminated termination;
  private final List<ExigentTransfer> exigentTransfers = new ArrayList<>();
  private final Set<String> noticesIssued = new HashSet<>();

  public static AgreementState replay(Iterable<? extends AgreementEvent> events) {
    AgreementState state = new AgreementState();
    events.forEach(state::apply);
    return state;
  }

  public void apply(AgreementEvent event) {
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
    } else if (event instanceof ExigentTransferRecorded e) {
      exigentTransfers.add(new ExigentTransfer(
          e.transferredOn(), e.authorizedBy(), e.memorializationDeadline(), e.laterMemorializationApprovedBy()));
    } else if (event instanceof AgreementWithdrawn) {
      status = AgreementStatus.WITHDRAWN;
    } else if (event instanceof ReviewDueNoticeIssued e) {
      noticesIssued.add(reviewNoticeKey(e.dueOn(), e.daysBeforeDue()));
    } else if (event instanceof ExigentDeadlineMissedNoticeIssued e) {
      noticesIssued.add(exigentNoticeKey(e.transferredOn()));
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
    }
  }

  /**
   * Exempt and out-of-scope agreements are registered without clearance, except exemption 10:
   * sharing under an exigent threat must still be memorialized in an executed ISAA.
   */
  static AgreementStatus initialStatus(Scope scope, Exemption exemption) {
    return switch (scope) {
      case IN_SCOPE, DHS_LEVEL -> AgreementStatus.DRAFT;
      case EXEMPT -> exemption != null && exemption.number() == 10 ? AgreementStatus.DRAFT : AgreementStatus.REGISTERED;
      case OUT_OF_SCOPE_INTERNAL, OUT_OF_SCOPE_RECEIPT_ONLY -> AgreementStatus.REGISTERED;
    };
  }

  public static LocalDate effectiveDateOf(AgreementProfile profile, LocalDate executedOn) {
    Terms terms = profile.terms();
    return terms != null && terms.effectiveDate() != null ? terms.effectiveDate() : executedOn;
  }

  public static LocalDate reviewDueAfter(LocalDate from) {
    return from.plusYears(REVIEW_INTERVAL_YEARS);
  }

  public static String reviewNoticeKey(LocalDate dueOn, int daysBeforeDue) {
    return reviewNoticePrefix(dueOn) + daysBeforeDue;
  }

  private static String reviewNoticePrefix(LocalDate dueOn) {
    return "review:" + dueOn + ":";
  }

  public static String exigentNoticeKey(LocalDate transferredOn) {
    return "exigent:" + transferredOn;
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

  public boolean legalReviewRequired() {
    return requirementOf(StakeholderOffice.OPLA)
        .map(s -> s.rules().contains("S8") || s.rules().contains("S9"))
        .orElse(false);
  }

  /** The thresholds (days before the due date) of the review notices recorded for {@code dueOn}, in ascending order. */
  public List<Integer> reviewNoticesIssuedFor(LocalDate dueOn) {
    if (dueOn == null) {
      return List.of();
    }
    String prefix = reviewNoticePrefix(dueOn);
    return noticesIssued.stream()
        .filter(key -> key.startsWith(prefix))
        .map(key -> Integer.valueOf(key.substring(prefix.length())))
        .sorted()
        .toList();
  }

  public boolean noticeIssued(String key) {
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

  public Set<String> noticesIssued() {
    return Collections.unmodifiableSet(noticesIssued);
  }
}
