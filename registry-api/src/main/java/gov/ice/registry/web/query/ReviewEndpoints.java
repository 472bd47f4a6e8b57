package gov.ice.registry.web.query;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springdoc.core.annotations.ParameterObject;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.ice.registry.projection.repository.AgreementSearch;
import gov.ice.registry.projection.reviews.ReviewQueries;
import gov.ice.registry.projection.reviews.ReviewStanding;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import gov.ice.registry.web.access.AccessAction;
import gov.ice.registry.web.access.ReadAccess;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Biennial reviews of active agreements as of today (the registry's clock and zone):
 * {@code GET /api/reviews/overdue} and {@code GET /api/reviews/due?within=P90D} (default P90D).
 * With {@code page} (from 0) or {@code size} (1-200, default 20) one page and the total; without
 * them every row, streamed, never collected in memory.
 */
@RestController
@PreAuthorize("hasAnyRole('IGP','AUDITOR')")
public class ReviewEndpoints {

  /** The answer: the day it was computed for, the window (for /due), and the agreements, soonest due first. */
  public record Reviews(LocalDate asOf, Period within, long total, Integer page, Integer size, List<ReviewStanding> items) {}

  static final Period DEFAULT_WITHIN = Period.ofDays(90);

  private record Paging(Period within, Integer page, Integer size) {}

  private final ReviewQueries reviews;
  private final Clock clock;
  private final ObjectMapper mapper;
  private final ReadAccess access;

  public ReviewEndpoints(ReviewQueries reviews, Clock clock, ObjectMapper mapper, ReadAccess access) {
    this.reviews = reviews;
    this.clock = clock;
    this.mapper = mapper;
    this.access = access;
  }

  @GetMapping("/api/reviews/overdue")
  @ApiResponse(responseCode = "200", description = "The overdue agreements, most overdue first",
      content = @Content(mediaType = "application/json", schema = @Schema(implementation = Reviews.class)))
  public Mono<ResponseEntity<Flux<DataBuffer>>> overdue(@ParameterObject QueryRecords.PageParameters parameters,
      ServerWebExchange exchange) {
    return Mono.fromCallable(() -> parse(parameters.asMap(), false)).flatMap(paging -> {
      LocalDate today = LocalDate.now(clock);
      return access.reader().flatMap(reader -> access.hidden(reader).flatMap(hidden -> reviews.countOverdue(today, hidden)
          .map(total -> answer(today, paging, total, access.recorded(exchange, reader, AccessAction.LIST,
              reviews.overdue(today, orZero(paging.page()), orZero(paging.size()), hidden), ReviewStanding::agreementId,
              "reviews", "json")))));
    });
  }

  @GetMapping("/api/reviews/due")
  @ApiResponse(responseCode = "200", description = "The agreements due within the window, soonest first",
      content = @Content(mediaType = "application/json", schema = @Schema(implementation = Reviews.class)))
  public Mono<ResponseEntity<Flux<DataBuffer>>> due(@ParameterObject QueryRecords.DueParameters parameters, ServerWebExchange exchange) {
    return Mono.fromCallable(() -> parse(parameters.asMap(), true)).flatMap(paging -> {
      LocalDate today = LocalDate.now(clock);
      return access.reader().flatMap(reader -> access.hidden(reader).flatMap(hidden -> reviews.countDueWithin(today, paging.within(), hidden)
          .map(total -> answer(today, paging, total, access.recorded(exchange, reader, AccessAction.LIST,
              reviews.dueWithin(today, paging.within(), orZero(paging.page()), orZero(paging.size()), hidden), ReviewStanding::agreementId,
              "reviews", "json")))));
    });
  }

  private ResponseEntity<Flux<DataBuffer>> answer(LocalDate today, Paging paging, long total, Flux<ReviewStanding> items) {
    Map<String, Object> head = new LinkedHashMap<>();
    head.put("asOf", today);
    head.put("within", paging.within());
    head.put("total", total);
    if (paging.page() != null) {
      head.put("page", paging.page());
      head.put("size", paging.size());
    }
    return JsonStream.object(mapper, head, items);
  }

  private static Paging parse(MultiValueMap<String, String> parameters, boolean due) {
    QueryParameters p = new QueryParameters(parameters);
    Period within = due ? p.period("within", DEFAULT_WITHIN) : null;
    boolean paged = parameters.containsKey("page") || parameters.containsKey("size");
    int page = p.integer("page", 0, 0, 100_000);
    int size = p.integer("size", AgreementSearch.DEFAULT_SIZE, 1, AgreementSearch.MAX_SIZE);
    p.validate();
    return new Paging(within, paged ? page : null, paged ? size : null);
  }

  private static int orZero(Integer value) {
    return value == null ? 0 : value;
  }
}
