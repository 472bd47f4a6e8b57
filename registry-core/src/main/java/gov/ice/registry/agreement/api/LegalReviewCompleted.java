package gov.ice.registry.agreement.api;

import org.axonframework.serialization.Revision;

/** A fact that OPLA found the draft version legally sufficient, or not. */
@Revision("1")
public record LegalReviewCompleted(AgreementId agreementId, int draftVersion, boolean legallySufficient, String comment) implements AgreementEvent {}
