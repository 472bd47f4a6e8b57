package gov.ice.registry.agreement.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Withdraw a document's content (a court order, a NARA disposition): its hash and events stay. */
public record WithdrawDocumentContent(@TargetAggregateIdentifier AgreementId agreementId, String documentId, String reason) {}
