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

  public static final String TYPE_BASE = "https://isaa-registry/problems/";
  public static final String REQUEST_ID = "requestId";

  private Problems() {}

  public static ProblemDetail of(HttpStatus status, String slug, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create(TYPE_BASE + slug));
    problem.setTitle(title);
    return problem;
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
