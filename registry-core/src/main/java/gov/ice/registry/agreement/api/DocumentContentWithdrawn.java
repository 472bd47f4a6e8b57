package gov.ice.registry.agreement.api;

import org.axonframework.serialization.Revision;

/**
 * A fact that a document's content was withdrawn for {@code reason}: the bytes whose SHA-256 is
 * {@code sha256} are removed, and the document's hash and events stay in the ledger.
 */
@Revision("1")
public record DocumentContentWithdrawn(AgreementId agreementId, String documentId, String sha256, String reason) implements AgreementEvent {}
