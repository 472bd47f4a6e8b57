package gov.ice.registry.web.query;

import gov.ice.registry.projection.ProjectionRebuilder.RebuildRunning;
import gov.ice.registry.web.admin.UnknownProjection;
import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Problem details (RFC 9457) for the query and admin endpoints' own errors, in the registry's
 * problem types. Everything else (401, 403, 503) is the application's common problem handling.
 */
@RestControllerAdvice(basePackages = {"gov.ice.registry.web.query", "gov.ice.registry.web.admin"})
@Order(Ordered.HIGHEST_PRECEDENCE)
public class QueryProblems {

  static final String TYPE_BASE = "https://isaa-registry/problems/";

  @ExceptionHandler(InvalidQuery.class)
  ResponseEntity<ProblemDetail> invalid(InvalidQuery e) {
    ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
        "The request has " + e.violations().size() + " invalid parameter(s).");
    problem.setProperty("violations", e.violations());
    return respond(problem);
  }

  @ExceptionHandler(UnknownProjection.class)
  ResponseEntity<ProblemDetail> unknownProjection(UnknownProjection e) {
    return respond(problem(HttpStatus.NOT_FOUND, "unknown-projection", "Unknown projection", e.getMessage()));
  }

  @ExceptionHandler(RebuildRunning.class)
  ResponseEntity<ProblemDetail> rebuildRunning(RebuildRunning e) {
    return respond(problem(HttpStatus.CONFLICT, "rebuild-running", "Rebuild running", e.getMessage()));
  }

  private static ProblemDetail problem(HttpStatus status, String slug, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create(TYPE_BASE + slug));
    problem.setTitle(title);
    return problem;
  }

  private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
    return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }
}
