package gov.ice.registry.agreement.api;

import org.axonframework.serialization.Revision;

/** A fact that the program office sent the draft, with every required concurrence, to IGP. */
@Revision("1")
public record ClearanceRequested(AgreementId agreementId, int draftVersion) implements AgreementEvent {}
