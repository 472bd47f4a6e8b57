package gov.ice.registry.document;

import gov.ice.registry.agreement.api.Actor;
import gov.ice.registry.agreement.api.DocumentAttached;
import gov.ice.registry.agreement.api.DocumentContentWithdrawn;
import gov.ice.registry.agreement.api.DocumentKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;

/**
 * One attached document as the API and the pages show it, from the ledger: who attached it and
 * when come from the event's metadata, like every actor the registry shows.
 *
 * @param withdrawal present once the content was withdrawn: the bytes are gone, the hash stays
 */
public record DocumentView(String id, String sha256, long size, String mediaType, String filename, DocumentKind kind, int draftVersion,
    String attachedBy, String attachedByName, Instant attachedAt, Withdrawal withdrawal) {

  /** Why and when the content was withdrawn, and by whom. */
  public record Withdrawal(String reason, String withdrawnBy, Instant withdrawnAt) {}

  /** The documents {@code history} records, newest first. */
  public static List<DocumentView> of(List<? extends DomainEventMessage<?>> history) {
    Map<String, DocumentView> documents = new LinkedHashMap<>();
    for (DomainEventMessage<?> message : history) {
      Actor actor = Actor.fromMetadata(message.getMetaData());
      if (message.getPayload() instanceof DocumentAttached e) {
        documents.put(e.documentId(), new DocumentView(e.documentId(), e.sha256(), e.size(), e.mediaType(), e.fileName(), e.kind(),
            e.draftVersion(), actor == null ? null : actor.username(), actor == null ? null : actor.displayName(), message.getTimestamp(),
            null));
      } else if (message.getPayload() instanceof DocumentContentWithdrawn e) {
        documents.computeIfPresent(e.documentId(), (id, d) -> d.withdrawn(
            new Withdrawal(e.reason(), actor == null ? null : actor.username(), message.getTimestamp())));
      }
    }
    List<DocumentView> newestFirst = new ArrayList<>(documents.values());
    newestFirst.sort(Comparator.comparing(DocumentView::attachedAt).reversed());
    return newestFirst;
  }

  public static Optional<DocumentView> find(List<? extends DomainEventMessage<?>> history, String documentId) {
    return of(history).stream().filter(d -> d.id().equals(documentId)).findFirst();
  }

  DocumentView withdrawn(Withdrawal withdrawal) {
    return new DocumentView(id, sha256, size, mediaType, filename, kind, draftVersion, attachedBy, attachedByName, attachedAt, withdrawal);
  }
}
