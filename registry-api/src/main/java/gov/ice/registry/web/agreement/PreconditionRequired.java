package gov.ice.registry.web.agreement;

/**
 * A command on an existing agreement without If-Match, where the registry requires one
 * ({@code registry.api.if-match=required}): RFC 6585's 428 Precondition Required. Nothing runs.
 */
public class PreconditionRequired extends RuntimeException {

  public PreconditionRequired(String message) {
    super(message);
  }
}
