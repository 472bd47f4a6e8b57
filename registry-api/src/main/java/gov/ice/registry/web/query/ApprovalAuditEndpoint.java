package gov.ice.registry.web.query;

import gov.ice.registry.projection.audit.Approval;
import gov.ice.registry.projection.audit.ApprovalCsv;
import gov.ice.registry.projection.audit.ApprovalQueries;
import gov.ice.registry.projection.audit.ApprovalSearch;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
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
  public Mono<ResponseEntity<?>> approvals(@RequestParam MultiValueMap<String, String> parameters) {
    return Mono.fromCallable(() -> parse(parameters)).flatMap(request -> {
      Flux<Approval> found = approvals.find(request.search());
      if (request.csv()) {
        Flux<String> lines = Flux.concat(Flux.just(ApprovalCsv.header()), found.map(ApprovalCsv::row));
        return Mono.just(ResponseEntity.ok()
            .contentType(TEXT_CSV)
            .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"approvals.csv\"")
            .body(lines));
      }
      return found.collectList().map(items -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
          .body(new Approvals(items.size(), items)));
    });
  }

  private record Request(ApprovalSearch search, boolean csv) {}

  private Request parse(MultiValueMap<String, String> parameters) {
    QueryParameters p = new QueryParameters(parameters);
    Instant from = p.instantOrDay("from", clock.getZone(), false);
    Instant to = p.instantOrDay("to", clock.getZone(), true);
    String format = p.string("format");
    boolean csv = false;
    if (format != null) {
      switch (format.toLowerCase(Locale.ROOT)) {
        case "csv" -> csv = true;
        case "json" -> csv = false;
        default -> p.invalid("format", "is json or csv");
      }
    }
    if (from != null && to != null && !from.isBefore(to)) {
      p.invalid("to", "is after from");
    }
    p.validate();
    return new Request(new ApprovalSearch(p.string("actor"), p.string("office"), from, to), csv);
  }
}
