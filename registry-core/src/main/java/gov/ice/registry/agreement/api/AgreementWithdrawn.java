package gov.ice.registry.agreement.api;

import org.axonframework.serialization.Revision;

/** A fact that the program office withdrew an agreement that was never executed. */
@Revision("1")
public record AgreementWithdrawn(AgreementId agreementId, AgreementStatus fromStatus, String reason) implements AgreementEvent {}
