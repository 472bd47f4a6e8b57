package gov.ice.registry.agreement.api;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A fact that a document was attached to the agreement: its bytes are those whose SHA-256 is
 * {@code sha256}, kept in the ledger's database. New draft text makes the concurrences already
 * given on its version stale ({@code staleConcurrences}), as a revision does.
 */
@Revision("1")
public record DocumentAttached(AgreementId agreementId, String documentId, String sha256, long size, String mediaType,
    String fileName, DocumentKind kind, int draftVersion, List<StakeholderOffice> staleConcurrences) implements AgreementEvent {

  public DocumentAttached {
    staleConcurrences = staleConcurrences == null ? List.of() : List.copyOf(staleConcurrences);
  }
}
