package gov.ice.registry.web.gate;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.ice.registry.agreement.AgreementFacts;
import gov.ice.registry.agreement.api.InformationCategory;
import gov.ice.registry.agreement.api.Marking;
import gov.ice.registry.agreement.api.PartyKind;
import gov.ice.registry.agreement.api.SharingChannel;
import gov.ice.registry.chain.CanonicalJson;
import gov.ice.registry.chain.Checkpoint;
import gov.ice.registry.gate.GateAction;
import gov.ice.registry.gate.GateDecision;
import gov.ice.registry.gate.GatePolicy;
import gov.ice.registry.gate.GateRequest;
import gov.ice.registry.gate.PartyMatch;
import gov.ice.registry.gate.SharingGate;
import gov.ice.registry.integrity.LedgerIntegrity;
import gov.ice.registry.integrity.log.ChainedLog.NewEntry;
import gov.ice.registry.integrity.log.GroupCommit;
import gov.ice.registry.serialization.RegistryJson;
import gov.ice.registry.web.agreement.InvalidRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * The gate's one door: binds an AuthZEN evaluation to a {@link GateRequest}, reads the candidate
 * agreements' events from the ledger, decides with {@link SharingGate}, and logs the decision in
 * the {@code decisions} chained log before it answers. Refuses to decide (503) while its index is
 * behind the ledger.
 */
class GateService {

  static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final GateIndex index;
  private final EventStore events;
  private final GroupCommit decisions;
  private final Duration logTimeout;
  private final LedgerIntegrity integrity;
  private final Clock clock;
  private final ObjectMapper json = RegistryJson.objectMapper();
  private volatile CachedCheckpoint checkpoint;

  GateService(GateIndex index, EventStore events, GroupCommit decisions, Duration logTimeout, LedgerIntegrity integrity,
      Clock clock) {
    this.index = index;
    this.events = events;
    this.decisions = decisions;
    this.logTimeout = logTimeout;
    this.integrity = integrity;
    this.clock = clock;
  }

  /** The gate's read side is behind the ledger: no decision from a stale view. */
  static final class GateBehind extends RuntimeException {
    GateBehind() {
      super("the sharing gate has not yet read the whole ledger; no decision is given from a view behind it");
    }
  }

  record Caller(String username, List<String> roles) {}

  /** Decides, logs and answers one evaluation: AuthZEN's {@code decision} and {@code context}. */
  AuthZen.AuthZenDecision evaluate(AuthZen.AuthZenEvaluation evaluation, Caller caller) {
    return evaluateAll(List.of(evaluation), caller, answer -> false).get(0);
  }

  /**
   * Decides {@code evaluations} in order, stopping after the first answer {@code stop} accepts
   * (AuthZEN's batch semantics), then logs every decision given and answers them. Every entry is
   * committed before any answer leaves: a batch is one wait on the log, not one per evaluation.
   * Throws {@link GroupCommit.NotLogged} (and answers nothing) if the log did not take them all.
   */
  List<AuthZen.AuthZenDecision> evaluateAll(List<AuthZen.AuthZenEvaluation> evaluations, Caller caller,
      java.util.function.Predicate<AuthZen.AuthZenDecision> stop) {
    List<GateRequest> requests = evaluations.stream().map(this::bind).toList();
    if (!index.caughtUp()) {
      throw new GateBehind();
    }
    Map<String, Object> ledger = ledger();
    List<AuthZen.AuthZenDecision> answers = new java.util.ArrayList<>();
    List<NewEntry> entries = new java.util.ArrayList<>();
    for (GateRequest request : requests) {
      GateDecision decision = decide(request);
      String decisionId = UUID.randomUUID().toString();
      Map<String, Object> context = context(decisionId, decision, ledger, request);
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("request", requestMap(request));
      body.put("answer", Map.of("decision", decision.permit(), "context", context));
      body.put("caller", Map.of("username", caller.username(), "roles", caller.roles()));
      body.put("policy", Map.of("version", SharingGate.POLICY.version(), "hash", SharingGate.POLICY.hash()));
      body.put("ledger", ledger);
      entries.add(new NewEntry(decisionId, null, caller.username(), partnerKey(request), request.action().wireName(),
          decision.permit() ? "PERMIT" : "DENY", CanonicalJson.canonical(body)));
      AuthZen.AuthZenDecision answer = new AuthZen.AuthZenDecision(decision.permit(), context);
      answers.add(answer);
      if (stop.test(answer)) {
        break;
      }
    }
    // Returns only once every entry has committed (with whatever other callers' decisions queued meanwhile);
    // throws GroupCommit.NotLogged otherwise, and the caller gets a 503, never these decisions.
    decisions.appendAll(entries, logTimeout);
    return answers;
  }

  /** The pure decision over the ledger as known at the request's {@code knownAt}: what a replay recomputes. */
  GateDecision decide(GateRequest request) {
    return decide(request, SharingGate.POLICY);
  }

  /** {@link #decide(GateRequest)} under {@code policy}: a replay under the policy a decision recorded. */
  GateDecision decide(GateRequest request, GatePolicy policy) {
    Map<String, Optional<AgreementFacts>> read = new HashMap<>();
    Function<String, Optional<AgreementFacts>> stateOf = id -> read.computeIfAbsent(id, i -> load(i, request.knownAt()));
    Set<String> ids = new LinkedHashSet<>();
    PartyMatch.identifier(request.partnerId()).ifPresent(i -> ids.addAll(index.agreementsWith(GateIndex.identifierKey(i[0], i[1]))));
    String name = request.partnerName() != null ? request.partnerName()
        : PartyMatch.identifier(request.partnerId()).isEmpty() ? request.partnerId() : null;
    if (name != null) {
      ids.addAll(index.agreementsWith(GateIndex.nameKey(name)));
    }
    List<AgreementFacts> states = ids.stream().map(stateOf).flatMap(Optional::stream).toList();
    LocalDate day = LocalDate.ofInstant(request.time(), clock.getZone());
    return SharingGate.evaluate(policy, request, states, day, stateOf);
  }

  private Optional<AgreementFacts> load(String agreementId, Instant knownAt) {
    List<? extends EventMessage<?>> stream = events.readEvents(agreementId).asStream().toList();
    AgreementFacts state = SharingGate.knownAt(stream, knownAt);
    return state.exists() ? Optional.of(state) : Optional.empty();
  }

  private Map<String, Object> context(String decisionId, GateDecision decision, Map<String, Object> ledger, GateRequest request) {
    Map<String, Object> context = new LinkedHashMap<>();
    context.put("decision_id", decisionId);
    context.put("policy", Map.of("version", SharingGate.POLICY.version(), "hash", SharingGate.POLICY.hash()));
    context.put("ledger", ledger);
    context.put("time", request.time().toString());
    context.put("knownAt", request.knownAt().toString());
    context.putAll(decisionMap(decision));
    return context;
  }

  /** basis, reasons, obligations and advice as plain JSON values (what is logged and compared on replay). */
  Map<String, Object> decisionMap(GateDecision decision) {
    Map<String, Object> plain = json.convertValue(decision, MAP);
    plain.remove("permit");
    return withoutNulls(plain);
  }

  @SuppressWarnings("unchecked")
  private static <T> T withoutNulls(T value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> kept = new LinkedHashMap<>();
      map.forEach((k, v) -> {
        if (v != null) {
          kept.put((String) k, withoutNulls(v));
        }
      });
      return (T) kept;
    }
    if (value instanceof List<?> list) {
      return (T) list.stream().map(GateService::withoutNulls).toList();
    }
    return value;
  }

  /** What the decision read: how many ledger events the gate had taken in, and the latest signed checkpoint. */
  private Map<String, Object> ledger() {
    Map<String, Object> ledger = new LinkedHashMap<>();
    ledger.put("eventsRead", index.eventsRead());
    index.position().position().ifPresent(p -> ledger.put("position", p));
    latestCheckpoint().ifPresent(c -> ledger.put("checkpoint", Map.of("size", c.size(), "root", c.root(), "at", c.at())));
    return ledger;
  }

  private record CachedCheckpoint(Optional<Checkpoint> checkpoint, Instant readAt) {}

  /** The latest checkpoint, read again at most every ten seconds: it changes hourly, and each read is a query. */
  private Optional<Checkpoint> latestCheckpoint() {
    CachedCheckpoint cached = checkpoint;
    Instant now = clock.instant();
    if (cached == null || cached.readAt().isBefore(now.minusSeconds(10))) {
      cached = new CachedCheckpoint(integrity.checkpoints().latest(), now);
      checkpoint = cached;
    }
    return cached.checkpoint();
  }

  static String partnerKey(GateRequest r) {
    return r.partnerId() != null ? r.partnerId() : r.partnerName();
  }

  /** The request in canonical form, with both instants resolved: what is logged and what a replay decides again. */
  static Map<String, Object> requestMap(GateRequest r) {
    Map<String, Object> subject = new LinkedHashMap<>();
    subject.put("id", r.partnerId());
    subject.put("name", r.partnerName());
    subject.put("kind", r.partnerKind() == null ? null : r.partnerKind().name());
    subject.put("country", r.partnerCountry());
    Map<String, Object> resource = new LinkedHashMap<>();
    resource.put("category", r.category().name());
    resource.put("pii", r.pii());
    resource.put("sensitivePii", r.sensitivePii());
    resource.put("marking", r.marking().name());
    resource.put("bulk", r.bulk());
    resource.put("section1367", r.section1367());
    resource.put("protectedApplications", r.protectedApplications());
    resource.put("systemOfRecords", r.systemOfRecords());
    resource.put("purpose", r.purpose());
    resource.put("thirdParty", r.thirdParty());
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("subject", subject);
    request.put("action", Map.of("name", r.action().wireName(), "channel", r.channel() == null ? "" : r.channel().name()));
    request.put("resource", resource);
    request.put("context", Map.of("time", r.time().toString(), "knownAt", r.knownAt().toString()));
    return request;
  }

  @SuppressWarnings("unchecked")
  static GateRequest fromRequestMap(Map<String, Object> m) {
    Map<String, Object> s = (Map<String, Object>) m.get("subject");
    Map<String, Object> a = (Map<String, Object>) m.get("action");
    Map<String, Object> r = (Map<String, Object>) m.get("resource");
    Map<String, Object> c = (Map<String, Object>) m.get("context");
    String channel = (String) a.get("channel");
    return new GateRequest((String) s.get("id"), (String) s.get("name"), s.get("kind") == null ? null
        : PartyKind.valueOf((String) s.get("kind")), (String) s.get("country"), GateAction.ofWireName((String) a.get("name")),
        channel == null || channel.isEmpty() ? null : SharingChannel.valueOf(channel), InformationCategory.valueOf((String) r.get("category")),
        (Boolean) r.get("pii"), (Boolean) r.get("sensitivePii"), Marking.valueOf((String) r.get("marking")), (Boolean) r.get("bulk"),
        (Boolean) r.get("section1367"), (Boolean) r.get("protectedApplications"), (String) r.get("systemOfRecords"),
        (String) r.get("purpose"), (String) r.get("thirdParty"), Instant.parse((String) c.get("time")),
        Instant.parse((String) c.get("knownAt")));
  }

  /** An AuthZEN evaluation as the gate's question; a malformed one is a 400 naming the field. */
  GateRequest bind(AuthZen.AuthZenEvaluation e) {
    if (e == null || e.subject() == null) {
      throw new InvalidRequest("subject", "is required: the partner ({\"type\": \"party\", \"id\": ...})");
    }
    if (!"party".equals(e.subject().type())) {
      throw new InvalidRequest("subject.type", "must be party");
    }
    AuthZen.AuthZenSubjectProperties sp = e.subject().properties();
    String name = sp == null ? null : sp.name();
    if (blank(e.subject().id()) && blank(name)) {
      throw new InvalidRequest("subject.id", "is required: the partner's identifier (SCHEME:VALUE) or name");
    }
    PartyKind kind = sp == null || blank(sp.kind()) ? null : parse(PartyKind.class, sp.kind(), "subject.properties.kind");
    if (e.action() == null || blank(e.action().name())) {
      throw new InvalidRequest("action.name", "is required: share, grant_access or redisseminate");
    }
    GateAction action;
    try {
      action = GateAction.ofWireName(e.action().name());
    } catch (IllegalArgumentException ex) {
      throw new InvalidRequest("action.name", ex.getMessage());
    }
    SharingChannel channel = e.action().properties() == null || blank(e.action().properties().channel()) ? null
        : parse(SharingChannel.class, e.action().properties().channel(), "action.properties.channel");
    if (e.resource() == null || blank(e.resource().id())) {
      throw new InvalidRequest("resource.id", "is required: an information category");
    }
    if (!"ice_information".equals(e.resource().type())) {
      throw new InvalidRequest("resource.type", "must be ice_information");
    }
    InformationCategory category = parse(InformationCategory.class, e.resource().id(), "resource.id");
    AuthZen.AuthZenResourceProperties rp = e.resource().properties() == null
        ? new AuthZen.AuthZenResourceProperties(null, null, null, null, null, null, null, null, null) : e.resource().properties();
    Marking marking = blank(rp.marking()) ? Marking.NONE : parse(Marking.class, rp.marking(), "resource.properties.marking");
    Instant now = clock.instant();
    Instant time = e.context() == null || e.context().time() == null ? now : e.context().time();
    Instant knownAt = e.context() == null || e.context().knownAt() == null ? now : e.context().knownAt();
    if (knownAt.isAfter(now)) {
      throw new InvalidRequest("context.knownAt", "is in the future: the registry cannot know what it has not recorded yet");
    }
    return new GateRequest(blank(e.subject().id()) ? null : e.subject().id().trim(), blank(name) ? null : name.trim(), kind,
        sp == null || blank(sp.country()) ? null : sp.country().trim(), action, channel, category, is(rp.pii()),
        is(rp.sensitivePii()), marking, is(rp.bulk()), is(rp.section1367()), is(rp.protectedApplications()),
        blank(rp.systemOfRecords()) ? null : rp.systemOfRecords(), blank(rp.purpose()) ? null : rp.purpose().trim(),
        blank(rp.thirdParty()) ? null : rp.thirdParty(), time, knownAt);
  }

  private static boolean is(Boolean b) {
    return Boolean.TRUE.equals(b);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
    try {
      return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidRequest(field, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
    }
  }
}
