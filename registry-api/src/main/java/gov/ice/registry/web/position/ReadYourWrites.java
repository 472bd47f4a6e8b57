package gov.ice.registry.web.position;

import com.fasterxml.jackson.databind.ObjectMapper;
import gov.ice.registry.projection.processing.ProjectionRebuilder;
import gov.ice.registry.projection.audit.ApprovalProjection;
import gov.ice.registry.projection.cycle.CycleTimeProjection;
import gov.ice.registry.projection.exigent.ExigentDeadlineProjection;
import gov.ice.registry.projection.notices.NoticeProjection;
import gov.ice.registry.projection.repository.AgreementSearchEngine;
import gov.ice.registry.projection.reviews.ReviewProjection;
import gov.ice.registry.web.problem.Problems;
import gov.ice.registry.web.problem.Problems.Violation;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeoutException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Reads follow the writer. A request that may command gets a {@link LedgerWrites} the command path
 * fills; just before its answer is sent, the answer gains {@code X-Registry-Position}, the ledger
 * position of the last event it wrote, and a page's redirect after a form post carries it on as
 * {@code ?after=} (and the person's session keeps it, so the next page they open waits too).
 *
 * <p>A read given a position ({@code X-Registry-Position} or {@code ?after=}) waits until each read
 * model it reads has handled that event, checking every {@link #POLL}, for at most
 * {@code registry.read-after.timeout} (2 s): then 503 with {@code Retry-After}. Reads of the
 * ledger itself (one agreement, its history, verification) never wait: they are the record.
 * Runs after the security chain (order 0 sorts after Spring Security's -100), so no anonymous
 * request holds a connection waiting.
 */
@Component
public class ReadYourWrites implements WebFilter {

  public static final String HEADER = "X-Registry-Position";
  public static final String PARAMETER = "after";
  static final String SESSION_KEY = "registry.position";
  static final Duration POLL = Duration.ofMillis(10);

  private final ProjectionRebuilder readModels;
  private final LedgerPositions positions;
  private final ObjectMapper json;
  private final Duration timeout;
  private final String retryAfterSeconds;

  ReadYourWrites(ProjectionRebuilder readModels, LedgerPositions positions, ObjectMapper json,
      @Value("${registry.read-after.timeout:PT2S}") Duration timeout,
      @Value("${registry.http.retry-after-seconds:5}") int retryAfterSeconds) {
    this.readModels = readModels;
    this.positions = positions;
    this.json = json;
    this.timeout = timeout;
    this.retryAfterSeconds = Integer.toString(retryAfterSeconds);
  }

  /** The read models a path's answer comes from; empty where it reads the ledger itself. */
  static List<String> readModelsOf(String path) {
    if (path.equals("/") || path.equals("/api/agreements") || path.equals("/agreements.csv")) {
      return List.of(AgreementSearchEngine.NAME);
    }
    if (path.startsWith("/api/reviews") || path.equals("/reviews")) {
      // The index selects the page; its rows are read from the reviews read model.
      return List.of(AgreementSearchEngine.NAME, ReviewProjection.GROUP);
    }
    if (path.startsWith("/api/deadlines") || path.startsWith("/deadlines")) {
      // The index selects the transfers (and the audit's page); their rows come from their read model.
      return List.of(AgreementSearchEngine.NAME, ExigentDeadlineProjection.GROUP);
    }
    if (path.startsWith("/api/notices")) {
      return List.of(NoticeProjection.GROUP);
    }
    if (path.startsWith("/api/audit/approvals") || path.startsWith("/audit/approvals")) {
      return List.of(AgreementSearchEngine.NAME, ApprovalProjection.GROUP);
    }
    if (path.equals("/api/work") || path.equals("/work")) {
      return List.of(AgreementSearchEngine.NAME);
    }
    if (path.startsWith("/api/reports/cycle-time") || path.startsWith("/reports/cycle-time")) {
      return List.of(CycleTimeProjection.GROUP);
    }
    if (path.startsWith("/api/agreements/") || path.startsWith("/agreements/") || path.startsWith("/api/ledger")) {
      return List.of();
    }
    return null;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    HttpMethod method = exchange.getRequest().getMethod();
    if (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method)) {
      return read(exchange, chain);
    }
    LedgerWrites writes = new LedgerWrites();
    exchange.getAttributes().put(LedgerWrites.ATTRIBUTE, writes);
    exchange.getResponse().beforeCommit(() -> name(exchange, writes));
    return chain.filter(exchange);
  }

  private Mono<Void> name(ServerWebExchange exchange, LedgerWrites writes) {
    if (writes.agreements().isEmpty()) {
      return Mono.empty();
    }
    return Mono.fromCallable(() -> positions.lastEventOf(writes.agreements()))
        .subscribeOn(Schedulers.boundedElastic())
        .flatMap(last -> last.isPresent() ? named(exchange, last.getAsLong()) : Mono.empty())
        // The command is recorded whatever happens here: a failed lookup costs the header, not the answer.
        .onErrorResume(e -> Mono.empty());
  }

  private Mono<Void> named(ServerWebExchange exchange, long position) {
    ServerHttpResponse response = exchange.getResponse();
    response.getHeaders().set(HEADER, Long.toString(position));
    URI location = response.getHeaders().getLocation();
    HttpStatus status = HttpStatus.resolve(response.getStatusCode() == null ? 200 : response.getStatusCode().value());
    if (location != null && status != null && status.is3xxRedirection() && !location.isAbsolute()) {
      response.getHeaders().setLocation(UriComponentsBuilder.fromUri(location)
          .replaceQueryParam(PARAMETER, position).build(true).toUri());
    }
    if (exchange.getRequest().getPath().value().startsWith("/api/")) {
      return Mono.empty();
    }
    return exchange.getSession().doOnNext(session -> session.getAttributes()
        .merge(SESSION_KEY, position, (was, now) -> Math.max((Long) was, (Long) now))).then();
  }

  private Mono<Void> read(ServerWebExchange exchange, WebFilterChain chain) {
    String path = exchange.getRequest().getPath().pathWithinApplication().value();
    Long asked;
    try {
      asked = asked(exchange);
    } catch (NumberFormatException e) {
      ProblemDetail problem = Problems.withViolations(
          Problems.of(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
              "The ledger position to read after must be a whole number of 0 or more."),
          List.of(new Violation(PARAMETER, "must be a ledger position: a whole number of 0 or more, as "
              + HEADER + " answered")));
      return Problems.write(exchange, json, problem, Map.of());
    }
    List<String> readModels = readModelsOf(path);
    if (readModels != null && readModels.isEmpty()) {
      return chain.filter(exchange);
    }
    Mono<Long> position = path.startsWith("/api/") || path.startsWith("/actuator")
        ? Mono.justOrEmpty(asked)
        : exchange.getSession().map(session -> {
            Long remembered = session.getAttribute(SESSION_KEY);
            return asked == null ? (remembered == null ? -1L : remembered) : Math.max(asked, remembered == null ? -1L : remembered);
          }).filter(p -> p >= 0);
    List<String> names = readModels == null ? this.readModels.names() : readModels;
    return position
        .flatMap(p -> awaitPassed(names, p).then(Mono.just(true)).onErrorResume(TimeoutException.class, e -> behind(exchange, p)))
        .defaultIfEmpty(true)
        .flatMap(go -> go ? chain.filter(exchange) : Mono.empty());
  }

  private static Long asked(ServerWebExchange exchange) {
    String header = exchange.getRequest().getHeaders().getFirst(HEADER);
    String parameter = exchange.getRequest().getQueryParams().getFirst(PARAMETER);
    Long fromHeader = header == null ? null : position(header);
    Long fromParameter = parameter == null ? null : position(parameter);
    if (fromHeader == null) {
      return fromParameter;
    }
    return fromParameter == null ? fromHeader : Math.max(fromHeader, fromParameter);
  }

  private static long position(String text) {
    String trimmed = text.trim();
    // Digits only: no sign, no exponent, at most 18 digits so that it fits a long.
    if (trimmed.isEmpty() || trimmed.length() > 18 || !trimmed.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new NumberFormatException(text);
    }
    return Long.parseLong(trimmed);
  }

  /** Completes once every read model named has handled {@code position}; a TimeoutException past the bound. */
  Mono<Void> awaitPassed(List<String> names, long position) {
    return Flux.interval(Duration.ZERO, POLL)
        .onBackpressureDrop()
        .concatMap(tick -> Mono.fromCallable(() -> names.stream().allMatch(name -> readModels.hasPassed(name, position)))
            .subscribeOn(Schedulers.boundedElastic()), 1)
        .filter(Boolean::booleanValue)
        .next()
        .timeout(timeout)
        .then();
  }

  /** Past the bound: a position beyond the ledger's head can never be reached, which is the caller's error. */
  private Mono<Boolean> behind(ServerWebExchange exchange, long position) {
    return Mono.fromCallable(positions::head).subscribeOn(Schedulers.boundedElastic()).flatMap(head -> {
      if (head.isEmpty() || position > head.getAsLong()) {
        ProblemDetail problem = Problems.withViolations(
            Problems.of(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                "The ledger has no position " + position + "; its newest is " + describe(head) + "."),
            List.of(new Violation(PARAMETER, "must be a position the ledger has reached")));
        return Problems.write(exchange, json, problem, Map.of()).thenReturn(false);
      }
      ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "read-model-behind", "Read model behind",
          "The read models have not yet handled ledger position " + position + " within " + timeout.toMillis()
              + " ms; retry after " + retryAfterSeconds + " s.");
      return Problems.write(exchange, json, problem, Map.of(HttpHeaders.RETRY_AFTER, retryAfterSeconds)).thenReturn(false);
    });
  }

  private static String describe(OptionalLong head) {
    return head.isPresent() ? Long.toString(head.getAsLong()) : "none (it is empty)";
  }
}
