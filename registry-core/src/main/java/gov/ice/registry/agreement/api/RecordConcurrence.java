package gov.ice.registry.agreement.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record a Key Stakeholder's concurrence or non-concurrence on one draft version. */
public record RecordConcurrence(@TargetAggregateIdentifier AgreementId agreementId, StakeholderOffice office, ConcurrenceDecision decision, int draftVersion, String comment) {}
