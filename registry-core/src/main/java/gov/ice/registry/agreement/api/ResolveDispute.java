package gov.ice.registry.agreement.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record the ICE Director's decision of the open dispute. */
public record ResolveDispute(@TargetAggregateIdentifier AgreementId agreementId, DisputeDecision decision, String rationale) {}
