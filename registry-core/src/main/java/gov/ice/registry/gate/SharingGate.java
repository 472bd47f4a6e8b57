package gov.ice.registry.gate;

import gov.ice.registry.agreement.AgreementFacts;
import gov.ice.registry.agreement.api.AgreementStatus;
import gov.ice.registry.agreement.api.ExigentTransfer;
import gov.ice.registry.agreement.api.AgreementEvent;
import java.time.Instant;
import org.axonframework.eventhandling.EventMessage;
import gov.ice.registry.agreement.api.Terms;
import gov.ice.registry.gate.GateDecision.Advice;
import gov.ice.registry.gate.GateDecision.Basis;
import gov.ice.registry.gate.GateDecision.Obligation;
import gov.ice.registry.gate.GateDecision.Reason;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The sharing gate: a pure function from a question and the agreements the partner may be a party
 * to (each as known at {@code knownAt}) to a decision, deny by default. The rules run in
 * {@link #RULES} order on each candidate: blocking rules B1-B3; the agreement in force; coverage
 * (category, PII, marking, channel, bulk, purpose, onward sharing); the exemptions. The first
 * candidate that passes every rule permits; otherwise the candidate that got furthest gives the
 * first reason. Maintenance advice comes last.
 */
public final class SharingGate {

  public static final List<GateRule> RULES = List.of(
      new BlockingRules.B1(), new BlockingRules.B2(), new BlockingRules.B3(),
      new AgreementInForce(),
      new Coverage.Category(), new Coverage.Pii(), new Coverage.MarkingRule(), new Coverage.Channel(), new Coverage.Bulk(),
      new Coverage.Purpose(), new Coverage.OnwardSharing(),
      new Exemptions.ThroughParent(), new Exemptions.ExigentWindow(), new Exemptions.NeedsJudgement());

  public static final GatePolicy POLICY = GatePolicy.of(GatePolicy.VERSION, RULES);

  public static final String NO_COVERING_AGREEMENT = "NO_COVERING_AGREEMENT";
  public static final String PARTY_AMBIGUOUS = "PARTY_AMBIGUOUS";
  public static final String PERMITTED = "PERMITTED";
  /** How soon a review or termination date is worth advice. */
  static final int ADVICE_DAYS = 90;

  private SharingGate() {}

  /**
   * Decides {@code request} on {@code day} over {@code agreements} (each folded from the events
   * recorded at or before {@code knownAt}); {@code stateOf} gives any agreement (a parent) as
   * known at the same instant.
   */
  public static GateDecision evaluate(GateRequest request, List<AgreementFacts> agreements, LocalDate day,
      Function<String, Optional<AgreementFacts>> stateOf) {
    return evaluate(POLICY, request, agreements, day, stateOf);
  }

  /** {@link #evaluate(GateRequest, List, LocalDate, Function)} under {@code policy}'s rules: a replay under a recorded policy. */
  public static GateDecision evaluate(GatePolicy policy, GateRequest request, List<AgreementFacts> agreements, LocalDate day,
      Function<String, Optional<AgreementFacts>> stateOf) {
    if (request.marking().isClassified()) {
      return deny(List.of(BlockingRules.B3.b3(null)), List.of(), List.of());
    }
    List<AgreementFacts> matched = agreements.stream().filter(AgreementFacts::exists)
        .filter(a -> a.profile().parties().stream().anyMatch(p -> PartyMatch.matches(p, request))).toList();
    Set<String> identifiers = new LinkedHashSet<>();
    Set<String> names = new LinkedHashSet<>();
    matched.forEach(a -> a.profile().parties().stream().filter(p -> PartyMatch.matches(p, request)).forEach(p -> {
      if (p.identifier() != null) {
        identifiers.add(PartyMatch.identifierKey(p));
      }
      names.add(PartyMatch.nameKey(p));
    }));
    boolean byIdentifier = PartyMatch.identifier(request.partnerId()).isPresent() && !identifiers.isEmpty();
    if (identifiers.size() > 1 || !byIdentifier && names.size() > 1) {
      return deny(List.of(new Reason(PARTY_AMBIGUOUS, null, "the partner could be any of " + names + (identifiers.isEmpty() ? ""
          : " " + identifiers) + ": name it by its identifier (subject.id SCHEME:VALUE), kind and country")), List.of(), List.of());
    }
    if (matched.isEmpty()) {
      List<Reason> reasons = new ArrayList<>();
      if (request.section1367()) {
        reasons.add(new Reason("B1", null, "8 U.S.C. § 1367 information may not be shared without a covering agreement that cites an "
            + "exception"));
      }
      if (request.protectedApplications()) {
        reasons.add(new Reason("B2", null, "protected-application information may not be shared without a covering agreement that "
            + "cites an exception"));
      }
      reasons.add(new Reason(NO_COVERING_AGREEMENT, null, "the registry knows no agreement with this partner"));
      return deny(reasons, List.of(), List.of());
    }
    List<Candidate> candidates = matched.stream().map(a -> new Candidate(request, a, day, stateOf)).toList();
    List<Candidate> permitting = new ArrayList<>();
    List<Outcome> denied = new ArrayList<>();
    for (Candidate candidate : candidates) {
      Optional<Outcome> failed = firstFailure(policy.rules(), candidate);
      if (failed.isEmpty()) {
        permitting.add(candidate);
      } else {
        denied.add(failed.get());
      }
    }
    if (!permitting.isEmpty()) {
      Candidate chosen = permitting.get(0);
      List<Reason> reasons = permitting.stream().map(c -> new Reason(PERMITTED, c.agreementId(), "in force and covers this sharing"))
          .toList();
      return new GateDecision(true, permitting.stream().map(SharingGate::basis).toList(), reasons, obligations(chosen),
          advice(permitting, List.of()));
    }
    denied.sort(Comparator.comparingInt(Outcome::stage).reversed());
    return deny(denied.stream().map(Outcome::reason).toList(), candidates.stream().map(SharingGate::basis).toList(),
        advice(List.of(), denied));
  }

  private record Outcome(Candidate candidate, int stage, Reason reason) {}

  private static Optional<Outcome> firstFailure(List<GateRule> rules, Candidate candidate) {
    for (int i = 0; i < rules.size(); i++) {
      Optional<Reason> reason = rules.get(i).check(candidate);
      if (reason.isPresent()) {
        return Optional.of(new Outcome(candidate, i, reason.get()));
      }
    }
    return Optional.empty();
  }

  private static GateDecision deny(List<Reason> reasons, List<Basis> basis, List<Advice> advice) {
    return new GateDecision(false, basis, reasons, List.of(), advice);
  }

  static Basis basis(Candidate c) {
    AgreementFacts s = c.state();
    Terms terms = s.profile().terms();
    return new Basis(c.agreementId(), s.profile().title(), s.version(), s.status().name(), s.effectiveDate(),
        terms == null ? null : terms.terminationDate(), s.termination().map(t -> t.effectiveOn()).orElse(null),
        s.profile().exemption() == null ? null : "EXEMPTION_" + s.profile().exemption().number().value());
  }

  /** What the caller must do, each citing the term it comes from. */
  static List<Obligation> obligations(Candidate c) {
    List<Obligation> found = new ArrayList<>();
    Terms terms = c.profile().terms();
    String id = c.agreementId();
    var marking = c.request().marking().compareTo(c.profile().dataProfile().marking()) >= 0 ? c.request().marking()
        : c.profile().dataProfile().marking();
    found.add(new Obligation("APPLY_MARKING", "mark the information " + marking + " before it leaves ICE", id,
        "terms.classificationMarkings", terms == null ? null : terms.classificationMarkings()));
    if (c.request().action() != GateAction.REDISSEMINATE) {
      found.add(new Obligation("NO_ONWARD_SHARING_WITHOUT_CONSENT", "the partner may not share it onward without ICE's written consent",
          id, terms != null && terms.thirdPartyConstraints() != null ? "terms.thirdPartyConstraints" : "terms.dissemination",
          terms == null ? null : terms.thirdPartyConstraints() != null ? terms.thirdPartyConstraints() : terms.dissemination()));
    }
    if (terms != null && terms.retention() != null) {
      found.add(new Obligation("RETENTION_LIMIT", "the partner keeps it no longer than the agreement's retention allows", id,
          "terms.retention", terms.retention()));
    }
    if ((c.request().pii() || c.request().sensitivePii()) && c.request().systemOfRecords() != null
        && !c.request().systemOfRecords().isBlank()) {
      found.add(new Obligation("ACCOUNT_FOR_DISCLOSURE", "record an accounting of this disclosure from " + c.request().systemOfRecords()
          + " under 5 U.S.C. 552a(c)", id, "terms.routineUse", terms == null ? null : terms.routineUse()));
    }
    if (!c.state().exigentTransfers().isEmpty() && c.state().status() != AgreementStatus.ACTIVE) {
      ExigentTransfer last = c.state().exigentTransfers().stream().max(Comparator.comparing(ExigentTransfer::transferredOn))
          .orElseThrow();
      found.add(new Obligation("MEMORIALIZE_EXIGENT_SHARING", "the sharing must be memorialized in an executed agreement by "
          + last.memorializationDeadline(), id, "exigentTransfers", "Appendix B, exemption 10"));
    }
    return found;
  }

  /**
   * The obligations a permit under {@code state} would carry for {@code request} on {@code day}:
   * what an agreement's gate view shows before anyone asks (even before it is signed).
   */
  public static List<Obligation> obligationsFor(AgreementFacts state, GateRequest request, LocalDate day) {
    return obligations(new Candidate(request, state, day, id -> Optional.empty()));
  }

  /** Maintenance advice for the permitting agreements, and what would help the denied ones. */
  static List<Advice> advice(List<Candidate> permitting, List<Outcome> denied) {
    List<Advice> found = new ArrayList<>();
    for (Candidate c : permitting) {
      AgreementFacts s = c.state();
      String id = c.agreementId();
      LocalDate due = s.nextReviewDue();
      if (due != null && due.isBefore(c.day())) {
        found.add(new Advice("REVIEW_OVERDUE", "the biennial review was due on " + due, id));
      } else if (due != null && !due.isAfter(c.day().plusDays(ADVICE_DAYS))) {
        found.add(new Advice("REVIEW_DUE_SOON", "the biennial review is due on " + due, id));
      }
      s.termination().filter(t -> t.effectiveOn().isAfter(c.day()))
          .ifPresent(t -> found.add(new Advice("TERMINATION_SCHEDULED", "terminated with effect from " + t.effectiveOn(), id)));
      Terms terms = s.profile().terms();
      if (terms != null && terms.terminationDate() != null && !terms.terminationDate().isAfter(c.day().plusDays(ADVICE_DAYS))) {
        found.add(new Advice("EXPIRES_SOON", "the agreement expires after " + terms.terminationDate(), id));
      }
    }
    for (Outcome o : denied) {
      String id = o.candidate().agreementId();
      Terms terms = o.candidate().profile().terms();
      if (o.reason().id().equals("CHANNEL_NOT_COVERED") && (terms == null || terms.channels() == null)) {
        found.add(new Advice("TERMS_NAME_NO_CHANNELS", "amend the agreement to name its channels; until then the gate permits none", id));
      }
      if (o.reason().id().equals("PURPOSE_NOT_COVERED") && (terms == null || terms.permittedPurposes() == null)) {
        found.add(new Advice("TERMS_NAME_NO_PURPOSES", "amend the agreement to list its permitted purposes as codes", id));
      }
      if (o.reason().id().equals(NO_COVERING_AGREEMENT) && o.candidate().profile().exemption() != null) {
        found.add(new Advice("EXEMPTION_MAY_APPLY", "Appendix B exemption " + o.candidate().profile().exemption().number().value()
            + " may apply; it needs a case-by-case judgement", id));
      }
    }
    return found;
  }

  /**
   * The agreement as the ledger knew it at {@code knownAt}: its events recorded (sealed) at or
   * before that instant, folded. What a decision reads; recorded time, not business dates, decides.
   */
  public static AgreementFacts knownAt(List<? extends EventMessage<?>> events, Instant knownAt) {
    AgreementFacts state = AgreementFacts.none();
    for (EventMessage<?> event : events) {
      if (event.getTimestamp().isAfter(knownAt)) {
        break;
      }
      if (event.getPayload() instanceof AgreementEvent agreementEvent) {
        state = state.then(agreementEvent);
      }
    }
    return state;
  }
}
