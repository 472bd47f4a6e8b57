package gov.ice.registry.agreement.api;

import org.axonframework.serialization.Revision;

/** A fact that the personal data in the agreement's events before sequence {@code erasedBefore} was erased on a lawful request. */
@Revision("1")
public record PersonalDataErased(AgreementId agreementId, String reason, String requestReference, long erasedBefore)
    implements AgreementEvent {}
