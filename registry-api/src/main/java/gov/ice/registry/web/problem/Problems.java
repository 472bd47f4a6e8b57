package gov.ice.registry.web.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * RFC 9457 problem details as the registry writes them: a stable {@code type} per kind of
 * problem, and {@code violations} or {@code rules} where they apply.
 */
public final class Problems {

  /**
   * Where problem types live unless {@code registry.problems.type-base} says otherwise: a tag URI
   * (RFC 4151), which names a kind of problem without pretending to be a page that resolves.
   */
  public static final String DEFAULT_TYPE_BASE = "tag:ice.gov,2026:isaa-registry/problems/";
  private static volatile String typeBase = DEFAULT_TYPE_BASE;
  public static final String REQUEST_ID = "requestId";

  private Problems() {}

  public static ProblemDetail of(HttpStatus status, String slug, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create(typeBase + slug));
    problem.setTitle(title);
    return problem;
  }

  /** The base every problem type starts with: the slug follows it. */
  public static String typeBase() {
    return typeBase;
  }

  /** Set once at start from {@code registry.problems.type-base} (ProblemTypeBase); a URI ending where a slug may follow. */
  static void useTypeBase(String base) {
    URI.create(base + "invalid-request");
    typeBase = base;
  }

  public static ProblemDetail withViolations(ProblemDetail problem, List<Violation> violations) {
    problem.setProperty("violations", violations);
    return problem;
  }

  /** The id of the request the problem answers, as its {@code X-Request-Id} header gives it: what a caller quotes to an operator. */
  public static ProblemDetail withRequestId(ProblemDetail problem, String requestId) {
    if (requestId != null && (problem.getProperties() == null || !problem.getProperties().containsKey(REQUEST_ID))) {
      problem.setProperty(REQUEST_ID, requestId);
    }
    return problem;
  }

  /** One invalid field: {@code field} is the JSON path in the request ({@code parties[0].kind}). */
  public record Violation(String field, String message) {}

  /**
   * Writes a problem outside a controller: the security entry points and filters that answer
   * before any handler runs.
   */
  public static Mono<Void> write(ServerWebExchange exchange, ObjectMapper mapper, ProblemDetail problem, Map<String, String> headers) {
    ServerHttpResponse response = exchange.getResponse();
    if (response.isCommitted()) {
      return Mono.empty();
    }
    try {
      problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
    } catch (IllegalArgumentException notAUri) {
      // A path the firewall refused may not even be a URI; the problem then names no instance.
    }
    withRequestId(problem, exchange.getRequest().getId());
    response.setRawStatusCode(problem.getStatus());
    response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    headers.forEach(response.getHeaders()::set);
    byte[] body;
    try {
      body = mapper.writeValueAsBytes(problem);
    } catch (Exception e) {
      body = ("{\"status\":" + problem.getStatus() + "}").getBytes(StandardCharsets.UTF_8);
    }
    return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
  }
}
