package gov.ice.registry.agreement.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Raise, or escalate to a higher level, a dispute over standing non-concurrences (section XI). */
public record RaiseDispute(@TargetAggregateIdentifier AgreementId agreementId, DisputeLevel level, String summary) {}
