package gov.ice.registry.agreement.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replace the draft with a new version; earlier concurrences become stale. */
public record ReviseDraft(@TargetAggregateIdentifier AgreementId agreementId, AgreementProfile profile) {}
