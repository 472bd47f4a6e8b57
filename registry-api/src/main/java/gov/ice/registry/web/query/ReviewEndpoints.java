package gov.ice.registry.web.query;

import gov.ice.registry.projection.reviews.ReviewQueries;
import gov.ice.registry.projection.reviews.ReviewStanding;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Biennial reviews of active agreements as of today (the registry's clock and zone):
 * {@code GET /api/reviews/overdue} and {@code GET /api/reviews/due?within=P90D} (default P90D).
 */
@RestController
@PreAuthorize("hasAnyRole('IGP','AUDITOR')")
public class ReviewEndpoints {

  /** The answer: the day it was computed for, the window (for /due), and the agreements, soonest due first. */
  public record Reviews(LocalDate asOf, Period within, long total, List<ReviewStanding> items) {}

  static final Period DEFAULT_WITHIN = Period.ofDays(90);

  private final ReviewQueries reviews;
  private final Clock clock;

  public ReviewEndpoints(ReviewQueries reviews, Clock clock) {
    this.reviews = reviews;
    this.clock = clock;
  }

  @GetMapping("/api/reviews/overdue")
  public Mono<Reviews> overdue() {
    LocalDate today = LocalDate.now(clock);
    return reviews.overdue(today).collectList().map(items -> new Reviews(today, null, items.size(), items));
  }

  @GetMapping("/api/reviews/due")
  public Mono<Reviews> due(@ParameterObject QueryRecords.DueParameters parameters) {
    return Mono.fromCallable(() -> {
          QueryParameters p = new QueryParameters(parameters.asMap());
          Period within = p.period("within", DEFAULT_WITHIN);
          p.validate();
          return within;
        })
        .flatMap(within -> {
          LocalDate today = LocalDate.now(clock);
          return reviews.dueWithin(today, within).collectList().map(items -> new Reviews(today, within, items.size(), items));
        });
  }
}
