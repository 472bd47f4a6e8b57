package gov.ice.registry.agreement.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Designate the agreement's handling markings anew; OPR SD SMOU confirms them by concurring. */
public record MarkHandling(@TargetAggregateIdentifier AgreementId agreementId, Handling handling) {}
