package gov.ice.registry.web.query;

import gov.ice.registry.projection.audit.Approval;
import gov.ice.registry.projection.audit.ApprovalCsv;
import gov.ice.registry.projection.audit.ApprovalQueries;
import gov.ice.registry.projection.audit.ApprovalSearch;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springdoc.core.annotations.ParameterObject;
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
 */
@RestController
@PreAuthorize("hasRole('AUDITOR')")
public class ApprovalAuditEndpoint {

  public record Approvals(long total, List<Approval> items) {}

  static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

  private final ApprovalQueries approvals;
  private final Clock clock;

  public ApprovalAuditEndpoint(ApprovalQueries approvals, Clock clock) {
    this.approvals = approvals;
    this.clock = clock;
  }

  @GetMapping("/api/audit/approvals")
  public Mono<Approvals> approvals(@ParameterObject QueryRecords.ApprovalParameters parameters) {
    return Mono.fromCallable(() -> parse(parameters.asMap(), false))
        .flatMap(search -> approvals.find(search).collectList())
        .map(items -> new Approvals(items.size(), items));
  }

  /** The same list as CSV, streamed row by row. */
  @GetMapping(path = "/api/audit/approvals", params = "format=csv")
  public Mono<ResponseEntity<Flux<String>>> approvalsAsCsv(@ParameterObject QueryRecords.ApprovalParameters parameters) {
    return Mono.fromCallable(() -> parse(parameters.asMap(), true))
        .map(search -> ResponseEntity.ok()
            .contentType(TEXT_CSV)
            .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"approvals.csv\"")
            .body(Flux.concat(Flux.just(ApprovalCsv.header()), approvals.find(search).map(ApprovalCsv::row))));
  }

  private ApprovalSearch parse(MultiValueMap<String, String> parameters, boolean csv) {
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
    p.validate();
    return new ApprovalSearch(p.string("actor"), p.string("office"), from, to);
  }
}
