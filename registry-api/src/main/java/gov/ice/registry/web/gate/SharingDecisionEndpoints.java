package gov.ice.registry.web.gate;

import com.fasterxml.jackson.databind.ObjectMapper;
import gov.ice.registry.gate.GateDecision;
import gov.ice.registry.gate.GatePolicies;
import gov.ice.registry.gate.GatePolicy;
import gov.ice.registry.gate.GateRequest;
import gov.ice.registry.gate.SharingGate;
import gov.ice.registry.integrity.log.ChainedLog;
import gov.ice.registry.integrity.log.ChainedLog.StoredEntry;
import gov.ice.registry.integrity.log.ChainedLogConfiguration;
import gov.ice.registry.integrity.log.ChainedLogs;
import gov.ice.registry.web.agreement.InvalidRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import gov.ice.registry.web.access.AccessAction;
import gov.ice.registry.web.access.ReadAccess;
import org.springframework.web.server.ServerWebExchange;
import java.util.concurrent.Callable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The decision log for auditors: every decision the gate gave, filtered and paged; one with its
 * inclusion proof in the log's Merkle tree; and its replay, which decides the logged request again
 * with the same {@code time} and {@code knownAt} and shows any difference.
 */
@RestController
@Tag(name = "Sharing gate")
class SharingDecisionEndpoints {

  private final ChainedLog decisions;
  private final GateService gate;
  private final GatePolicies policies;
  private final ReadAccess access;
  private final ObjectMapper json = new ObjectMapper();

  /** Where a logged decision names an agreement: its basis, reasons and obligations. */
  private static final java.util.regex.Pattern AGREEMENT_ID = java.util.regex.Pattern.compile("\"agreementId\":\"([^\"]+)\"");

  SharingDecisionEndpoints(ChainedLogs logs, GateService gate, ReadAccess access) {
    this.access = access;
    this.decisions = logs.register(ChainedLogConfiguration.DECISIONS);
    this.gate = gate;
    this.policies = GatePolicies.RELEASED;
  }

  record SharingDecisionItem(String decisionId, long sequence, String at, String caller, String partner, String action, String outcome,
      Map<String, Object> entry, String hash) {}

  record SharingDecisionPage(List<SharingDecisionItem> items, long total, int page, int size) {}

  @GetMapping("/api/sharing-decisions")
  @PreAuthorize("hasAnyRole('AUDITOR', 'IGP')")
  @Operation(summary = "The gate's decisions, newest first: filters caller, partner, action, outcome (PERMIT, DENY), from, to (AUDITOR, IGP)")
  Mono<SharingDecisionPage> list(@RequestParam(required = false) String caller, @RequestParam(required = false) String partner,
      @RequestParam(required = false) String action, @RequestParam(required = false) String outcome,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size, ServerWebExchange exchange) {
    if (page < 0 || size < 1 || size > 500) {
      return Mono.error(new InvalidRequest(page < 0 ? "page" : "size", page < 0 ? "must be 0 or more" : "must be 1 to 500"));
    }
    Instant fromAt = instant("from", from);
    Instant toAt = instant("to", to);
    // A decision naming an agreement the markings hide from the reader stays in the list (the decision
    // itself is the gate's, and the total stays true), but what it says is withheld.
    return access.reader().flatMap(reader -> access.hidden(reader).flatMap(hidden -> blocking(() -> {
      ChainedLog.Page found = decisions.list(new ChainedLog.Filter(caller, partner, action, outcome, fromAt, toAt), page, size);
      return new SharingDecisionPage(found.items().stream().map(e -> item(e, hidden)).toList(), found.total(), page, size);
    }).flatMap(answer -> access.record(exchange, reader, AccessAction.LIST, answer.items().stream()
            .flatMap(i -> agreementsOf(i.entry())).distinct().toList(), "sharing decisions", "json").thenReturn(answer))));
  }

  /** The agreements a logged decision names. */
  private java.util.stream.Stream<String> agreementsOf(Object entry) {
    String body;
    try {
      body = json.writeValueAsString(entry);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return AGREEMENT_ID.matcher(body).results().map(m -> m.group(1));
  }

  private SharingDecisionItem item(StoredEntry e, java.util.Set<String> hidden) {
    SharingDecisionItem item = item(e);
    if (hidden.isEmpty() || agreementsOf(item.entry()).noneMatch(hidden::contains)) {
      return item;
    }
    return new SharingDecisionItem(item.decisionId(), item.sequence(), item.at(), item.caller(), item.partner(), item.action(),
        item.outcome(), Map.of("withheld", "an agreement this decision names is not released to you by its handling markings"),
        item.hash());
  }

  @GetMapping("/api/sharing-decisions/{id}")
  @PreAuthorize("hasAnyRole('AUDITOR', 'IGP')")
  @Operation(summary = "One decision as logged, with its inclusion proof in the decision log (AUDITOR, IGP)")
  Mono<Map<String, Object>> one(@PathVariable String id, ServerWebExchange exchange) {
    return access.reader().flatMap(reader -> access.hidden(reader).flatMap(hidden -> blocking(() -> {
      StoredEntry entry = find(id);
      Map<String, Object> answer = new LinkedHashMap<>();
      answer.put("decision", item(entry, hidden));
      answer.put("previousHash", entry.previousHash());
      answer.put("inclusionProof", decisions.inclusionProof(entry.sequence()).orElse(null));
      return answer;
    }).flatMap(answer -> access.record(exchange, reader, AccessAction.VIEW,
        agreementsOf(((SharingDecisionItem) answer.get("decision")).entry()).distinct().toList(), "sharing decision", "json")
        .thenReturn(answer))));
  }

  @PostMapping("/api/sharing-decisions/{id}/replay")
  @PreAuthorize("hasAnyRole('AUDITOR', 'IGP')")
  @Operation(summary = "Decide the logged request again with the same time and knownAt, under policy=recorded (the default) "
      + "or current; shows any difference (AUDITOR, IGP)")
  Mono<Map<String, Object>> replay(@PathVariable String id, @RequestParam(defaultValue = "recorded") String policy) {
    if (!List.of("recorded", "current").contains(policy)) {
      return Mono.error(new InvalidRequest("policy", "must be recorded or current"));
    }
    // A replay shows the decision's basis again: not for a reader the markings keep from an agreement it names.
    return access.reader().flatMap(reader -> access.hidden(reader).flatMap(hidden -> blocking(() -> {
      StoredEntry entry = find(id);
      if (!hidden.isEmpty() && agreementsOf(parse(entry.body())).anyMatch(hidden::contains)) {
        throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no decision " + id);
      }
      return replayOf(entry, policy);
    })));
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> replayOf(StoredEntry entry, String policy) {
    Map<String, Object> body = parse(entry.body());
    Map<String, Object> recordedPolicy = (Map<String, Object>) body.get("policy");
    // Under "recorded", the policy the decision names, found by its hash among the released ones: not today's.
    Optional<GatePolicy> runAs = policy.equals("current") ? Optional.of(SharingGate.POLICY)
        : policies.find((String) recordedPolicy.get("hash"));
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("decisionId", entry.entryId());
    answer.put("recordedPolicy", recordedPolicy);
    if (runAs.isEmpty()) {
      answer.put("replayPolicy", null);
      answer.put("replayed", false);
      answer.put("problem", "the recorded policy " + recordedPolicy.get("version") + " (" + recordedPolicy.get("hash") + ") is not "
          + "among the policies this registry can run: replay with policy=current to compare with today's rules");
      return answer;
    }
    answer.put("replayPolicy", Map.of("version", runAs.get().version(), "hash", runAs.get().hash()));
    GateRequest request = GateService.fromRequestMap((Map<String, Object>) body.get("request"));
    GateDecision decision = gate.decide(request, runAs.get());
    Map<String, Object> recordedAnswer = (Map<String, Object>) body.get("answer");
    Map<String, Object> recordedContext = (Map<String, Object>) recordedAnswer.get("context");
    Map<String, Object> replayed = new LinkedHashMap<>(gate.decisionMap(decision));
    List<Map<String, Object>> differences = new ArrayList<>();
    if (!Objects.equals(recordedAnswer.get("decision"), decision.permit())) {
      differences.add(difference("decision", recordedAnswer.get("decision"), decision.permit()));
    }
    for (String part : List.of("reasons", "obligations", "basis", "advice")) {
      Object before = normalize(recordedContext.get(part));
      Object after = normalize(replayed.get(part));
      if (!Objects.equals(before, after)) {
        differences.add(difference(part, before, after));
      }
    }
    answer.put("replayed", true);
    answer.put("time", request.time().toString());
    answer.put("knownAt", request.knownAt().toString());
    answer.put("recorded", Map.of("decision", recordedAnswer.get("decision"), "reasons", recordedContext.get("reasons")));
    answer.put("replay", Map.of("decision", decision.permit(), "reasons", replayed.get("reasons")));
    answer.put("same", differences.isEmpty());
    answer.put("differences", differences);
    return answer;
  }

  /** Both sides as the same plain JSON values (the logged side went through canonical JSON). */
  private Object normalize(Object value) {
    try {
      return json.readValue(json.writeValueAsString(value == null ? List.of() : value), Object.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, Object> difference(String field, Object recorded, Object replayed) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("field", field);
    d.put("recorded", recorded);
    d.put("replayed", replayed);
    return d;
  }

  private StoredEntry find(String id) {
    return decisions.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no decision " + id));
  }

  private SharingDecisionItem item(StoredEntry e) {
    return new SharingDecisionItem(e.entryId(), e.sequence(), e.at(), e.actor(), e.subject(), e.kind(), e.outcome(), parse(e.body()), e.hash());
  }

  private Map<String, Object> parse(String body) {
    try {
      return json.readValue(body, GateService.MAP);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Instant instant(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new InvalidRequest(field, "must be an ISO-8601 instant, e.g. 2026-12-07T00:00:00Z");
    }
  }

  private static <T> Mono<T> blocking(Callable<T> work) {
    return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
  }
}
