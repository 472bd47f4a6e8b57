package gov.ice.registry.agreement.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record IGP's clearance, or its return of the draft to the program office. */
public record DecideClearance(@TargetAggregateIdentifier AgreementId agreementId, ClearanceDecision decision, String comment) {}
