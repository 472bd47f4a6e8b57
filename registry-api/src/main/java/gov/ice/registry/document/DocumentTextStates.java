package gov.ice.registry.document;

import gov.ice.registry.projection.repository.AgreementSearchEngine;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Whether the search holds each document's text, as the search index recorded it when it read the
 * document: what the document list and the agreement page show beside the ledger's own facts.
 */
@Component
public class DocumentTextStates {

  private final ObjectProvider<AgreementSearchEngine> engine;

  DocumentTextStates(ObjectProvider<AgreementSearchEngine> engine) {
    this.engine = engine;
  }

  /** {@code documents} with their text states; a search that cannot answer leaves them {@link DocumentView#PENDING}. */
  public Mono<List<DocumentView>> of(String agreementId, List<DocumentView> documents) {
    AgreementSearchEngine search = engine.getIfAvailable();
    if (search == null || documents.isEmpty()) {
      return Mono.just(documents);
    }
    // The index is read from disk: off the event loop.
    return Mono.fromCallable(() -> {
      Map<String, DocumentView.TextState> states = new LinkedHashMap<>();
      search.documentTexts(agreementId).forEach(s -> states.put(s.documentId(), new DocumentView.TextState(s.state(), s.reason())));
      return DocumentView.withText(documents, states);
    }).subscribeOn(Schedulers.boundedElastic()).onErrorReturn(documents);
  }
}
