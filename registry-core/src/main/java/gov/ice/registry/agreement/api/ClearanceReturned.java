package gov.ice.registry.agreement.api;

import org.axonframework.serialization.Revision;

/** A fact that IGP returned the draft to the program office. */
@Revision("1")
public record ClearanceReturned(AgreementId agreementId, int draftVersion, String comment) implements AgreementEvent {}
