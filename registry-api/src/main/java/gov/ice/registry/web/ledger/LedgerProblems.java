package gov.ice.registry.web.ledger;

import gov.ice.registry.integrity.LedgerBroken;
import gov.ice.registry.web.problem.Problems;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The ledger's own refusals as problem+json, before the application's catch-all handler sees them. */
@RestControllerAdvice
@Order(-1)
class LedgerProblems {

  /** 409: the ledger does not verify, so no checkpoint is signed (and no evidence that needs one is exported). */
  @ExceptionHandler(LedgerBroken.class)
  ResponseEntity<ProblemDetail> broken(LedgerBroken e) {
    ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "ledger-broken", "The ledger does not verify", e.getMessage());
    problem.setProperty("broken", e.verification().broken());
    return respond(problem);
  }

  @ExceptionHandler(NoCheckpoint.class)
  ResponseEntity<ProblemDetail> none(NoCheckpoint e) {
    return respond(Problems.of(HttpStatus.NOT_FOUND, "no-checkpoint", "No checkpoint", e.getMessage()));
  }

  private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
    return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }
}
