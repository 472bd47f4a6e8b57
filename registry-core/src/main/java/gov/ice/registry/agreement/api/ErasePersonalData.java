package gov.ice.registry.agreement.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Erase the personal data (points of contact, signatory names) recorded so far for an
 * agreement, on a lawful request. {@code requestReference} names the request, never the person.
 */
public record ErasePersonalData(@TargetAggregateIdentifier AgreementId agreementId, String reason, String requestReference) {}
