package gov.ice.registry.agreement.api;

import org.axonframework.serialization.Revision;

/**
 * A fact that IGP cleared the draft version. {@code documentSha256} is the SHA-256 of the
 * version's draft text where it had one (null otherwise, and in events stored before it existed).
 */
@Revision("1")
public record ClearanceGranted(AgreementId agreementId, int draftVersion, String comment, String documentSha256) implements AgreementEvent {

  /** A clearance of a version without draft text. */
  public ClearanceGranted(AgreementId agreementId, int draftVersion, String comment) {
    this(agreementId, draftVersion, comment, null);
  }
}
