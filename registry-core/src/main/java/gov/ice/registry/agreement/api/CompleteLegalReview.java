package gov.ice.registry.agreement.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record OPLA's legal sufficiency review, required where S8 or S9 apply. */
public record CompleteLegalReview(@TargetAggregateIdentifier AgreementId agreementId, boolean legallySufficient, String comment) {}
