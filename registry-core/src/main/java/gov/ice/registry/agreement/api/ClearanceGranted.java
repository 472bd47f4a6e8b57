package gov.ice.registry.agreement.api;

import org.axonframework.serialization.Revision;

/** A fact that IGP cleared the draft version. */
@Revision("1")
public record ClearanceGranted(AgreementId agreementId, int draftVersion, String comment) implements AgreementEvent {}
