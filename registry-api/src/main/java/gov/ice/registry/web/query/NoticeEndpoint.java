package gov.ice.registry.web.query;

import gov.ice.registry.projection.notices.IssuedNotice;
import gov.ice.registry.projection.notices.NoticeQueries;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
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

  public NoticeEndpoint(NoticeQueries notices, Clock clock) {
    this.notices = notices;
    this.clock = clock;
  }

  @GetMapping("/api/notices")
  public Mono<Notices> notices(@ParameterObject QueryRecords.NoticeParameters parameters) {
    return Mono.fromCallable(() -> {
          QueryParameters p = new QueryParameters(parameters.asMap());
          Instant since = p.instantOrDay("since", clock.getZone(), false);
          p.validate();
          return Optional.ofNullable(since);
        })
        .flatMap(since -> notices.since(since.orElse(null)).collectList()
            .map(items -> new Notices(since.orElse(null), items.size(), items)));
  }
}
