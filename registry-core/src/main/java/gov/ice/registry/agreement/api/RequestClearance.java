package gov.ice.registry.agreement.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Send the draft, with every required concurrence, to IGP for clearance. */
public record RequestClearance(@TargetAggregateIdentifier AgreementId agreementId) {}
