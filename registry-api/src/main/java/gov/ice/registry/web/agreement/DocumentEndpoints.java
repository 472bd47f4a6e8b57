package gov.ice.registry.web.agreement;

import gov.ice.registry.agreement.LedgerReader;
import gov.ice.registry.agreement.api.AgreementId;
import gov.ice.registry.agreement.api.DocumentKind;
import gov.ice.registry.agreement.api.WithdrawDocumentContent;
import gov.ice.registry.document.DocumentRefused;
import gov.ice.registry.document.DocumentStore;
import gov.ice.registry.document.DocumentTextStates;
import gov.ice.registry.document.DocumentView;
import gov.ice.registry.security.CurrentActor;
import gov.ice.registry.web.agreement.AgreementRequests.WithdrawalRequest;
import gov.ice.registry.web.access.AccessAction;
import gov.ice.registry.web.access.ReadAccess;
import gov.ice.registry.web.agreement.CommandDispatcher.CommandContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.PartEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * An agreement's documents over HTTP (API.md, "Documents"): attach one file (stored by SHA-256 in
 * the ledger's database, then recorded by {@code DocumentAttached}), list them, download one, and
 * withdraw a document's content. Which role may attach which kind is {@link DocumentKind}'s rule;
 * which kind fits the agreement's stage is the domain's.
 */
@RestController
@RequestMapping("/api/agreements")
@Tag(name = "Documents")
class DocumentEndpoints {

  private static final int DOWNLOAD_BUFFER = 64 * 1024;

  private final DocumentAttachments attachments;
  private final CommandDispatcher dispatcher;
  private final LedgerReader ledger;
  private final DocumentStore store;
  private final ReadAccess access;
  private final DocumentTextStates textStates;

  DocumentEndpoints(DocumentAttachments attachments, CommandDispatcher dispatcher, LedgerReader ledger, DocumentStore store,
      ReadAccess access, DocumentTextStates textStates) {
    this.textStates = textStates;
    this.attachments = attachments;
    this.dispatcher = dispatcher;
    this.ledger = ledger;
    this.store = store;
    this.access = access;
  }

  @PostMapping(path = "/{id}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(summary = "Attach a document: multipart form with file, kind and (draft text) draftVersion (PROGRAM_OFFICE, IGP; a signatory for the executed copy)")
  // The body is read part by part (streamed to disk while hashed), so its schema is declared here: the form's fields, not PartEvent.
  @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @io.swagger.v3.oas.annotations.media.Content(
      mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
      schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = DocumentUpload.class)))
  Mono<ResponseEntity<DocumentView>> attach(@PathVariable String id, @RequestBody Flux<PartEvent> parts, ServerWebExchange exchange) {
    AgreementId agreement = AgreementIds.parse(id);
    return CurrentActor.authentication()
        .flatMap(user -> attachments.attach(agreement, parts, user, exchange))
        .map(document -> ResponseEntity.status(HttpStatus.CREATED)
            .location(URI.create("/api/agreements/" + agreement.value() + "/documents/" + document.id()))
            .body(document));
  }

  @GetMapping("/{id}/documents")
  @Operation(summary = "The agreement's documents, newest first, each with whether the search holds its text (textStatus,"
      + " textReason) (any role that may read the agreement)")
  Mono<Map<String, List<DocumentView>>> list(@PathVariable String id, ServerWebExchange exchange) {
    AgreementId agreement = AgreementIds.parse(id);
    return readable(agreement, exchange, "documents", false)
        .then(Mono.fromCallable(() -> DocumentView.of(history(agreement))).subscribeOn(Schedulers.boundedElastic()))
        .flatMap(documents -> textStates.of(agreement.value(), documents))
        .map(documents -> Map.of("items", documents))
        .flatMap(items -> access.record(exchange, AccessAction.VIEW, List.of(agreement.value()), "documents", "json").thenReturn(items));
  }

  @GetMapping("/{id}/documents/{documentId}")
  @Operation(summary = "Download a document's bytes; ETag is its SHA-256; 410 once its content was withdrawn")
  Mono<ResponseEntity<Flux<DataBuffer>>> download(@PathVariable String id, @PathVariable String documentId, ServerWebExchange exchange) {
    AgreementId agreement = AgreementIds.parse(id);
    return readable(agreement, exchange, "document " + documentId, true).then(Mono.fromCallable(() -> {
      DocumentView document = held(agreement, documentId);
      Flux<DataBuffer> bytes = DataBufferUtils.readInputStream(
              () -> store.open(document.sha256()).orElseThrow(() -> gone(document)), DefaultDataBufferFactory.sharedInstance, DOWNLOAD_BUFFER)
          .subscribeOn(Schedulers.boundedElastic());
      return ResponseEntity.ok()
          .contentType(MediaType.parseMediaType(document.mediaType()))
          .contentLength(document.size())
          .eTag(document.sha256())
          .header("Content-Disposition", ContentDisposition.attachment().filename(document.filename(), StandardCharsets.UTF_8).build().toString())
          .header("X-Content-Type-Options", "nosniff")
          .header("Cache-Control", "private, no-store")
          .body(bytes);
    }).subscribeOn(Schedulers.boundedElastic()))
        // Recorded before the bytes go out: no download a client received lacks its record.
        .flatMap(answer -> access.record(exchange, AccessAction.DOCUMENT_DOWNLOAD, List.of(agreement.value()), "document " + documentId,
            answer.getHeaders().getContentType() == null ? null : answer.getHeaders().getContentType().toString()).thenReturn(answer));
  }

  /**
   * Completes when the markings let the current user read the agreement (and, for a download,
   * take a copy: DISPLAY ONLY does not); otherwise records the refusal and answers 404, as for an
   * agreement that does not exist.
   */
  private Mono<Void> readable(AgreementId agreement, ServerWebExchange exchange, String sections, boolean download) {
    return access.reader().flatMap(reader -> Mono.fromCallable(() -> ledger.stateOf(agreement))
        .subscribeOn(Schedulers.boundedElastic())
        .flatMap(state -> {
          boolean exists = state.isPresent() && state.get().exists();
          if (!exists) {
            return Mono.<Void>error(new UnknownAgreement(agreement.value()));
          }
          boolean allowed = download ? access.mayExport(reader, state.get()) : access.mayRead(reader, state.get());
          return allowed ? Mono.<Void>empty()
              : access.denied(exchange, reader, agreement.value(), sections).then(Mono.<Void>error(new UnknownAgreement(agreement.value())));
        }));
  }

  @PostMapping("/{id}/documents/{documentId}/withdrawal")
  @Operation(summary = "Withdraw a document's content with a recorded reason: the bytes are removed, the hash and events stay (ADMIN)")
  Mono<ResponseEntity<DocumentView>> withdraw(@PathVariable String id, @PathVariable String documentId,
      @Valid @RequestBody WithdrawalRequest body, ServerWebExchange exchange) {
    AgreementId agreement = AgreementIds.parse(id);
    return CurrentActor.authentication().flatMap(user -> Mono.fromCallable(() -> document(agreement, documentId))
        .subscribeOn(Schedulers.boundedElastic())
        .flatMap(document -> dispatcher.dispatch(agreement, new WithdrawDocumentContent(agreement, documentId, body.reason()),
                CommandContext.of(exchange, CurrentActor.of(user), null))
            .then(Mono.fromCallable(() -> {
              // After the event: a crash between the two leaves bytes the sweep removes, never a withdrawal undone.
              store.remove(document.sha256());
              return ResponseEntity.ok(document(agreement, documentId));
            }).subscribeOn(Schedulers.boundedElastic()))));
  }

  /** The document, whose content is still held; 404 or 410 otherwise. */
  private DocumentView held(AgreementId agreement, String documentId) {
    DocumentView document = document(agreement, documentId);
    if (document.withdrawal() != null || !store.contains(document.sha256())) {
      throw gone(document);
    }
    return document;
  }

  private DocumentView document(AgreementId agreement, String documentId) {
    return DocumentView.find(history(agreement), documentId).orElseThrow(() ->
        new DocumentRefused(HttpStatus.NOT_FOUND, "unknown-document", "Unknown document",
            "Agreement " + agreement.value() + " has no document " + documentId));
  }

  private List<? extends DomainEventMessage<?>> history(AgreementId agreement) {
    List<? extends DomainEventMessage<?>> history = ledger.history(agreement);
    if (history.isEmpty()) {
      throw new UnknownAgreement(agreement.value());
    }
    return history;
  }

  static DocumentRefused gone(DocumentView document) {
    if (document.withdrawal() != null) {
      return new DocumentRefused(HttpStatus.GONE, "document-withdrawn", "Document content withdrawn",
          "The content of document " + document.id() + " (SHA-256 " + document.sha256() + ") was withdrawn on "
              + document.withdrawal().withdrawnAt() + " by " + document.withdrawal().withdrawnBy() + ": " + document.withdrawal().reason());
    }
    return new DocumentRefused(HttpStatus.GONE, "document-withdrawn", "Document content withdrawn",
        "The content with SHA-256 " + document.sha256() + " is no longer held: it was withdrawn under another record.");
  }

  /** The upload form as the OpenAPI document declares it. */
  @io.swagger.v3.oas.annotations.media.Schema(name = "DocumentUpload", requiredProperties = {"kind", "file"})
  record DocumentUpload(
      @io.swagger.v3.oas.annotations.media.Schema(description = "What the document is") gov.ice.registry.agreement.api.DocumentKind kind,
      @io.swagger.v3.oas.annotations.media.Schema(type = "string", format = "binary",
          description = "The file: PDF, .docx, OpenDocument text or plain text, its type detected from the content") String file,
      @io.swagger.v3.oas.annotations.media.Schema(description = "For DRAFT_TEXT: the draft version the text is (default: the current one)")
      Integer draftVersion) {}
}
