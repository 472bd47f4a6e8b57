package gov.ice.registry.agreement.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Withdraw an agreement that has not been executed. */
public record WithdrawAgreement(@TargetAggregateIdentifier AgreementId agreementId, String reason) {}
