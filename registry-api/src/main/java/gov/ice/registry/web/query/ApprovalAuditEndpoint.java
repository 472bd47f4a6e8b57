package gov.ice.registry.web.query;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springdoc.core.annotations.ParameterObject;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.ice.registry.projection.audit.Approval;
import gov.ice.registry.projection.audit.ApprovalCsv;
import gov.ice.registry.projection.audit.ApprovalQueries;
import gov.ice.registry.projection.audit.ApprovalSearch;
import gov.ice.registry.projection.repository.AgreementSearch;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import gov.ice.registry.web.access.AccessAction;
import gov.ice.registry.web.access.ReadAccess;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/audit/approvals?actor=&office=&from=&to=&format=csv}: every concurrence,
 * clearance, legal review, signature, review and dispute decision, with the draft version it
 * approved. {@code from} and {@code to} are days (both inclusive, in the registry's zone) or
 * instants ({@code to} exclusive). JSON by default; {@code format=csv} streams {@code text/csv}.
 * With {@code page} (from 0) or {@code size} (1-200, default 20) one page and the total; without
 * them every approval, streamed row by row (JSON and CSV alike), never collected in memory.
 */
@RestController
@PreAuthorize("hasRole('AUDITOR')")
public class ApprovalAuditEndpoint {

  /** The JSON answer's shape; {@code page} and {@code size} only when a page was asked for. */
  public record Approvals(long total, Integer page, Integer size, List<Approval> items) {}

  record Query(ApprovalSearch search, Integer page, Integer size) {}

  static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

  private final ApprovalQueries approvals;
  private final Clock clock;
  private final ObjectMapper mapper;
  private final ReadAccess access;

  public ApprovalAuditEndpoint(ApprovalQueries approvals, Clock clock, ObjectMapper mapper, ReadAccess access) {
    this.approvals = approvals;
    this.clock = clock;
    this.mapper = mapper;
    this.access = access;
  }

  @GetMapping("/api/audit/approvals")
  @ApiResponse(responseCode = "200", description = "Every approval decision, oldest first",
      content = @Content(mediaType = "application/json", schema = @Schema(implementation = Approvals.class)))
  public Mono<ResponseEntity<Flux<DataBuffer>>> approvals(@ParameterObject QueryRecords.ApprovalParameters parameters,
      ServerWebExchange exchange) {
    // The approvals of agreements the markings hide from the user are left out before counting: the total is what they can page through.
    return Mono.fromCallable(() -> parse(parameters.asMap(), false))
        .flatMap(query -> access.reader().flatMap(reader -> access.hidden(reader).flatMap(hidden ->
            approvals.count(query.search(), hidden).map(total -> {
              Map<String, Object> head = new LinkedHashMap<>();
              head.put("total", total);
              if (query.page() != null) {
                head.put("page", query.page());
                head.put("size", query.size());
              }
              return JsonStream.object(mapper, head, access.recorded(exchange, reader, AccessAction.LIST, rows(query, hidden),
                  Approval::agreementId, "approvals", "json"));
            }))));
  }

  private Flux<Approval> rows(Query query, Set<String> hidden) {
    return query.page() == null ? approvals.find(query.search(), 0, 0, hidden)
        : approvals.find(query.search(), query.page(), query.size(), hidden);
  }

  /** The same list as CSV, streamed row by row. */
  @GetMapping(path = "/api/audit/approvals", params = "format=csv")
  public Mono<ResponseEntity<Flux<String>>> approvalsAsCsv(@ParameterObject QueryRecords.ApprovalParameters parameters,
      ServerWebExchange exchange) {
    return Mono.fromCallable(() -> parse(parameters.asMap(), true))
        .flatMap(query -> access.reader().flatMap(reader -> access.hidden(reader).map(hidden -> ResponseEntity.ok()
            .contentType(TEXT_CSV)
            .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"approvals.csv\"")
            .body(Flux.concat(Flux.just(ApprovalCsv.header()), access.recorded(exchange, reader, AccessAction.EXPORT,
                rows(query, hidden), Approval::agreementId, "approvals", "csv").map(ApprovalCsv::row))))));
  }

  private Query parse(MultiValueMap<String, String> parameters, boolean csv) {
    QueryParameters p = new QueryParameters(parameters);
    Instant from = p.instantOrDay("from", clock.getZone(), false);
    Instant to = p.instantOrDay("to", clock.getZone(), true);
    String format = p.string("format");
    if (!csv && format != null && !format.equals("json")) {
      p.invalid("format", "is json or csv");
    }
    if (from != null && to != null && !from.isBefore(to)) {
      p.invalid("to", "is after from");
    }
    boolean paged = parameters.containsKey("page") || parameters.containsKey("size");
    int page = p.integer("page", 0, 0, 100_000);
    int size = p.integer("size", AgreementSearch.DEFAULT_SIZE, 1, AgreementSearch.MAX_SIZE);
    // Read before validate(): read after it, a refused actor was not reported but dropped, and every approval answered.
    String actor = p.string("actor");
    String office = p.string("office");
    p.validate();
    return new Query(new ApprovalSearch(actor, office, from, to), paged ? page : null, paged ? size : null);
  }
}
