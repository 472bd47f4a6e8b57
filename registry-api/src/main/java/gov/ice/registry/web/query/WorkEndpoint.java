package gov.ice.registry.web.query;

import gov.ice.registry.projection.work.WorkPage;
import gov.ice.registry.projection.work.WorkQueries;
import gov.ice.registry.security.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import gov.ice.registry.web.access.AccessAction;
import gov.ice.registry.web.access.ReadAccess;
import org.springframework.web.server.ServerWebExchange;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/work}: what awaits the signed-in user, from the queues of every role it holds
 * (a stakeholder office's concurrences and disputes, a signatory's signatures, the program
 * office's drafts, reviews and deadlines, IGP's clearances, escalated disputes and overdue
 * reviews, the Director's disputes), the longest waiting first, each item once. Paged: {@code page}
 * from 0, {@code size} 1-200 (default 20). A role with no queue (an auditor) gets an empty one.
 */
@RestController
@Tag(name = "Work", description = "What awaits the signed-in user: concurrences, disputes, clearances, signatures, reviews and deadlines")
public class WorkEndpoint {

  static final int DEFAULT_SIZE = 20;
  static final int MAX_SIZE = 200;

  private record Paging(int page, int size) {}

  private final WorkQueries work;
  private final Clock clock;
  private final ReadAccess access;

  public WorkEndpoint(WorkQueries work, Clock clock, ReadAccess access) {
    this.work = work;
    this.clock = clock;
    this.access = access;
  }

  @GetMapping("/api/work")
  @Operation(summary = "What awaits the signed-in user, from the queues of every role it holds (any authenticated user)")
  @ApiResponse(responseCode = "200", description = "What awaits the signed-in user, the longest waiting first: "
      + "each item's agreement, reason, the office or authority it waits for, since which day, and how many business days "
      + "(weekends and federal holidays excluded) that is",
      content = @Content(mediaType = "application/json", schema = @Schema(implementation = WorkPage.class)))
  public Mono<WorkPage> work(@ParameterObject QueryRecords.WorkParameters parameters, Authentication authentication,
      ServerWebExchange exchange) {
    return Mono.fromCallable(() -> {
      QueryParameters p = new QueryParameters(parameters.asMap());
      int page = p.integer("page", 0, 0, 100_000);
      int size = p.integer("size", DEFAULT_SIZE, 1, MAX_SIZE);
      p.validate();
      return new Paging(page, size);
    }).flatMap(paging -> access.reader().flatMap(reader -> access.hidden(reader)
        .flatMap(hidden -> work.queue(Roles.of(authentication), LocalDate.now(clock), paging.page(), paging.size(), hidden))
        .flatMap(found -> access.record(exchange, reader, AccessAction.LIST,
            found.items().stream().map(gov.ice.registry.projection.work.WorkEntry::agreementId).distinct().toList(), "work", "json")
            .thenReturn(found))));
  }

}
