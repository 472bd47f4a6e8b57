package gov.ice.registry.web.agreement;

/**
 * An If-Match the agreement does not satisfy without the command even running: a weak entity tag,
 * which RFC 9110 section 13.1.1 never lets match (If-Match compares strongly). A 412.
 */
public class PreconditionFailed extends RuntimeException {

  public PreconditionFailed(String message) {
    super(message);
  }
}
