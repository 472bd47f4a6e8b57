package gov.ice.registry.web.agreement;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A document's download for the signed-in pages: the API's {@code /api/**} takes HTTP Basic or a
 * bearer token and never the pages' session, so the pages link here. The same answer as
 * {@code GET /api/agreements/{id}/documents/{documentId}}: the same headers, markings check, 410
 * after a withdrawal, and the same access record.
 */
@Controller
class DocumentDownloadPage {

  private final DocumentEndpoints documents;

  DocumentDownloadPage(DocumentEndpoints documents) {
    this.documents = documents;
  }

  @GetMapping("/agreements/{id}/documents/{documentId}")
  Mono<ResponseEntity<Flux<DataBuffer>>> download(@PathVariable String id, @PathVariable String documentId, ServerWebExchange exchange) {
    return documents.download(id, documentId, exchange);
  }
}
