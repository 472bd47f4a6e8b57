package gov.ice.registry.web.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.ice.registry.integrity.log.ChainedLog;
import gov.ice.registry.projection.export.SpreadsheetCsv;
import gov.ice.registry.web.query.QueryParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Who read what: {@code GET /api/audit/access} with filters {@code agreementId}, {@code actor},
 * {@code action}, {@code outcome}, {@code from}, {@code to} (instants or days; {@code to}
 * exclusive), paging ({@code page} from 0, {@code size} 1-500) and {@code format=csv}; and
 * {@code GET /api/agreements/{id}/access-log}. Newest first. Reading the log is itself recorded
 * ({@link AccessAction#ACCESS_LOG_READ}).
 */
@RestController
@Tag(name = "Access log")
@PreAuthorize("hasRole('AUDITOR')")
class AccessLogEndpoints {

  /** One record: the chained entry, its body's fields spread out. */
  record AccessRecord(long sequence, String entryId, String at, String actor, String agreementId, String action, String outcome,
      JsonNode detail) {}

  record AccessRecords(long total, int page, int size, List<AccessRecord> items) {}

  private static final List<String> COLUMNS = List.of("sequence", "at", "actor", "agreementId", "action", "outcome", "requestId",
      "sourceAddress", "roles", "offices", "clientId", "path", "sections", "format");

  private final AccessLog log;
  private final ReadAccess access;
  private final ObjectMapper mapper;

  AccessLogEndpoints(AccessLog log, ReadAccess access, ObjectMapper mapper) {
    this.log = log;
    this.access = access;
    this.mapper = mapper;
  }

  @GetMapping("/api/audit/access")
  @Operation(summary = "The access log: who read which agreement, when, how, and what the markings decided (AUDITOR); format=csv for CSV")
  Mono<ResponseEntity<?>> records(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters,
      ServerWebExchange exchange) {
    return answer(parameters, exchange, false);
  }

  @GetMapping("/api/agreements/{id}/access-log")
  @Operation(summary = "The access log of one agreement, newest first (AUDITOR)")
  Mono<ResponseEntity<?>> ofAgreement(@PathVariable String id, @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters,
      ServerWebExchange exchange) {
    MultiValueMap<String, String> withId = new LinkedMultiValueMap<>(parameters);
    withId.set("agreementId", id);
    return answer(withId, exchange, true);
  }

  /** One event type the registry records, with why (AU-2). */
  record CatalogueEntry(String log, String event, String rationale) {}

  @GetMapping("/api/audit/catalogue")
  @Operation(summary = "The event types the registry records and why, generated from the code (AUDITOR)")
  Mono<List<CatalogueEntry>> catalogue() {
    List<CatalogueEntry> entries = new java.util.ArrayList<>();
    for (Class<?> event : gov.ice.registry.agreement.api.AgreementEvent.class.getPermittedSubclasses()) {
      entries.add(new CatalogueEntry("ledger", event.getSimpleName(),
          "A change to an agreement, with who made it: the ledger keeps every change, hash-chained and signed."));
    }
    for (AccessAction action : AccessAction.values()) {
      entries.add(new CatalogueEntry(AccessLogConfiguration.ACCESS, action.name(), action.rationale()));
    }
    RecordedPaths.API.forEach((path, actions) -> entries.add(new CatalogueEntry(AccessLogConfiguration.ACCESS, "GET " + path,
        "Recorded as " + actions + ".")));
    RecordedPaths.PAGES.forEach((path, actions) -> entries.add(new CatalogueEntry(AccessLogConfiguration.ACCESS, "GET " + path,
        "Recorded as " + actions + " (page or file).")));
    return Mono.just(entries);
  }

  /** With {@code ofAgreement}, one agreement's log: a 404, as for an agreement that does not exist, when the markings hide it. */
  private Mono<ResponseEntity<?>> answer(MultiValueMap<String, String> parameters, ServerWebExchange exchange, boolean ofAgreement) {
    QueryParameters p = new QueryParameters(parameters);
    String agreementId = p.string("agreementId");
    String actor = p.string("actor");
    String action = p.string("action");
    if (action != null && Arrays.stream(AccessAction.values()).noneMatch(a -> a.name().equals(action))) {
      p.invalid("action", "is one of " + Arrays.toString(AccessAction.values()));
    }
    String outcome = p.string("outcome");
    Instant from = p.instantOrDay("from", ZoneId.of("America/New_York"), false);
    Instant to = p.instantOrDay("to", ZoneId.of("America/New_York"), false);
    int page = p.integer("page", 0, 0, 1_000_000);
    int size = p.integer("size", 50, 1, 500);
    String format = p.string("format");
    if (format != null && !format.equals("json") && !format.equals("csv")) {
      p.invalid("format", "is json or csv");
    }
    p.validate();
    boolean csv = "csv".equals(format);
    ChainedLog.Filter filter = new ChainedLog.Filter(actor, agreementId, action, outcome, from, to);
    // The log names agreements by id: one the markings hide from the reader is not named to them
    // (its records stay, withheld, so totals stay true); asked for by id, it does not exist.
    return access.reader().flatMap(reader -> access.hidden(reader).flatMap(hidden -> (agreementId == null
        ? Mono.just(false) : access.hides(reader, hidden, agreementId)).flatMap(hides -> {
      if (ofAgreement && hides) {
        return access.denied(exchange, reader, agreementId, "access-log")
            .then(Mono.<ResponseEntity<?>>error(new gov.ice.registry.web.agreement.UnknownAgreement(agreementId)));
      }
      return Mono.fromCallable(() -> log.chained().list(filter, page, size))
        .subscribeOn(Schedulers.boundedElastic())
        .flatMap(found -> access.record(exchange, reader, AccessAction.ACCESS_LOG_READ, agreementId == null ? List.of() : List.of(agreementId),
                "access-log", csv ? "csv" : "json")
            .thenReturn(found))
        // The page's agreements the index does not hide may still be ones it has not indexed yet: the ledger answers for those.
        .flatMap(found -> access.withheld(reader, hidden, found.items().stream().map(ChainedLog.StoredEntry::subject).toList())
            .map(withheldIds -> java.util.Map.entry(found, withheldIds)))
        .map(pair -> {
          ChainedLog.Page found = pair.getKey();
          List<AccessRecord> items = found.items().stream().map(e -> withheld(record(e), pair.getValue())).toList();
          if (!csv) {
            return ResponseEntity.ok(new AccessRecords(found.total(), found.page(), found.size(), items));
          }
          StringBuilder body = new StringBuilder(SpreadsheetCsv.header(COLUMNS));
          for (AccessRecord r : items) {
            JsonNode d = r.detail();
            body.append(SpreadsheetCsv.row(List.of(r.sequence(), r.at(), nz(r.actor()), nz(r.agreementId()), r.action(), nz(r.outcome()),
                d.path("requestId").asText(""), d.path("sourceAddress").asText(""), d.path("roles").toString(), d.path("offices").toString(),
                d.path("clientId").asText(""), d.path("path").asText(""), d.path("sections").toString(), d.path("format").asText(""))));
          }
          return ResponseEntity.ok()
              .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
              .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"access-log.csv\"")
              .body(body.toString());
        });
    })));
  }

  /** {@code r} without its agreement and detail (the path names the agreement) when the agreement is hidden from the reader. */
  private AccessRecord withheld(AccessRecord r, java.util.Set<String> hidden) {
    if (r.agreementId() == null || !hidden.contains(r.agreementId())) {
      return r;
    }
    return new AccessRecord(r.sequence(), r.entryId(), r.at(), r.actor(), null, r.action(), r.outcome(),
        mapper.getNodeFactory().objectNode().put("withheld", "the handling markings of the agreement read do not admit you"));
  }

  private static String nz(String value) {
    return value == null ? "" : value;
  }

  private AccessRecord record(ChainedLog.StoredEntry e) {
    JsonNode detail;
    try {
      detail = mapper.readTree(e.body());
    } catch (java.io.IOException unreadable) {
      detail = mapper.getNodeFactory().textNode(e.body());
    }
    return new AccessRecord(e.sequence(), e.entryId(), e.at(), e.actor(), e.subject(), e.kind(), e.outcome(), detail);
  }
}
