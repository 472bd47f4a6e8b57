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
 * @param textStatus whether the search holds the document's text: {@value #EXTRACTED}, {@value #NOT_EXTRACTED}
 *     (refused or failed: encrypted, too large, malformed, out of time), {@value #WITHDRAWN}, or {@value #PENDING}
 *     (the search has not read it yet)
 * @param textReason why the text was not extracted, or null
 */
public record DocumentView(String id, String sha256, long size, String mediaType, String filename, DocumentKind kind, int draftVersion,
    String attachedBy, String attachedByName, Instant attachedAt, Withdrawal withdrawal, String textStatus, String textReason) {

  public static final String EXTRACTED = "extracted";
  public static final String NOT_EXTRACTED = "text not extracted";
  public static final String WITHDRAWN = "withdrawn";
  public static final String PENDING = "pending";

  /** What the search index says of one document's text: its state and the reason, if any. */
  public record TextState(String state, String reason) {}

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
            null, PENDING, null));
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
    return new DocumentView(id, sha256, size, mediaType, filename, kind, draftVersion, attachedBy, attachedByName, attachedAt, withdrawal,
        WITHDRAWN, null);
  }

  /**
   * {@code documents} with the text state the search index holds for each (by document id);
   * one it has not read yet stays {@value #PENDING}, one withdrawn stays {@value #WITHDRAWN}.
   */
  public static List<DocumentView> withText(List<DocumentView> documents, Map<String, TextState> states) {
    return documents.stream().map(d -> {
      TextState state = states.get(d.id());
      if (d.withdrawal() != null || state == null || state.state() == null) {
        return d;
      }
      String status = state.state().equals(WITHDRAWN) ? WITHDRAWN : state.state().startsWith(EXTRACTED) ? EXTRACTED : NOT_EXTRACTED;
      return new DocumentView(d.id, d.sha256, d.size, d.mediaType, d.filename, d.kind, d.draftVersion, d.attachedBy, d.attachedByName,
          d.attachedAt, d.withdrawal, status, NOT_EXTRACTED.equals(status) ? state.reason()
              : state.state().contains("truncated") ? "truncated: only the text up to the extraction limit is searched" : null);
    }).toList();
  }
}
