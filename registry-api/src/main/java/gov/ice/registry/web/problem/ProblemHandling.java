package gov.ice.registry.web.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import gov.ice.registry.agreement.api.AgreementRefused;
import gov.ice.registry.agreement.api.RefusalCode;
import gov.ice.registry.agreement.api.RuleId;
import gov.ice.registry.failure.Causes;
import gov.ice.registry.integrity.LedgerBroken;
import gov.ice.registry.projection.processing.ProjectionRebuilder.RebuildRunning;
import gov.ice.registry.web.input.StrictJson;
import gov.ice.registry.web.admin.UnknownProjection;
import gov.ice.registry.web.agreement.ImportInterrupted;
import gov.ice.registry.web.agreement.InvalidRequest;
import gov.ice.registry.web.agreement.PreconditionFailed;
import gov.ice.registry.web.agreement.PreconditionRequired;
import gov.ice.registry.web.agreement.UnknownAgreement;
import gov.ice.registry.web.ledger.NoCheckpoint;
import gov.ice.registry.web.problem.Problems.Violation;
import gov.ice.registry.web.query.InvalidQuery;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;

/**
 * Every error of the HTTP edge as RFC 9457 problem+json, in one place (API.md, "Errors").
 * Exceptions from a command arrive wrapped by the gateway or the scheduler, so each handler
 * looks through the cause chain for what actually happened.
 */
@RestControllerAdvice
// Before Spring Boot's ProblemDetailsExceptionHandler, whose answers lack violations and rules.
@Order(0)
public class ProblemHandling {

  private static final Logger log = LoggerFactory.getLogger(ProblemHandling.class);

  /** Refusals that say the input itself is invalid, rather than that the lifecycle forbids it now. */
  private static final Set<RefusalCode> INVALID_INPUT = Set.of(RefusalCode.PROFILE_INVALID, RefusalCode.DATE_INVALID,
      RefusalCode.HANDLING_INCONSISTENT);

  private final String retryAfterSeconds;

  public ProblemHandling(@Value("${registry.http.retry-after-seconds:5}") int retryAfterSeconds) {
    this.retryAfterSeconds = Integer.toString(retryAfterSeconds);
  }

  @ExceptionHandler(WebExchangeBindException.class)
  ResponseEntity<ProblemDetail> invalidBody(WebExchangeBindException e) {
    List<Violation> violations = e.getBindingResult().getAllErrors().stream()
        .map(error -> error instanceof FieldError field
            ? new Violation(field.getField(), field.getDefaultMessage())
            : new Violation(error.getObjectName(), error.getDefaultMessage()))
        .sorted((a, b) -> a.field().compareTo(b.field()))
        .toList();
    return respond(Problems.withViolations(
        Problems.of(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", "The request has " + violations.size() + " invalid field(s)."),
        violations));
  }

  @ExceptionHandler(ServerWebInputException.class)
  ResponseEntity<ProblemDetail> unreadableBody(ServerWebInputException e) {
    if (cause(e, DataBufferLimitException.class).isPresent()) {
      return respond(tooLarge());
    }
    // A mapping error without a path is the document itself failing to parse (it ended too soon).
    Optional<JsonMappingException> mapping = cause(e, JsonMappingException.class).filter(m -> !m.getPath().isEmpty());
    if (mapping.isPresent()) {
      Violation violation = violation(mapping.get());
      return respond(Problems.withViolations(
          Problems.of(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", violation.field() + ": " + violation.message()),
          List.of(violation)));
    }
    if (cause(e, JsonProcessingException.class).isPresent()) {
      return respond(Problems.of(HttpStatus.BAD_REQUEST, "malformed-json", "Malformed JSON", "The request body is not well-formed JSON."));
    }
    // A body that ends before its first complete JSON value decodes to nothing: "No request body".
    return respond(Problems.of(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
        e.getReason() + ": the body is missing or is not a complete JSON document."));
  }

  @ExceptionHandler(InvalidRequest.class)
  ResponseEntity<ProblemDetail> invalid(InvalidRequest e) {
    return respond(Problems.withViolations(
        Problems.of(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", e.getMessage()),
        List.of(new Violation(e.field(), e.fieldMessage()))));
  }

  /**
   * A bulk import that ended early: what it decided before the line it stopped at, and that line.
   * 503 with Retry-After for a stop or an unreachable ledger; 500 for anything else.
   */
  @ExceptionHandler(ImportInterrupted.class)
  ResponseEntity<ProblemDetail> importInterrupted(ImportInterrupted e, ServerWebExchange exchange) {
    boolean failed = e.reason() == ImportInterrupted.Reason.FAILED;
    if (failed) {
      log.error("Bulk import failed on {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), e.getCause());
    }
    HttpStatus status = failed ? HttpStatus.INTERNAL_SERVER_ERROR : HttpStatus.SERVICE_UNAVAILABLE;
    ProblemDetail problem = Problems.of(status, "import-interrupted", "Import interrupted", e.getMessage());
    problem.setProperty("reason", e.reason().name());
    problem.setProperty("notImportedFromLine", e.notImportedFromLine());
    problem.setProperty("totals", e.report().totals());
    problem.setProperty("rows", e.report().rows());
    ResponseEntity.BodyBuilder answer = ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
    if (!failed) {
      answer.header(HttpHeaders.RETRY_AFTER, retryAfterSeconds);
    }
    return answer.body(problem);
  }

  @ExceptionHandler(InvalidQuery.class)
  ResponseEntity<ProblemDetail> invalidQuery(InvalidQuery e) {
    return respond(Problems.withViolations(
        Problems.of(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
            "The request has " + e.violations().size() + " invalid parameter(s)."),
        e.violations().stream().map(v -> new Violation(v.field(), v.message())).toList()));
  }

  @ExceptionHandler(UnknownProjection.class)
  ResponseEntity<ProblemDetail> unknownProjection(UnknownProjection e) {
    return respond(Problems.of(HttpStatus.NOT_FOUND, "unknown-projection", "Unknown projection", e.getMessage()));
  }

  /** 409: one rebuild of a read model at a time; the running one keeps its place. */
  @ExceptionHandler(RebuildRunning.class)
  ResponseEntity<ProblemDetail> rebuildRunning(RebuildRunning e) {
    return respond(Problems.of(HttpStatus.CONFLICT, "rebuild-running", "Rebuild running", e.getMessage()));
  }

  /** 409: the ledger does not verify, so no checkpoint is signed (and no evidence that needs one is exported). */
  @ExceptionHandler(LedgerBroken.class)
  ResponseEntity<ProblemDetail> ledgerBroken(LedgerBroken e) {
    ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "ledger-broken", "The ledger does not verify", e.getMessage());
    problem.setProperty("broken", e.verification().broken());
    return respond(problem);
  }

  @ExceptionHandler(NoCheckpoint.class)
  ResponseEntity<ProblemDetail> noCheckpoint(NoCheckpoint e) {
    return respond(Problems.of(HttpStatus.NOT_FOUND, "no-checkpoint", "No checkpoint", e.getMessage()));
  }

  @ExceptionHandler(AccessDeniedException.class)
  ResponseEntity<ProblemDetail> forbidden(AccessDeniedException e) {
    return respond(Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Not allowed", e.getMessage()));
  }

  /** A document refused or not available: 413, 415, 404 or 410 (issue 16). */
  @ExceptionHandler(gov.ice.registry.document.DocumentRefused.class)
  ResponseEntity<ProblemDetail> document(gov.ice.registry.document.DocumentRefused e) {
    return respond(Problems.of(e.status(), e.slug(), e.title(), e.getMessage()));
  }

  @ExceptionHandler(PreconditionFailed.class)
  ResponseEntity<ProblemDetail> preconditionFailed(PreconditionFailed e) {
    return respond(Problems.of(HttpStatus.PRECONDITION_FAILED, "precondition-failed", "Precondition failed", e.getMessage()));
  }

  /** 428 (RFC 6585): If-Match is required here and was not sent; the problem names the header. */
  @ExceptionHandler(PreconditionRequired.class)
  ResponseEntity<ProblemDetail> preconditionRequired(PreconditionRequired e) {
    return respond(Problems.withViolations(
        Problems.of(HttpStatus.PRECONDITION_REQUIRED, "precondition-required", "Precondition required", e.getMessage()),
        List.of(new Violation("If-Match", "is required: send the agreement's ETag"))));
  }

  @ExceptionHandler(UnknownAgreement.class)
  ResponseEntity<ProblemDetail> unknown(UnknownAgreement e) {
    return respond(Problems.of(HttpStatus.NOT_FOUND, "unknown-agreement", "Unknown agreement", e.getMessage()));
  }

  /** Anything else, including what the command gateway wraps: refusals, conflicts, missing aggregates, an unreachable store. */
  @ExceptionHandler(Throwable.class)
  ResponseEntity<ProblemDetail> other(Throwable e, ServerWebExchange exchange) {
    Optional<AgreementRefused> refused = cause(e, AgreementRefused.class);
    if (refused.isPresent()) {
      return refused(refused.get());
    }
    if (cause(e, AccessDeniedException.class).isPresent()) {
      return forbidden(cause(e, AccessDeniedException.class).get());
    }
    if (cause(e, InvalidRequest.class).isPresent()) {
      return invalid(cause(e, InvalidRequest.class).get());
    }
    if (cause(e, UnknownAgreement.class).isPresent()) {
      return unknown(cause(e, UnknownAgreement.class).get());
    }
    if (cause(e, gov.ice.registry.document.DocumentRefused.class).isPresent()) {
      return document(cause(e, gov.ice.registry.document.DocumentRefused.class).get());
    }
    if (cause(e, AggregateNotFoundException.class).isPresent()) {
      return respond(Problems.of(HttpStatus.NOT_FOUND, "unknown-agreement", "Unknown agreement",
          "No agreement has the id " + cause(e, AggregateNotFoundException.class).get().getAggregateIdentifier()));
    }
    if (cause(e, PreconditionFailed.class).isPresent()) {
      return preconditionFailed(cause(e, PreconditionFailed.class).get());
    }
    if (cause(e, PreconditionRequired.class).isPresent()) {
      return preconditionRequired(cause(e, PreconditionRequired.class).get());
    }
    if (cause(e, ConflictingModificationException.class).isPresent() || cause(e, ConcurrencyException.class).isPresent()) {
      // With If-Match, the caller's precondition failed (RFC 9110: 412): the agreement is no longer the version it named, or
      // another command appended first. Without it, a concurrent append or an id that exists already: 409.
      if (!exchange.getRequest().getHeaders().getIfMatch().isEmpty()) {
        return respond(Problems.of(HttpStatus.PRECONDITION_FAILED, "version-conflict", "Precondition failed",
            "The agreement changed since the version named in If-Match. Read it again (its ETag) and retry."));
      }
      return respond(Problems.of(HttpStatus.CONFLICT, "version-conflict", "Conflicting change",
          "The agreement was changed concurrently. Read it again and retry."));
    }
    if (storeUnavailable(e)) {
      log.warn("Ledger unavailable for {} {}: {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), rootMessage(e));
      return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
          .header(HttpHeaders.RETRY_AFTER, retryAfterSeconds)
          .contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "store-unavailable", "Ledger unavailable",
              "The ledger's database cannot be reached. Nothing was recorded; retry later."));
    }
    if (cause(e, DataBufferLimitException.class).isPresent()) {
      return respond(tooLarge());
    }
    if (e instanceof ErrorResponse response) {
      ProblemDetail body = response.getBody();
      HttpStatus status = HttpStatus.valueOf(response.getStatusCode().value());
      // Its own headers belong to the answer: Allow on a 405 (RFC 9110 requires it), Accept on a 415.
      return ResponseEntity.status(status).headers(response.getHeaders()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .body(Problems.of(status, slug(status.name()), status.getReasonPhrase(), body.getDetail()));
    }
    log.error("Unexpected error on {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), e);
    return respond(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
        "The registry failed unexpectedly; the error is logged with request " + exchange.getRequest().getId() + "."));
  }

  private ResponseEntity<ProblemDetail> refused(AgreementRefused refused) {
    HttpStatus status = INVALID_INPUT.contains(refused.code()) ? HttpStatus.BAD_REQUEST : HttpStatus.CONFLICT;
    ProblemDetail problem = Problems.of(status, slug(refused.code().name()), title(refused.code()), refused.getMessage());
    problem.setProperty("code", refused.code().name());
    problem.setProperty("rules", RuleId.names(refused.rules()));
    return respond(problem);
  }

  private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
    return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  /** The JSON path of the offending field ({@code parties[0].kind}) and what is wrong with it. */
  public static Violation violation(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : e.getPath()) {
      if (reference.getFieldName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    String field = path.isEmpty() ? "body" : path.toString();
    if (e instanceof UnrecognizedPropertyException) {
      return new Violation(field, "is not a known field");
    }
    if (e instanceof StrictJson.RefusedValue refused) {
      return new Violation(field, refused.reason());
    }
    if (e instanceof InvalidFormatException format && format.getTargetType() != null && format.getTargetType().isEnum()) {
      return new Violation(field, "must be one of " + Arrays.toString(format.getTargetType().getEnumConstants()));
    }
    if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
      return new Violation(field, expected(mismatch.getTargetType()));
    }
    return new Violation(field, "has the wrong type or form");
  }

  /** What a value of {@code type} looks like in JSON: no conversion is made from another JSON type. */
  private static String expected(Class<?> type) {
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class
        || type == Short.class || type == short.class) {
      return "must be a whole number (a JSON number without a fraction)";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "must be true or false (a JSON boolean)";
    }
    if (type == String.class) {
      return "must be text (a JSON string)";
    }
    if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
      return "must be a JSON number";
    }
    if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
      return "must be a date as YYYY-MM-DD";
    }
    if (java.util.Collection.class.isAssignableFrom(type)) {
      return "must be a JSON array";
    }
    return "has the wrong type or form";
  }

  private static ProblemDetail tooLarge() {
    return Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "body-too-large", "Request body too large",
        "The request body exceeds the registry's limit.");
  }

  /**
   * The store is unreachable, not refusing: a connection could not be had or was lost (SQLState
   * class 08), the server is shutting down (57P), or the transaction could not even be rolled
   * back, which only a lost connection does.
   */
  public static boolean storeUnavailable(Throwable e) {
    return Causes.any(e, t -> t instanceof SQLTransientConnectionException
        || t instanceof SQLNonTransientConnectionException
        || t instanceof SQLRecoverableException
        || t instanceof DataAccessResourceFailureException
        || t instanceof CannotCreateTransactionException
        || t instanceof TransactionSystemException
        || t instanceof ConnectException
        || (t instanceof SQLException sql && sql.getSQLState() != null
            && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))));
  }

  public static <T extends Throwable> Optional<T> cause(Throwable e, Class<T> type) {
    return Causes.find(e, type);
  }

  private static String rootMessage(Throwable e) {
    return Causes.root(e).getMessage();
  }

  static String slug(String constant) {
    return constant.toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static String title(RefusalCode code) {
    String words = code.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    return "Refused: " + words;
  }
}
