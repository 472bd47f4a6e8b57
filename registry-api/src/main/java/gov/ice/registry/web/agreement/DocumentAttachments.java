package gov.ice.registry.web.agreement;

import gov.ice.registry.agreement.LedgerReader;
import gov.ice.registry.agreement.api.AgreementId;
import gov.ice.registry.agreement.api.AttachDocument;
import gov.ice.registry.agreement.api.DocumentKind;
import gov.ice.registry.document.DocumentStore;
import gov.ice.registry.document.DocumentTypeCheck;
import gov.ice.registry.document.DocumentUploads;
import gov.ice.registry.document.DocumentView;
import gov.ice.registry.document.Upload;
import gov.ice.registry.security.CurrentActor;
import gov.ice.registry.security.Roles;
import gov.ice.registry.web.agreement.CommandDispatcher.CommandContext;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.PartEvent;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The one door for attaching a document, used by the documents endpoint and by the agreement page: receive
 * and hash the upload, check the kind against the user's roles, check the type from the content,
 * store the bytes once, then record the event.
 */
@Component
public class DocumentAttachments {

  private final DocumentUploads uploads;
  private final DocumentTypeCheck types;
  private final DocumentStore store;
  private final CommandDispatcher dispatcher;
  private final LedgerReader ledger;

  DocumentAttachments(DocumentUploads uploads, DocumentTypeCheck types, DocumentStore store, CommandDispatcher dispatcher,
      LedgerReader ledger) {
    this.uploads = uploads;
    this.types = types;
    this.store = store;
    this.dispatcher = dispatcher;
    this.ledger = ledger;
  }

  /** From the API: the multipart body as it streams in. */
  public Mono<DocumentView> attach(AgreementId agreement, Flux<PartEvent> parts, Authentication user, ServerWebExchange exchange) {
    return attach(agreement, uploads.receive(parts), user, exchange);
  }

  /** From the page's form: its file part, and its fields. */
  public Mono<DocumentView> attach(AgreementId agreement, FilePart file, Map<String, String> fields, Authentication user,
      ServerWebExchange exchange) {
    return attach(agreement, uploads.receive(file, fields), user, exchange);
  }

  private Mono<DocumentView> attach(AgreementId agreement, Mono<Upload> received, Authentication user, ServerWebExchange exchange) {
    String documentId = UUID.randomUUID().toString();
    return received.flatMap(upload -> Mono.fromCallable(() -> prepare(agreement, documentId, upload, user))
            .subscribeOn(Schedulers.boundedElastic())
            .flatMap(command -> dispatcher.dispatch(agreement, command, CommandContext.of(exchange, CurrentActor.of(user), null))
                .then(Mono.fromCallable(() -> recorded(agreement, command)).subscribeOn(Schedulers.boundedElastic())))
            .doFinally(signal -> upload.discard()));
  }

  private AttachDocument prepare(AgreementId agreement, String documentId, Upload upload, Authentication user) throws Exception {
    DocumentKind kind = kind(upload.fields().get("kind"));
    Integer draftVersion = draftVersion(upload.fields().get("draftVersion"));
    if (!kind.mayBeAttachedBy(Roles.of(user))) {
      throw new AccessDeniedException("Attaching " + kind + " needs PROGRAM_OFFICE or IGP"
          + (kind == DocumentKind.EXECUTED_COPY ? ", or a signatory role" : ""));
    }
    if (ledger.history(agreement).isEmpty()) {
      throw new UnknownAgreement(agreement.value());
    }
    String mediaType = types.mediaTypeOf(upload);
    store.store(upload.file(), upload.sha256(), upload.size());
    return new AttachDocument(agreement, documentId, upload.sha256(), upload.size(), mediaType, types.cleanName(upload.fileName()),
        kind, draftVersion);
  }

  /** The document recorded; the same draft text again records nothing and answers the one attached before. */
  private DocumentView recorded(AgreementId agreement, AttachDocument command) {
    List<DocumentView> documents = DocumentView.of(ledger.history(agreement));
    return documents.stream().filter(d -> d.id().equals(command.documentId())).findFirst()
        .or(() -> documents.stream().filter(d -> d.sha256().equals(command.sha256()) && d.kind() == command.kind()).findFirst())
        .orElseThrow();
  }

  private static DocumentKind kind(String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidRequest("kind", "is required");
    }
    try {
      return DocumentKind.valueOf(value.strip());
    } catch (IllegalArgumentException e) {
      throw new InvalidRequest("kind", "must be one of " + List.of(DocumentKind.values()));
    }
  }

  private static Integer draftVersion(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(value.strip());
    } catch (NumberFormatException e) {
      throw new InvalidRequest("draftVersion", "must be a whole number");
    }
  }
}
