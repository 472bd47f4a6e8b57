package gov.ice.registry.agreement.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Attach a document whose bytes are already stored under {@code sha256} (64 lowercase hex
 * digits). {@code draftVersion} names the version draft text belongs to; other kinds may leave
 * it null and go with the current version. The edge checks the content and cleans the name.
 */
public record AttachDocument(@TargetAggregateIdentifier AgreementId agreementId, String documentId, String sha256, long size,
    String mediaType, String fileName, DocumentKind kind, Integer draftVersion) {}
