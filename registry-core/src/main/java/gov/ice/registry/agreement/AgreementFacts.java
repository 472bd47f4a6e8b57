package gov.ice.registry.agreement;

import gov.ice.registry.agreement.api.AgreementEvent;
import gov.ice.registry.agreement.api.AgreementId;
import gov.ice.registry.agreement.api.AgreementProfile;
import gov.ice.registry.agreement.api.AgreementStatus;
import gov.ice.registry.agreement.api.AgreementTerminated;
import gov.ice.registry.agreement.api.AmendmentProposed;
import gov.ice.registry.agreement.api.Concurrence;
import gov.ice.registry.agreement.api.DisputeRaised;
import gov.ice.registry.agreement.api.DisputeResolved;
import gov.ice.registry.agreement.api.DocumentAttached;
import gov.ice.registry.agreement.api.DocumentContentWithdrawn;
import gov.ice.registry.agreement.api.Exemption;
import gov.ice.registry.agreement.api.ExigentTransfer;
import gov.ice.registry.agreement.api.InformationCategory;
import gov.ice.registry.agreement.api.NoticeKey;
import gov.ice.registry.agreement.api.RequiredStakeholder;
import gov.ice.registry.agreement.api.Scope;
import gov.ice.registry.agreement.api.SignatoryAuthority;
import gov.ice.registry.agreement.api.SignatureRecord;
import gov.ice.registry.agreement.api.StakeholderOffice;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An agreement as its events have made it: what the read side, the sharing gate and the HTTP
 * edge may know of the domain's fold. It answers from the aggregate's own decision state, which
 * stays inside this package, so there is one fold per fact and the state the stages decide with
 * can change without changing any reader.
 *
 * <p>Immutable: {@link #then} answers new facts and leaves these as they were.
 */
public final class AgreementFacts {

  private static final AgreementFacts NONE = new AgreementFacts(AgreementState.none());

  private final AgreementState state;

  AgreementFacts(AgreementState state) {
    this.state = state;
  }

  /** Before the first event: no agreement. */
  public static AgreementFacts none() {
    return NONE;
  }

  /** The facts of {@code events}, in ledger order. */
  public static AgreementFacts replay(Iterable<? extends AgreementEvent> events) {
    return new AgreementFacts(AgreementState.replay(events));
  }

  /** The facts after {@code event}; these are left as they were. */
  public AgreementFacts then(AgreementEvent event) {
    return new AgreementFacts(state.then(event));
  }

  /** The status an agreement drafted or revised with {@code scope} and {@code exemption} starts in. */
  public static AgreementStatus initialStatus(Scope scope, Exemption exemption) {
    return AgreementState.initialStatus(scope, exemption);
  }

  /** Per information category of {@code profile}, every ICE authority that may sign for it (section X, Appendix H). */
  public static Map<InformationCategory, Set<SignatoryAuthority>> signingAuthorities(AgreementProfile profile) {
    return AgreementState.signingAuthorities(profile);
  }

  /** Whether stakeholders {@code required} call for OPLA's legal sufficiency review (S8, S9). */
  public static boolean legalReviewRequiredBy(List<RequiredStakeholder> required) {
    return AgreementState.legalReviewRequiredBy(required);
  }

  public boolean exists() {
    return state.exists();
  }

  public AgreementId id() {
    return state.id();
  }

  public AgreementStatus status() {
    return state.status();
  }

  public Scope scope() {
    return state.scope();
  }

  public int draftVersion() {
    return state.draftVersion();
  }

  /** How many events the agreement has: its ETag. */
  public long version() {
    return state.version();
  }

  public AgreementProfile profile() {
    return state.profile();
  }

  public List<RequiredStakeholder> requiredStakeholders() {
    return state.requiredStakeholders();
  }

  public Map<StakeholderOffice, Concurrence> concurrences() {
    return state.concurrences();
  }

  public Optional<RequiredStakeholder> requirementOf(StakeholderOffice office) {
    return state.requirementOf(office);
  }

  public boolean concurredOn(StakeholderOffice office, int version) {
    return state.concurredOn(office, version);
  }

  /** Required stakeholders who have not concurred on the current draft version. */
  public List<RequiredStakeholder> missingConcurrences() {
    return state.missingConcurrences();
  }

  /** Non-concurrences on the current version that still block clearance. */
  public List<StakeholderOffice> standingNonConcurrences() {
    return state.standingNonConcurrences();
  }

  /** Required stakeholders not yet concurring, except those whose objection the Director overruled. */
  public List<RequiredStakeholder> concurrencesStillNeeded() {
    return state.concurrencesStillNeeded();
  }

  /** OPR SD SMOU confirmed the handling markings on the current draft version (rule S4). */
  public boolean handlingConfirmed() {
    return state.handlingConfirmed();
  }

  /** The ICE authorities that may still sign; empty once ICE has signed for every category. */
  public Set<SignatoryAuthority> authoritiesStillToSign() {
    return state.authoritiesStillToSign();
  }

  /** The external parties that have not signed yet, by name. */
  public List<String> partiesStillToSign() {
    return state.partiesStillToSign();
  }

  public boolean legalReviewRequired() {
    return state.legalReviewRequired();
  }

  public Optional<DisputeRaised> openDispute() {
    return state.openDispute();
  }

  public Optional<DisputeResolved> lastDisputeDecision() {
    return state.lastDisputeDecision();
  }

  public boolean igpCleared() {
    return state.igpCleared();
  }

  public Optional<Boolean> legallySufficient() {
    return state.legallySufficient();
  }

  public List<SignatureRecord> signatures() {
    return state.signatures();
  }

  /** The reference an imported agreement was filed under before the registry; null otherwise. */
  public String externalReference() {
    return state.externalReference();
  }

  public LocalDate executedOn() {
    return state.executedOn();
  }

  public LocalDate effectiveDate() {
    return state.effectiveDate();
  }

  public LocalDate lastReviewedOn() {
    return state.lastReviewedOn();
  }

  public LocalDate nextReviewDue() {
    return state.nextReviewDue();
  }

  public int amendments() {
    return state.amendments();
  }

  public Optional<AmendmentProposed> pendingAmendment() {
    return state.pendingAmendment();
  }

  public Optional<AgreementTerminated> termination() {
    return state.termination();
  }

  public List<ExigentTransfer> exigentTransfers() {
    return state.exigentTransfers();
  }

  public Set<NoticeKey> noticesIssued() {
    return state.noticesIssued();
  }

  public boolean noticeIssued(NoticeKey key) {
    return state.noticeIssued(key);
  }

  /** The thresholds (days before the due date) of the review notices recorded for {@code dueOn}, ascending. */
  public List<Integer> reviewNoticesIssuedFor(LocalDate dueOn) {
    return state.reviewNoticesIssuedFor(dueOn);
  }

  /** The documents attached, in the order they were attached. */
  public List<DocumentAttached> documents() {
    return state.documents();
  }

  public Optional<DocumentAttached> document(String documentId) {
    return state.document(documentId);
  }

  /** The withdrawal of {@code documentId}'s content, if it was withdrawn. */
  public Optional<DocumentContentWithdrawn> withdrawal(String documentId) {
    return state.withdrawal(documentId);
  }

  /** The SHA-256 of the latest draft text attached to {@code version}: what an approval of that version approves. */
  public Optional<String> draftTextOf(int version) {
    return state.draftTextOf(version);
  }

  public boolean hasExecutedCopy() {
    return state.hasExecutedCopy();
  }

  @Override
  public String toString() {
    return "AgreementFacts[" + state.id() + " v" + state.version() + " " + state.status() + "]";
  }
}
