package gov.ice.registry.eventstore;

/** Metadata keys the edge adds to a command besides the actor's ({@link gov.ice.registry.agreement.api.Actor}). */
public final class LedgerMetadata {

  /** The HTTP request that caused the command; copied onto every event the command records. */
  public static final String REQUEST_ID = "requestId";

  private LedgerMetadata() {}
}
