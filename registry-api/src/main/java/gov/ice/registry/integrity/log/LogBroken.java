package gov.ice.registry.integrity.log;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A chained log does not verify, so no checkpoint is signed over it. Answered 409. */
public final class LogBroken extends ErrorResponseException {

  private final transient LogVerification verification;

  LogBroken(LogVerification verification) {
    super(HttpStatus.CONFLICT);
    this.verification = verification;
    setDetail("the " + verification.log() + " log does not verify, so no checkpoint is signed over it: " + verification.broken());
  }

  public LogVerification verification() {
    return verification;
  }
}
