package gov.ice.registry.web.query;

import gov.ice.registry.projection.exigent.ExigentDeadline;
import gov.ice.registry.projection.exigent.ExigentDeadlineQueries;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import gov.ice.registry.web.access.AccessAction;
import gov.ice.registry.web.access.ReadAccess;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/deadlines/exigent}: exigent transfers with their memorialization deadline and
 * whether it was met, earliest deadline first; {@code state=MET|PENDING|MISSED} narrows the list.
 */
@RestController
@PreAuthorize("hasAnyRole('IGP','AUDITOR')")
public class ExigentDeadlineEndpoint {

  public record ExigentDeadlines(LocalDate asOf, long total, List<ExigentDeadline> items) {}

  private final ExigentDeadlineQueries deadlines;
  private final Clock clock;
  private final ReadAccess access;

  public ExigentDeadlineEndpoint(ExigentDeadlineQueries deadlines, Clock clock, ReadAccess access) {
    this.deadlines = deadlines;
    this.clock = clock;
    this.access = access;
  }

  @GetMapping("/api/deadlines/exigent")
  public Mono<ExigentDeadlines> deadlines(@ParameterObject QueryRecords.ExigentParameters parameters, ServerWebExchange exchange) {
    return Mono.fromCallable(() -> {
          // Read as sent: the binder's text-to-list conversion trims, and trimming takes a NUL away.
          QueryParameters p = new QueryParameters(exchange.getRequest().getQueryParams());
          List<ExigentDeadline.State> states = p.enums("state", ExigentDeadline.State.class);
          p.validate();
          return states;
        })
        .flatMap(states -> access.reader().flatMap(reader -> access.hidden(reader).flatMap(hidden -> {
          LocalDate today = LocalDate.now(clock);
          // Unpaged: left out here, the total is still what the user sees.
          return deadlines.all(today)
              .filter(d -> (states.isEmpty() || states.contains(d.state())) && !hidden.contains(d.agreementId()))
              .collectList()
              .flatMap(items -> access.record(exchange, reader, AccessAction.LIST,
                      items.stream().map(ExigentDeadline::agreementId).distinct().toList(), "exigent deadlines", "json")
                  .thenReturn(new ExigentDeadlines(today, items.size(), items)));
        })));
  }
}
