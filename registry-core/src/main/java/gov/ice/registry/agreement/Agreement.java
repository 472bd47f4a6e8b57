package gov.ice.registry.agreement;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import gov.ice.registry.agreement.api.Actor;
import gov.ice.registry.agreement.api.AgreementAmended;
import gov.ice.registry.agreement.api.AgreementCleared;
import gov.ice.registry.agreement.api.AgreementDirectory;
import gov.ice.registry.agreement.api.AgreementDrafted;
import gov.ice.registry.agreement.api.AgreementEscalatedToDhs;
import gov.ice.registry.agreement.api.AgreementEvent;
import gov.ice.registry.agreement.api.AgreementExecuted;
import gov.ice.registry.agreement.api.AgreementExpired;
import gov.ice.registry.agreement.api.AgreementId;
import gov.ice.registry.agreement.api.AgreementProfile;
import gov.ice.registry.agreement.api.AgreementRefused;
import gov.ice.registry.agreement.api.AgreementSigned;
import gov.ice.registry.agreement.api.AgreementState;
import gov.ice.registry.agreement.api.AgreementStatus;
import gov.ice.registry.agreement.api.AgreementTerminated;
import gov.ice.registry.agreement.api.AgreementWithdrawn;
import gov.ice.registry.agreement.api.AmendAgreement;
import gov.ice.registry.agreement.api.AmendmentProposed;
import gov.ice.registry.agreement.api.BiennialReviewCompleted;
import gov.ice.registry.agreement.api.ClearanceDecision;
import gov.ice.registry.agreement.api.ClearanceGranted;
import gov.ice.registry.agreement.api.ClearanceRequested;
import gov.ice.registry.agreement.api.ClearanceReturned;
import gov.ice.registry.agreement.api.CompleteLegalReview;
import gov.ice.registry.agreement.api.Concurrence;
import gov.ice.registry.agreement.api.ConcurrenceDecision;
import gov.ice.registry.agreement.api.DecideClearance;
import gov.ice.registry.agreement.api.DisputeRaised;
import gov.ice.registry.agreement.api.DisputeResolved;
import gov.ice.registry.agreement.api.DraftAgreement;
import gov.ice.registry.agreement.api.DraftRevised;
import gov.ice.registry.agreement.api.ErasePersonalData;
import gov.ice.registry.agreement.api.ExecutedAgreementImported;
import gov.ice.registry.agreement.api.ExigentDeadlineMissedNoticeIssued;
import gov.ice.registry.agreement.api.ExigentTransfer;
import gov.ice.registry.agreement.api.ExigentTransferRecorded;
import gov.ice.registry.agreement.api.ExpireAgreement;
import gov.ice.registry.agreement.api.ImportExecutedAgreement;
import gov.ice.registry.agreement.api.InformationCategory;
import gov.ice.registry.agreement.api.IssueExigentDeadlineNotice;
import gov.ice.registry.agreement.api.IssueReviewDueNotice;
import gov.ice.registry.agreement.api.LegalReviewCompleted;
import gov.ice.registry.agreement.api.PersonalDataErased;
import gov.ice.registry.agreement.api.RaiseDispute;
import gov.ice.registry.agreement.api.RecordBiennialReview;
import gov.ice.registry.agreement.api.RecordConcurrence;
import gov.ice.registry.agreement.api.RecordExigentTransfer;
import gov.ice.registry.agreement.api.RefusalCode;
import gov.ice.registry.agreement.api.RequestClearance;
import gov.ice.registry.agreement.api.RequiredStakeholder;
import gov.ice.registry.agreement.api.ResolveDispute;
import gov.ice.registry.agreement.api.ReviewDueNoticeIssued;
import gov.ice.registry.agreement.api.ReviseDraft;
import gov.ice.registry.agreement.api.Scope;
import gov.ice.registry.agreement.api.SignAgreement;
import gov.ice.registry.agreement.api.SignatureRecord;
import gov.ice.registry.agreement.api.StakeholderConcurred;
import gov.ice.registry.agreement.api.StakeholderNonConcurred;
import gov.ice.registry.agreement.api.StakeholderOffice;
import gov.ice.registry.agreement.api.TerminateAgreement;
import gov.ice.registry.agreement.api.WithdrawAgreement;
import gov.ice.registry.calendar.BusinessDays;
import gov.ice.registry.ledger.EventChain;
import gov.ice.registry.serialization.RegistryJson;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * An information sharing and access agreement through the handbook's lifecycle. Each handler
 * checks the command against the rules and the current state, then applies events; the state
 * changes only by folding those events. Nothing here reads the system clock: dates come in
 * the commands, and "today" from the injected {@link Clock}.
 *
 * <p>Every event is recorded through {@link #record}, which chains it to the agreement's
 * previous event (see {@link EventChain}); the {@link SecureRandom} every handler takes salts
 * the personal values the chain hashes apart.
 */
public class Agreement {

  @AggregateIdentifier
  private String id;

  private final AgreementState state = new AgreementState();

  /**
   * The agreement's place in the ledger: the hash of its last event and the sequence number of
   * the next. Kept here, not in {@link AgreementState}, because they come from event metadata,
   * which the state never sees.
   */
  private String chainHead = EventChain.GENESIS;
  private long nextSequence;

  /** The form Axon stores events in, which the chain hashes. */
  private static final JacksonSerializer STORED_FORM = RegistryJson.serializer();

  protected Agreement() {
    // Axon rebuilds the aggregate from its events.
  }

  @CommandHandler
  public Agreement(DraftAgreement command, AgreementDirectory directory, Clock clock, SecureRandom random) {
    requireId(command.agreementId());
    ProfileAssessment assessment = ProfileAssessment.of(command.profile(), directory);
    record(clock, random, new AgreementDrafted(command.agreementId(), 1, command.profile(), assessment.scope(), assessment.requiredStakeholders()));
    escalateWhenDhsLevel(command.agreementId(), assessment, 1, clock, random);
  }

  @CommandHandler
  public Agreement(ImportExecutedAgreement command, AgreementDirectory directory, Clock clock, SecureRandom random) {
    requireId(command.agreementId());
    AgreementProfile profile = command.profile();
    ProfileAssessment assessment = ProfileAssessment.of(profile, directory);
    LocalDate today = today(clock);
    notInFuture("executedOn", command.executedOn(), today);
    if (command.lastReviewedOn() != null) {
      notInFuture("lastReviewedOn", command.lastReviewedOn(), today);
      notBefore("lastReviewedOn", command.lastReviewedOn(), "executedOn", command.executedOn());
    }
    List<SignatureRecord> signatures = command.signatures() == null ? List.of() : command.signatures();
    if (signatures.isEmpty()) {
      throw new AgreementRefused(RefusalCode.SIGNATURE_INVALID, "an executed agreement is imported with its signatures");
    }
    List<SignatureRecord> accepted = new ArrayList<>();
    for (SignatureRecord signature : signatures) {
      accepted.add(checkedSignature(profile, signature, accepted, today).signature());
    }
    if (ScopeRule.processApplies(assessment.scope(), profile)) {
      requireEverySignature(profile, accepted);
    }
    LocalDate reviewBase = command.lastReviewedOn() != null
        ? command.lastReviewedOn()
        : AgreementState.effectiveDateOf(profile, command.executedOn());
    record(clock, random, new ExecutedAgreementImported(command.agreementId(), profile, assessment.scope(), assessment.requiredStakeholders(),
        accepted, command.executedOn(), command.lastReviewedOn(), AgreementState.reviewDueAfter(reviewBase), command.externalReference()));
  }

  @CommandHandler
  void handle(ReviseDraft command, AgreementDirectory directory, Clock clock, SecureRandom random) {
    requireStatus("revise the draft", AgreementStatus.DRAFT, AgreementStatus.REGISTERED);
    ProfileAssessment assessment = ProfileAssessment.of(command.profile(), directory);
    int next = state.draftVersion() + 1;
    List<StakeholderOffice> stale = state.concurrences().values().stream()
        .filter(c -> c.decision() == ConcurrenceDecision.CONCUR && c.draftVersion() == state.draftVersion())
        .map(Concurrence::office)
        .toList();
    record(clock, random, new DraftRevised(command.agreementId(), next, command.profile(), assessment.scope(), assessment.requiredStakeholders(), stale));
    escalateWhenDhsLevel(command.agreementId(), assessment, next, clock, random);
  }

  @CommandHandler
  void handle(RecordConcurrence command, AgreementDirectory directory, Clock clock, SecureRandom random) {
    if (command.office() == null || command.decision() == null) {
      throw new AgreementRefused(RefusalCode.PROFILE_INVALID, "a concurrence names the office and its decision");
    }
    boolean onAmendment = state.pendingAmendment().isPresent();
    if (!onAmendment) {
      requireStatus("record a concurrence", AgreementStatus.DRAFT);
    }
    if (command.draftVersion() != state.draftVersion()) {
      throw new AgreementRefused(RefusalCode.STALE_DRAFT_VERSION,
          "the current draft version is " + state.draftVersion() + ", not " + command.draftVersion());
    }
    List<String> rules = (onAmendment
        ? state.pendingAmendment().get().pendingStakeholders().stream().filter(s -> s.office() == command.office()).findFirst()
        : state.requirementOf(command.office()))
        .map(RequiredStakeholder::rules)
        .orElseThrow(() -> new AgreementRefused(RefusalCode.STAKEHOLDER_NOT_REQUIRED,
            command.office() + " is not a stakeholder this " + (onAmendment ? "amendment" : "draft") + " requires"));
    Concurrence previous = state.concurrences().get(command.office());
    if (previous != null && previous.decision() == command.decision() && previous.draftVersion() == command.draftVersion()) {
      return; // The same decision on the same version is recorded once.
    }
    if (command.decision() == ConcurrenceDecision.CONCUR) {
      record(clock, random, new StakeholderConcurred(command.agreementId(), command.office(), command.draftVersion(), command.comment(), rules));
      if (onAmendment && state.pendingAmendmentHasEveryConcurrence()) {
        amendmentTakesEffect(state.pendingAmendment().get(), directory, clock, random);
      }
    } else {
      record(clock, random, new StakeholderNonConcurred(command.agreementId(), command.office(), command.draftVersion(), command.comment(), rules));
    }
  }

  @CommandHandler
  void handle(RaiseDispute command, Clock clock, SecureRandom random) {
    requireStatus("raise a dispute", AgreementStatus.DRAFT);
    if (command.level() == null) {
      throw new AgreementRefused(RefusalCode.PROFILE_INVALID, "a dispute names its level");
    }
    List<StakeholderOffice> objecting = state.standingNonConcurrences();
    if (objecting.isEmpty()) {
      throw new AgreementRefused(RefusalCode.DISPUTE_STATE, "no non-concurrence stands on the current draft version",
          List.of("SECTION_XI"));
    }
    state.openDispute().ifPresent(open -> {
      if (command.level().compareTo(open.level()) <= 0) {
        throw new AgreementRefused(RefusalCode.DISPUTE_STATE,
            "the dispute is already open at " + open.level() + "; it can only be escalated higher", List.of("SECTION_XI"));
      }
    });
    record(clock, random, new DisputeRaised(command.agreementId(), command.level(), command.summary(), state.draftVersion(), objecting));
  }

  @CommandHandler
  void handle(ResolveDispute command, Clock clock, SecureRandom random) {
    DisputeRaised open = state.openDispute().orElseThrow(() ->
        new AgreementRefused(RefusalCode.DISPUTE_STATE, "there is no open dispute to decide", List.of("SECTION_XI")));
    if (command.decision() == null) {
      throw new AgreementRefused(RefusalCode.PROFILE_INVALID, "a dispute resolution names its decision");
    }
    record(clock, random, new DisputeResolved(command.agreementId(), command.decision(), command.rationale(), state.draftVersion(),
        open.objectingOffices()));
  }

  @CommandHandler
  void handle(RequestClearance command, Clock clock, SecureRandom random) {
    requireStatus("request clearance", AgreementStatus.DRAFT);
    var gaps = BaselineElement.gapsIn(state.profile());
    if (!gaps.isEmpty()) {
      StringBuilder detail = new StringBuilder("the terms lack elements of the standard baseline:");
      gaps.forEach((element, fields) -> detail.append(' ').append(element.id()).append(" (").append(element.name())
          .append(": missing ").append(String.join(", ", fields)).append(");"));
      throw new AgreementRefused(RefusalCode.BASELINE_INCOMPLETE, detail.toString(),
          gaps.keySet().stream().map(BaselineElement::id).toList());
    }
    if (state.openDispute().isPresent()) {
      throw new AgreementRefused(RefusalCode.DISPUTE_STATE, "a dispute is open; the ICE Director decides it first",
          List.of("SECTION_XI"));
    }
    List<StakeholderOffice> objecting = state.standingNonConcurrences();
    if (!objecting.isEmpty()) {
      throw new AgreementRefused(RefusalCode.NON_CONCURRENCE_OPEN,
          "non-concurrence stands from " + objecting + "; withdraw it by concurring, or resolve it by dispute",
          rulesOf(objecting));
    }
    List<RequiredStakeholder> missing = state.concurrencesStillNeeded();
    if (!missing.isEmpty()) {
      throw new AgreementRefused(RefusalCode.CONCURRENCE_MISSING,
          "draft version " + state.draftVersion() + " still needs the concurrence of "
              + missing.stream().map(RequiredStakeholder::office).toList(),
          missing.stream().flatMap(s -> s.rules().stream()).distinct().sorted(RULE_ORDER).toList());
    }
    record(clock, random, new ClearanceRequested(command.agreementId(), state.draftVersion()));
  }

  @CommandHandler
  void handle(DecideClearance command, Clock clock, SecureRandom random) {
    requireStatus("decide clearance", AgreementStatus.IN_CLEARANCE);
    if (command.decision() == null) {
      throw new AgreementRefused(RefusalCode.PROFILE_INVALID, "a clearance decision is CLEARED or RETURNED");
    }
    if (command.decision() == ClearanceDecision.RETURNED) {
      record(clock, random, new ClearanceReturned(command.agreementId(), state.draftVersion(), command.comment()));
      return;
    }
    if (state.igpCleared()) {
      throw new AgreementRefused(RefusalCode.WRONG_STATUS, "IGP has cleared this version; OPLA's legal review is awaited",
          List.of("S8", "S9"));
    }
    record(clock, random, new ClearanceGranted(command.agreementId(), state.draftVersion(), command.comment()));
    clearWhenComplete(clock, random);
  }

  @CommandHandler
  void handle(CompleteLegalReview command, Clock clock, SecureRandom random) {
    requireStatus("complete the legal review", AgreementStatus.IN_CLEARANCE);
    if (!state.legalReviewRequired()) {
      throw new AgreementRefused(RefusalCode.STAKEHOLDER_NOT_REQUIRED,
          "OPLA's legal sufficiency review is required only where S8 or S9 apply", List.of("S8", "S9"));
    }
    if (state.legallySufficient().orElse(false)) {
      throw new AgreementRefused(RefusalCode.WRONG_STATUS, "OPLA has already found this version legally sufficient");
    }
    record(clock, random, new LegalReviewCompleted(command.agreementId(), state.draftVersion(), command.legallySufficient(), command.comment()));
    if (command.legallySufficient()) {
      clearWhenComplete(clock, random);
    }
  }

  @CommandHandler
  void handle(SignAgreement command, Clock clock, SecureRandom random) {
    requireStatus("sign", AgreementStatus.CLEARED);
    CheckedSignature checked = checkedSignature(state.profile(), command.signature(), state.signatures(), today(clock));
    record(clock, random, new AgreementSigned(command.agreementId(), state.draftVersion(), checked.signature(), checked.rules()));
    if (missingSignatures(state.profile(), state.signatures()).isEmpty()) {
      LocalDate executedOn = state.signatures().stream().map(SignatureRecord::signedOn).max(LocalDate::compareTo).orElseThrow();
      LocalDate effective = AgreementState.effectiveDateOf(state.profile(), executedOn);
      record(clock, random, new AgreementExecuted(command.agreementId(), state.draftVersion(), executedOn, effective,
          AgreementState.reviewDueAfter(effective)));
    }
  }

  @CommandHandler
  void handle(RecordBiennialReview command, Clock clock, SecureRandom random) {
    requireStatus("record a biennial review", AgreementStatus.ACTIVE);
    if (command.outcome() == null || command.findings() == null) {
      throw new AgreementRefused(RefusalCode.PROFILE_INVALID, "a review records its findings and its outcome");
    }
    notInFuture("reviewedOn", command.reviewedOn(), today(clock));
    notBefore("reviewedOn", command.reviewedOn(), "executedOn", state.executedOn());
    if (state.lastReviewedOn() != null) {
      notBefore("reviewedOn", command.reviewedOn(), "the last review", state.lastReviewedOn());
    }
    record(clock, random, new BiennialReviewCompleted(command.agreementId(), command.reviewedOn(), command.outcome(), command.findings(),
        command.comment(), AgreementState.reviewDueAfter(command.reviewedOn())));
  }

  @CommandHandler
  void handle(AmendAgreement command, AgreementDirectory directory, Clock clock, SecureRandom random) {
    requireStatus("amend", AgreementStatus.ACTIVE);
    if (state.pendingAmendment().isPresent()) {
      throw new AgreementRefused(RefusalCode.WRONG_STATUS,
          "amendment " + state.pendingAmendment().get().amendmentNumber() + " still awaits stakeholder concurrence");
    }
    var changes = command.changes();
    if (changes == null || (changes.title() == null && changes.categories() == null && changes.dataProfile() == null
        && changes.terms() == null)) {
      throw new AgreementRefused(RefusalCode.PROFILE_INVALID, "an amendment changes at least one part of the agreement");
    }
    notInFuture("amendedOn", command.amendedOn(), today(clock));
    List<String> consented = command.consentedBy() == null ? List.of() : command.consentedBy();
    List<String> missing = state.profile().parties().stream()
        .map(p -> p.name())
        .filter(name -> consented.stream().noneMatch(c -> c != null && c.trim().equalsIgnoreCase(name.trim())))
        .toList();
    if (!missing.isEmpty()) {
      throw new AgreementRefused(RefusalCode.CONSENT_MISSING,
          "an amendment needs the written consent of every party; missing: " + String.join(", ", missing), List.of("AMENDMENT_CONSENT"));
    }
    AgreementProfile amended = changes.applyTo(state.profile());
    ProfileAssessment assessment = ProfileAssessment.of(amended, directory);
    Set<StakeholderOffice> already = state.requiredStakeholders().stream().map(RequiredStakeholder::office)
        .collect(Collectors.toSet());
    List<RequiredStakeholder> newlyRequired = assessment.requiredStakeholders().stream()
        .filter(s -> !already.contains(s.office()))
        .toList();
    int number = state.amendments() + 1;
    int version = state.draftVersion() + 1;
    if (newlyRequired.isEmpty()) {
      record(clock, random, new AgreementAmended(command.agreementId(), number, version, amended, assessment.scope(),
          assessment.requiredStakeholders(), consented, command.amendedOn()));
    } else {
      record(clock, random, new AmendmentProposed(command.agreementId(), number, version, changes, consented, command.amendedOn(), newlyRequired));
    }
  }

  @CommandHandler
  void handle(TerminateAgreement command, Clock clock, SecureRandom random) {
    requireStatus("terminate", AgreementStatus.ACTIVE);
    if (command.reason() == null || command.reason().isBlank()) {
      throw new AgreementRefused(RefusalCode.PROFILE_INVALID, "a termination states its reason");
    }
    notInFuture("noticeGivenOn", command.noticeGivenOn(), today(clock));
    requireDate("effectiveOn", command.effectiveOn());
    notBefore("effectiveOn", command.effectiveOn(), "noticeGivenOn", command.noticeGivenOn());
    Integer noticeDays = state.profile().terms() == null ? null : state.profile().terms().terminationNoticeDays();
    if (!command.mutual() && noticeDays != null && command.effectiveOn().isBefore(command.noticeGivenOn().plusDays(noticeDays))) {
      throw new AgreementRefused(RefusalCode.NOTICE_PERIOD_NOT_MET,
          "without mutual consent, termination takes effect no sooner than " + noticeDays + " days after written notice, on "
              + command.noticeGivenOn().plusDays(noticeDays),
          List.of("TERMINATION_NOTICE"));
    }
    record(clock, random, new AgreementTerminated(command.agreementId(), command.reason(), command.noticeGivenOn(), command.effectiveOn(),
        command.mutual()));
  }

  @CommandHandler
  void handle(ExpireAgreement command, Clock clock, SecureRandom random) {
    LocalDate terminationDate = state.profile().terms() == null ? null : state.profile().terms().terminationDate();
    if (state.status() != AgreementStatus.ACTIVE || terminationDate == null || command.asOf() == null
        || !command.asOf().isAfter(terminationDate)) {
      throw new AgreementRefused(RefusalCode.NOT_DUE, "the agreement is not active past its termination date");
    }
    record(clock, random, new AgreementExpired(command.agreementId(), terminationDate, command.asOf()));
  }

  @CommandHandler
  void handle(RecordExigentTransfer command, Clock clock, SecureRandom random) {
    requireStatus("record an exigent transfer", AgreementStatus.DRAFT, AgreementStatus.IN_CLEARANCE, AgreementStatus.CLEARED);
    if (command.authorizedBy() == null) {
      throw new AgreementRefused(RefusalCode.PROFILE_INVALID,
          "an exigent transfer names who determined the threat: the Secretary, Deputy Secretary, ICE Director or a designee",
          List.of("EXEMPTION_10"));
    }
    notInFuture("transferredOn", command.transferredOn(), today(clock));
    if (state.exigentTransferOn(command.transferredOn()).isPresent()) {
      return; // One transfer a day starts one clock; recording it again changes nothing.
    }
    LocalDate deadline = BusinessDays.addBusinessDays(command.transferredOn(), BusinessDays.EXIGENT_MEMORIALIZATION_DAYS);
    record(clock, random, new ExigentTransferRecorded(command.agreementId(), command.transferredOn(), command.authorizedBy(), deadline,
        command.laterMemorializationApprovedBy(), List.of("EXEMPTION_10")));
  }

  @CommandHandler
  void handle(WithdrawAgreement command, Clock clock, SecureRandom random) {
    requireStatus("withdraw", AgreementStatus.DRAFT, AgreementStatus.IN_CLEARANCE, AgreementStatus.CLEARED,
        AgreementStatus.REGISTERED, AgreementStatus.ESCALATED_TO_DHS);
    record(clock, random, new AgreementWithdrawn(command.agreementId(), state.status(), command.reason()));
  }

  @CommandHandler
  void handle(IssueReviewDueNotice command, Clock clock, SecureRandom random) {
    if (!ReviewNotice.isThreshold(command.daysBeforeDue())) {
      throw new AgreementRefused(RefusalCode.PROFILE_INVALID,
          "review notices go out 90, 30 and 0 days before the due date, then every 30 days overdue", List.of("REVIEW_NOTICE"));
    }
    if (state.status() != AgreementStatus.ACTIVE || command.dueOn() == null || !command.dueOn().equals(state.nextReviewDue())
        || command.asOf() == null || command.asOf().isBefore(command.dueOn().minusDays(command.daysBeforeDue()))) {
      throw new AgreementRefused(RefusalCode.NOT_DUE, "no review notice is due for " + command.dueOn() + " at "
          + command.daysBeforeDue() + " days", List.of("REVIEW_NOTICE"));
    }
    if (state.noticeIssued(AgreementState.reviewNoticeKey(command.dueOn(), command.daysBeforeDue()))) {
      return; // Idempotent: a rerun, or a second scheduler, records nothing new.
    }
    record(clock, random, new ReviewDueNoticeIssued(command.agreementId(), command.dueOn(), command.daysBeforeDue(), command.asOf()));
  }

  @CommandHandler
  void handle(IssueExigentDeadlineNotice command, Clock clock, SecureRandom random) {
    ExigentTransfer transfer = state.exigentTransferOn(command.transferredOn()).orElseThrow(() ->
        new AgreementRefused(RefusalCode.NOT_DUE, "no exigent transfer on " + command.transferredOn(), List.of("EXEMPTION_10")));
    if (transfer.metBy(state.executedOn()) || command.asOf() == null
        || !command.asOf().isAfter(transfer.memorializationDeadline())) {
      throw new AgreementRefused(RefusalCode.NOT_DUE,
          "the memorialization deadline " + transfer.memorializationDeadline() + " has not been missed", List.of("EXEMPTION_10"));
    }
    if (state.noticeIssued(AgreementState.exigentNoticeKey(command.transferredOn()))) {
      return;
    }
    record(clock, random, new ExigentDeadlineMissedNoticeIssued(command.agreementId(), command.transferredOn(),
        transfer.memorializationDeadline(), command.asOf()));
  }

  @CommandHandler
  void handle(ErasePersonalData command, Clock clock, SecureRandom random) {
    if (command.reason() == null || command.reason().isBlank() || command.requestReference() == null
        || command.requestReference().isBlank()) {
      throw new AgreementRefused(RefusalCode.PROFILE_INVALID, "an erasure states its legal reason and the request it answers");
    }
    // Everything recorded so far; personal data recorded later needs a request of its own.
    record(clock, random, new PersonalDataErased(command.agreementId(), command.reason(), command.requestReference(), nextSequence));
  }

  @EventSourcingHandler
  void on(AgreementEvent event, @SequenceNumber long sequence, MetaData metaData) {
    id = event.agreementId().value();
    state.apply(event);
    nextSequence = sequence + 1;
    Object hash = metaData.get(EventChain.HASH);
    // An event without a hash (only ever a hand-made test event) is a break the verifier
    // reports; the next event still links to something well formed.
    chainHead = hash == null ? EventChain.GENESIS : hash.toString();
  }

  /**
   * Applies {@code event} with its ledger metadata: the time from {@code clock}, the actor from
   * the command, salts for its personal values, the link to the previous event and its own
   * hash. Computed from this aggregate's chain position alone, so agreements never contend.
   */
  private void record(Clock clock, SecureRandom random, AgreementEvent event) {
    SerializedObject<String> stored = STORED_FORM.serialize(event, String.class);
    MetaData command = CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get().getMessage().getMetaData() : MetaData.emptyInstance();
    Map<String, String> ledger = EventChain.seal(event.agreementId().value(), nextSequence, stored.getType().getName(),
        stored.getType().getRevision(), stored.getData(), clock.instant().truncatedTo(ChronoUnit.MILLIS).toString(),
        textOf(command.get(Actor.USERNAME)), textOf(command.get(Actor.ROLES)), chainHead, random);
    // In a constructor Axon applies events only after it returns, so the chain position moves
    // here too; the event sourcing handler then sets the same values.
    chainHead = ledger.get(EventChain.HASH);
    nextSequence++;
    apply(event, MetaData.from(ledger));
  }

  private static String textOf(Object value) {
    return value == null ? null : value.toString();
  }

  /** The aggregate's current state, for tests and the repository's callers; read only. */
  public AgreementState state() {
    return state;
  }

  // Decisions shared by several handlers.

  private static final Comparator<String> RULE_ORDER = Comparator
      .comparing((String rule) -> rule.replaceAll("\\d", ""))
      .thenComparingInt(rule -> rule.replaceAll("\\D", "").isEmpty() ? 0 : Integer.parseInt(rule.replaceAll("\\D", "")));

  private record CheckedSignature(SignatureRecord signature, List<String> rules) {}

  /**
   * A signature is ICE's, by an authority that may sign for one of the agreement's categories
   * and has not signed yet, or a party's, which signs once and carries no ICE authority.
   */
  private static CheckedSignature checkedSignature(AgreementProfile profile, SignatureRecord signature,
      List<SignatureRecord> existing, LocalDate today) {
    if (signature == null || signature.party() == null || signature.party().isBlank()
        || signature.signatoryName() == null || signature.signatoryName().isBlank()) {
      throw new AgreementRefused(RefusalCode.SIGNATURE_INVALID, "a signature names the party and the signatory");
    }
    notInFuture("signedOn", signature.signedOn(), today);
    if (SignatureRecord.ICE.equalsIgnoreCase(signature.party().trim())) {
      if (signature.authority() == null) {
        throw new AgreementRefused(RefusalCode.SIGNATURE_INVALID, "ICE signs with a signatory authority");
      }
      Set<InformationCategory> categories = SignatoryRule.categoriesSignableBy(signature.authority(), profile);
      if (categories.isEmpty()) {
        throw new AgreementRefused(RefusalCode.SIGNATORY_AUTHORITY_INSUFFICIENT,
            signature.authority() + " may not sign for " + profile.categories() + "; who may: " + whoMaySign(profile),
            SignatoryRule.ALL.stream().filter(rule -> rule.applies().test(profile)).map(SignatoryRule::id).toList());
      }
      if (existing.stream().anyMatch(s -> s.signedForIce() && s.authority() == signature.authority())) {
        throw new AgreementRefused(RefusalCode.SIGNATURE_INVALID, signature.authority() + " has already signed for ICE");
      }
      List<String> rules = categories.stream()
          .flatMap(c -> SignatoryRule.rulesAllowing(signature.authority(), c, profile).stream())
          .distinct()
          .toList();
      return new CheckedSignature(new SignatureRecord(SignatureRecord.ICE, signature.authority(), signature.signatoryName(),
          signature.position(), signature.signedOn()), rules);
    }
    String party = profile.parties().stream()
        .map(p -> p.name())
        .filter(name -> name.trim().equalsIgnoreCase(signature.party().trim()))
        .findFirst()
        .orElseThrow(() -> new AgreementRefused(RefusalCode.SIGNATURE_INVALID,
            signature.party() + " is not a party to this agreement"));
    if (signature.authority() != null) {
      throw new AgreementRefused(RefusalCode.SIGNATURE_INVALID, "only ICE signs with an ICE signatory authority");
    }
    if (existing.stream().anyMatch(s -> s.party().equals(party))) {
      throw new AgreementRefused(RefusalCode.SIGNATURE_INVALID, party + " has already signed");
    }
    return new CheckedSignature(new SignatureRecord(party, null, signature.signatoryName(), signature.position(),
        signature.signedOn()), List.of());
  }

  /** Categories still without an ICE signature that may sign for them, and parties that have not signed. */
  private static List<String> missingSignatures(AgreementProfile profile, List<SignatureRecord> signatures) {
    List<String> missing = new ArrayList<>();
    for (InformationCategory category : profile.categories()) {
      Set<?> allowed = SignatoryRule.authoritiesFor(category, profile);
      if (signatures.stream().noneMatch(s -> s.signedForIce() && allowed.contains(s.authority()))) {
        missing.add("ICE for " + category);
      }
    }
    profile.parties().forEach(p -> {
      if (signatures.stream().noneMatch(s -> s.party().equals(p.name()))) {
        missing.add(p.name());
      }
    });
    return missing;
  }

  private static void requireEverySignature(AgreementProfile profile, List<SignatureRecord> signatures) {
    List<String> missing = missingSignatures(profile, signatures);
    if (!missing.isEmpty()) {
      throw new AgreementRefused(RefusalCode.SIGNATURE_INVALID,
          "an executed agreement carries every signature; missing: " + String.join(", ", missing), List.of("SIGNATORY_EA"));
    }
  }

  private static String whoMaySign(AgreementProfile profile) {
    StringBuilder who = new StringBuilder();
    for (InformationCategory category : profile.categories()) {
      who.append(category).append(": ").append(SignatoryRule.authoritiesFor(category, profile)).append("; ");
    }
    return who.toString().trim();
  }

  private void clearWhenComplete(Clock clock, SecureRandom random) {
    if (state.igpCleared() && (!state.legalReviewRequired() || state.legallySufficient().orElse(false))) {
      record(clock, random, new AgreementCleared(state.id(), state.draftVersion(), state.legalReviewRequired()
          ? state.requirementOf(StakeholderOffice.OPLA).map(RequiredStakeholder::rules).orElse(List.of())
          : List.of()));
    }
  }

  private void amendmentTakesEffect(AmendmentProposed pending, AgreementDirectory directory, Clock clock,
      SecureRandom random) {
    AgreementProfile amended = pending.changes().applyTo(state.profile());
    ProfileAssessment assessment = ProfileAssessment.of(amended, directory);
    record(clock, random, new AgreementAmended(state.id(), pending.amendmentNumber(), pending.draftVersion(), amended, assessment.scope(),
        assessment.requiredStakeholders(), pending.consentedBy(), pending.amendedOn()));
  }

  private void escalateWhenDhsLevel(AgreementId id, ProfileAssessment assessment, int draftVersion, Clock clock,
      SecureRandom random) {
    if (assessment.scope() == Scope.DHS_LEVEL) {
      record(clock, random, new AgreementEscalatedToDhs(id, draftVersion, List.of(ScopeRule.DHS_LEVEL.id()), ScopeRule.DHS_LEVEL.reason()));
    }
  }

  private List<String> rulesOf(List<StakeholderOffice> offices) {
    return offices.stream()
        .flatMap(o -> state.requirementOf(o).map(RequiredStakeholder::rules).orElse(List.of()).stream())
        .distinct()
        .sorted(RULE_ORDER)
        .toList();
  }

  private void requireStatus(String action, AgreementStatus... allowed) {
    for (AgreementStatus status : allowed) {
      if (state.status() == status) {
        return;
      }
    }
    throw new AgreementRefused(RefusalCode.WRONG_STATUS,
        "cannot " + action + " while the agreement is " + state.status() + "; allowed in " + List.of(allowed));
  }

  private static void requireId(AgreementId id) {
    if (id == null) {
      throw new AgreementRefused(RefusalCode.PROFILE_INVALID, "an agreement needs an id");
    }
  }

  private static LocalDate today(Clock clock) {
    return LocalDate.ofInstant(clock.instant(), clock.getZone());
  }

  private static void requireDate(String field, LocalDate date) {
    if (date == null) {
      throw new AgreementRefused(RefusalCode.DATE_INVALID, field + " is required");
    }
  }

  private static void notInFuture(String field, LocalDate date, LocalDate today) {
    requireDate(field, date);
    if (date.isAfter(today)) {
      throw new AgreementRefused(RefusalCode.DATE_INVALID, field + " " + date + " is in the future (today is " + today + ")");
    }
  }

  private static void notBefore(String field, LocalDate date, String otherField, LocalDate other) {
    if (other != null && date.isBefore(other)) {
      throw new AgreementRefused(RefusalCode.DATE_INVALID, field + " " + date + " is before " + otherField + " " + other);
    }
  }
}
