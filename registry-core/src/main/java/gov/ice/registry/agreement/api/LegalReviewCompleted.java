package gov.ice.registry.agreement.api;

import org.axonframework.serialization.Revision;

/**
 * A fact that OPLA found the draft version legally sufficient, or not. {@code documentSha256} as
 * on {@link ClearanceGranted}.
 */
@Revision("1")
public record LegalReviewCompleted(AgreementId agreementId, int draftVersion, boolean legallySufficient, String comment,
    String documentSha256) implements AgreementEvent {

  /** A review of a version without draft text. */
  public LegalReviewCompleted(AgreementId agreementId, int draftVersion, boolean legallySufficient, String comment) {
    this(agreementId, draftVersion, legallySufficient, comment, null);
  }
}
