package gov.ice.registry.web.ledger;

import gov.ice.registry.chain.EvidenceBundle;
import gov.ice.registry.document.DocumentEvidence;
import gov.ice.registry.integrity.LedgerIntegrity;
import gov.ice.registry.integrity.LedgerVerification;
import gov.ice.registry.integrity.log.ChainedLog;
import gov.ice.registry.integrity.log.ChainedLogs;
import io.swagger.v3.oas.annotations.Parameter;
import gov.ice.registry.chain.Checkpoint;
import gov.ice.registry.agreement.LedgerReader;
import gov.ice.registry.web.access.AccessAction;
import gov.ice.registry.web.access.ReadAccess;
import gov.ice.registry.web.agreement.InvalidRequest;
import gov.ice.registry.web.agreement.UnknownAgreement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The ledger's integrity over HTTP (API.md, "Queries"): verification, signed checkpoints and
 * their consistency, and an agreement's evidence bundle. All of it is blocking JDBC work, on the
 * bounded elastic scheduler.
 */
@RestController
@Tag(name = "Ledger integrity")
class LedgerEndpoints {

  private final LedgerIntegrity integrity;
  private final DocumentEvidence documents;
  private final Path temporaryDirectory;
  private final ChainedLogs logs;
  private final ReadAccess access;
  private final LedgerReader ledger;

  LedgerEndpoints(LedgerIntegrity integrity, DocumentEvidence documents,
      @Value("${registry.documents.upload-dir:${registry.data-dir:./data}/uploads}") Path temporaryDirectory,
      ChainedLogs logs, ReadAccess access, LedgerReader ledger) {
    this.access = access;
    this.ledger = ledger;
    this.integrity = integrity;
    this.documents = documents;
    this.temporaryDirectory = temporaryDirectory;
    this.logs = logs;
  }

  @GetMapping("/api/ledger/verify")
  @PreAuthorize("hasRole('AUDITOR')")
  @Operation(summary = "Recompute every hash, link, leaf and the latest checkpoints; the first broken entry if any (AUDITOR)",
      responses = @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "the ledger's "
          + "verification, or with ?log= the chained log's", content = @io.swagger.v3.oas.annotations.media.Content(
              mediaType = "application/json", schema = @io.swagger.v3.oas.annotations.media.Schema(
                  oneOf = {LedgerVerification.class, gov.ice.registry.integrity.log.LogVerification.class}))))
  Mono<Object> verify(@RequestParam(required = false) String agreementId,
      @Parameter(description = "a chained log kept apart from the ledger (decisions, ...); its own verification")
      @RequestParam(required = false) String log, org.springframework.web.server.ServerWebExchange exchange) {
    if (log != null) {
      if (agreementId != null) {
        return Mono.error(new InvalidRequest("log", "takes no agreementId: a chained log holds no agreements"));
      }
      ChainedLog chained = logs.find(log).orElse(null);
      if (chained == null) {
        return Mono.error(new InvalidRequest("log", "must be one of " + logs.names()));
      }
      return blocking(chained::verify);
    }
    if (agreementId == null) {
      return blocking(() -> integrity.verifier().verifyLedger());
    }
    // One agreement's verification tells that it exists and how many events it has: the markings decide, as for a view.
    return access.reader().flatMap(reader -> blocking(() -> ledger.stateOf(gov.ice.registry.agreement.api.AgreementId.of(agreementId)))
        .flatMap(state -> access.admit(exchange, reader, state, agreementId, "verification", false))
        .then(blocking(() -> (Object) integrity.verifier().verifyAgreement(agreementId).orElseThrow(() -> new UnknownAgreement(agreementId))))
        .flatMap(verification -> access.record(exchange, reader, AccessAction.VIEW, List.of(agreementId), "verification", "json")
            .thenReturn(verification)));
  }

  @PostMapping("/api/ledger/checkpoints")
  @PreAuthorize("hasAnyRole('ADMIN', 'AUDITOR')")
  @Operation(summary = "Verify the ledger and record a signed checkpoint of it now (ADMIN, AUDITOR)")
  Mono<ResponseEntity<CheckpointView>> record() {
    return blocking(() -> integrity.checkpoints().record())
        .map(checkpoint -> ResponseEntity.status(HttpStatus.CREATED)
            .location(URI.create("/api/ledger/checkpoints/latest"))
            .body(CheckpointView.of(checkpoint)));
  }

  @GetMapping("/api/ledger/checkpoints/latest")
  @PreAuthorize("hasRole('AUDITOR')")
  @Operation(summary = "The latest signed checkpoint (AUDITOR)")
  Mono<CheckpointView> latest() {
    return blocking(() -> integrity.checkpoints().latest().map(CheckpointView::of).orElseThrow(NoCheckpoint::new));
  }

  @GetMapping("/api/ledger/checkpoints/consistency")
  @PreAuthorize("hasRole('AUDITOR')")
  @Operation(summary = "RFC 6962 consistency proof between the trees of two checkpoint sizes (AUDITOR)")
  Mono<ConsistencyProof> consistency(@RequestParam long from, @RequestParam long to) {
    return blocking(() -> {
      try {
        return new ConsistencyProof(from, to, integrity.checkpoints().consistencyProof(from, to));
      } catch (IllegalArgumentException e) {
        throw new InvalidRequest("to", e.getMessage());
      }
    });
  }

  @GetMapping(value = "/api/agreements/{id}/evidence", produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasRole('AUDITOR')")
  @Operation(summary = "The agreement's evidence bundle: events, checkpoint, inclusion proof, public key; with include=documents, a ZIP of evidence.json, documents/<sha256> and SHA256SUMS (AUDITOR)")
  Mono<ResponseEntity<String>> evidence(@PathVariable String id,
      @io.swagger.v3.oas.annotations.Parameter(description = "documents: answer application/zip, the bundle with the agreement's documents")
      @RequestParam(required = false) String include, org.springframework.web.server.ServerWebExchange exchange) {
    // The bundle's exact bytes are evidence: written by the ledger, not re-encoded by the web layer.
    // A bundle is a download: the markings must admit the user to export it (DISPLAY ONLY does not), else it does not exist.
    return access.reader().flatMap(reader -> blocking(() -> ledger.stateOf(gov.ice.registry.agreement.api.AgreementId.of(id))
            .filter(gov.ice.registry.agreement.AgreementFacts::exists))
        .flatMap(state -> {
          if (state.isPresent() && !access.mayExport(reader, state.get())) {
            return access.denied(exchange, reader, id, "evidence").then(Mono.<gov.ice.registry.chain.EvidenceBundle>error(new UnknownAgreement(id)));
          }
          return blocking(() -> state.flatMap(s -> integrity.evidence().bundle(id)).orElseThrow(() -> new UnknownAgreement(id)))
              .flatMap(bundle -> access.record(exchange, reader, AccessAction.EVIDENCE, List.of(id), "events", "json").thenReturn(bundle));
        }))
        .map(bundle -> ResponseEntity.ok()
            .contentType(MediaType.APPLICATION_JSON)
            .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"evidence-" + id + ".json\"")
            .body(bundle.toJson()));
  }

  @GetMapping(value = "/api/agreements/{id}/evidence", params = "include=documents", produces = "application/zip")
  @PreAuthorize("hasRole('AUDITOR')")
  @Operation(summary = "The agreement's evidence bundle: events, checkpoint, inclusion proof, public key; with include=documents, a ZIP of evidence.json, documents/<sha256> and SHA256SUMS (AUDITOR)")
  Mono<ResponseEntity<Flux<DataBuffer>>> evidenceWithDocuments(@PathVariable String id,
      org.springframework.web.server.ServerWebExchange exchange) {
    // The same markings as the JSON bundle: an export the user may not take does not exist for them.
    return access.reader().flatMap(reader -> blocking(() -> ledger.stateOf(gov.ice.registry.agreement.api.AgreementId.of(id))
            .filter(gov.ice.registry.agreement.AgreementFacts::exists))
        .flatMap(state -> state.isPresent() && !access.mayExport(reader, state.get())
            ? access.denied(exchange, reader, id, "evidence").then(Mono.<Boolean>error(new UnknownAgreement(id)))
            : access.record(exchange, reader, AccessAction.EVIDENCE, List.of(id), "events,documents", "zip").thenReturn(true)))
        .then(blocking(() -> {
      EvidenceBundle bundle = integrity.evidence().bundle(id).orElseThrow(() -> new UnknownAgreement(id));
      Path zip = documents.zip(bundle, temporaryDirectory);
      Flux<DataBuffer> bytes = DataBufferUtils.read(zip, DefaultDataBufferFactory.sharedInstance, 64 * 1024)
          .doFinally(signal -> zip.toFile().delete());
      return ResponseEntity.ok()
          .contentType(MediaType.parseMediaType("application/zip"))
          .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"evidence-" + id + ".zip\"")
          .body(bytes);
    }));
  }

  /** A checkpoint, with the fingerprint (SHA-256 of the DER public key) auditors compare with the published one. */
  record CheckpointView(long size, String root, String at, String signature, String publicKey, String keyFingerprint) {

    static CheckpointView of(Checkpoint c) {
      return new CheckpointView(c.size(), c.root(), c.at(), c.signature(), c.publicKey(), c.keyFingerprint());
    }
  }

  record ConsistencyProof(long from, long to, List<String> proof) {}

  private static <T> Mono<T> blocking(Callable<T> work) {
    return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
  }
}
