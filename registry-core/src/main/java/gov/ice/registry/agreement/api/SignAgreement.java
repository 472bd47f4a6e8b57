package gov.ice.registry.agreement.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sign the cleared agreement for ICE or for one of its parties. */
public record SignAgreement(@TargetAggregateIdentifier AgreementId agreementId, SignatureRecord signature) {}
