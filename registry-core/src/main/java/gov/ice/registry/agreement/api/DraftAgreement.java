package gov.ice.registry.agreement.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Draft a new agreement; the registry decides its scope and required stakeholders. */
public record DraftAgreement(@TargetAggregateIdentifier AgreementId agreementId, AgreementProfile profile) {}
