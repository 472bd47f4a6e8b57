package gov.ice.registry.web.pages;

import gov.ice.registry.agreement.api.AgreementRefused;
import gov.ice.registry.agreement.api.RuleId;
import gov.ice.registry.integrity.LedgerBroken;
import gov.ice.registry.web.agreement.InvalidRequest;
import gov.ice.registry.web.query.InvalidQuery;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;

/**
 * Why an action on a page was refused, in the words and rule ids the JSON API's problem would
 * carry, shown beside the form it concerns. {@code field} names a form field where one is known.
 */
public record Refusal(HttpStatus status, String title, String detail, String code, List<String> rules, String field) {

  static Refusal invalid(String field, String message) {
    return new Refusal(HttpStatus.BAD_REQUEST, "Invalid input", field + " " + message, null, List.of(), field);
  }

  static Refusal of(Throwable failure) {
    Optional<Invalid> early = cause(failure, Invalid.class);
    if (early.isPresent()) {
      return early.get().refusal();
    }
    Optional<AgreementRefused> refused = cause(failure, AgreementRefused.class);
    if (refused.isPresent()) {
      AgreementRefused r = refused.get();
      return new Refusal(HttpStatus.CONFLICT, "Refused: " + r.code().name().toLowerCase(Locale.ROOT).replace('_', ' '),
          r.getMessage(), r.code().name(), RuleId.names(r.rules()), null);
    }
    Optional<AccessDeniedException> denied = cause(failure, AccessDeniedException.class);
    if (denied.isPresent()) {
      return new Refusal(HttpStatus.FORBIDDEN, "Not allowed", denied.get().getMessage(), null, List.of(), null);
    }
    Optional<InvalidRequest> invalid = cause(failure, InvalidRequest.class);
    if (invalid.isPresent()) {
      return new Refusal(HttpStatus.BAD_REQUEST, "Invalid input", invalid.get().getMessage(), null, List.of(), invalid.get().field());
    }
    Optional<InvalidQuery> query = cause(failure, InvalidQuery.class);
    if (query.isPresent()) {
      InvalidQuery.Violation first = query.get().violations().get(0);
      return new Refusal(HttpStatus.BAD_REQUEST, "Invalid search", query.get().violations().stream()
          .map(v -> v.field() + " " + v.message()).reduce((a, b) -> a + "; " + b).orElse(""), null, List.of(), first.field());
    }
    Optional<LedgerBroken> ledger = cause(failure, LedgerBroken.class);
    if (ledger.isPresent()) {
      return new Refusal(HttpStatus.CONFLICT, "The ledger does not verify", ledger.get().getMessage(), null, List.of(), null);
    }
    if (cause(failure, ConflictingModificationException.class).isPresent()) {
      return new Refusal(HttpStatus.CONFLICT, "Changed meanwhile",
          "The agreement changed since this page was shown. Nothing was recorded; read it again and retry.", null, List.of(), null);
    }
    Optional<IllegalArgumentException> argument = cause(failure, IllegalArgumentException.class);
    if (argument.isPresent()) {
      return new Refusal(HttpStatus.BAD_REQUEST, "Invalid input", argument.get().getMessage(), null, List.of(), null);
    }
    return null;
  }

  /** Input refused before anything was asked of the registry. */
  static final class Invalid extends RuntimeException {
    private final transient Refusal refusal;

    Invalid(Refusal refusal) {
      super(refusal.detail(), null, false, false);
      this.refusal = refusal;
    }

    Refusal refusal() {
      return refusal;
    }
  }

  public String rulesText() {
    return String.join(", ", rules);
  }

  private static <T extends Throwable> Optional<T> cause(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return Optional.of(type.cast(t));
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return Optional.empty();
  }
}
