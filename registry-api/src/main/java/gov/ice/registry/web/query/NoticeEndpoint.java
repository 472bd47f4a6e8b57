package gov.ice.registry.web.query;

import gov.ice.registry.projection.notices.IssuedNotice;
import gov.ice.registry.projection.notices.NoticeQueries;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import gov.ice.registry.web.access.AccessAction;
import gov.ice.registry.web.access.ReadAccess;
import org.springframework.web.server.ServerWebExchange;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/notices?since=}: review-due and deadline notices recorded since a day
 * ({@code YYYY-MM-DD}, from its start in the registry's zone) or an instant; all without {@code since}.
 */
@RestController
@PreAuthorize("hasAnyRole('IGP','AUDITOR','ADMIN')")
public class NoticeEndpoint {

  public record Notices(Instant since, long total, List<IssuedNotice> items) {}

  private final NoticeQueries notices;
  private final Clock clock;
  private final ReadAccess access;

  public NoticeEndpoint(NoticeQueries notices, Clock clock, ReadAccess access) {
    this.notices = notices;
    this.clock = clock;
    this.access = access;
  }

  @GetMapping("/api/notices")
  public Mono<Notices> notices(@ParameterObject QueryRecords.NoticeParameters parameters, ServerWebExchange exchange) {
    return Mono.fromCallable(() -> {
          QueryParameters p = new QueryParameters(parameters.asMap());
          Instant since = p.instantOrDay("since", clock.getZone(), false);
          p.validate();
          return Optional.ofNullable(since);
        })
        .flatMap(since -> access.reader().flatMap(reader -> access.hidden(reader).flatMap(hidden -> notices.since(since.orElse(null))
            .filter(n -> !hidden.contains(n.agreementId()))
            .collectList()
            .flatMap(items -> access.record(exchange, reader, AccessAction.LIST,
                    items.stream().map(IssuedNotice::agreementId).filter(java.util.Objects::nonNull).distinct().toList(), "notices", "json")
                .thenReturn(new Notices(since.orElse(null), items.size(), items))))));
  }
}
