package gov.ice.registry.web.agreement;

import gov.ice.registry.agreement.api.AgreementId;
import gov.ice.registry.agreement.api.AgreementProfile;
import gov.ice.registry.agreement.api.AmendAgreement;
import gov.ice.registry.agreement.api.CompleteLegalReview;
import gov.ice.registry.agreement.api.DecideClearance;
import gov.ice.registry.agreement.api.DraftAgreement;
import gov.ice.registry.agreement.api.MarkHandling;
import gov.ice.registry.agreement.api.RaiseDispute;
import gov.ice.registry.agreement.api.RecordBiennialReview;
import gov.ice.registry.agreement.api.RecordConcurrence;
import gov.ice.registry.agreement.api.RecordExigentTransfer;
import gov.ice.registry.agreement.api.RequestClearance;
import gov.ice.registry.agreement.api.ResolveDispute;
import gov.ice.registry.agreement.api.ReviseDraft;
import gov.ice.registry.agreement.api.SignAgreement;
import gov.ice.registry.agreement.api.TerminateAgreement;
import gov.ice.registry.agreement.api.WithdrawAgreement;
import gov.ice.registry.security.CurrentActor;
import gov.ice.registry.security.Roles;
import gov.ice.registry.web.agreement.AgreementRequests.AmendmentRequest;
import gov.ice.registry.web.agreement.AgreementRequests.ClearanceRequest;
import gov.ice.registry.web.agreement.AgreementRequests.ConcurrenceRequest;
import gov.ice.registry.web.agreement.AgreementRequests.DisputeRequest;
import gov.ice.registry.web.agreement.AgreementRequests.DisputeResolutionRequest;
import gov.ice.registry.web.agreement.AgreementRequests.DraftRequest;
import gov.ice.registry.web.agreement.AgreementRequests.ExigentTransferRequest;
import gov.ice.registry.web.agreement.AgreementRequests.HandlingRequest;
import gov.ice.registry.web.agreement.AgreementRequests.ImportRequest;
import gov.ice.registry.web.agreement.AgreementRequests.LegalReviewRequest;
import gov.ice.registry.web.agreement.AgreementRequests.ReviewRequest;
import gov.ice.registry.web.agreement.AgreementRequests.SignatureRequest;
import gov.ice.registry.web.agreement.AgreementRequests.TerminationRequest;
import gov.ice.registry.web.agreement.AgreementRequests.WithdrawalRequest;
import gov.ice.registry.web.agreement.CommandDispatcher.CommandContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The agreement's commands over HTTP (API.md, "Commands"). Each maps its body to one domain
 * command, sends it as the authenticated user, and answers with the summary and its ETag.
 * Which role may call which endpoint is the security configuration's; what depends on the
 * body (a stakeholder's own office, a signatory's own authority) is checked here.
 */
@RestController
@RequestMapping("/api/agreements")
@Tag(name = "Agreement commands")
class AgreementCommandEndpoints {

  private final CommandDispatcher dispatcher;
  private final ExistingAgreementsFinder existingAgreements;
  private final DraftDates draftDates;
  private final AgreementImports imports;
  private final Clock clock;
  private final IfMatchPolicy ifMatchPolicy;

  AgreementCommandEndpoints(CommandDispatcher dispatcher, ExistingAgreementsFinder existingAgreements, DraftDates draftDates,
      AgreementImports imports, Clock clock, IfMatchPolicy ifMatchPolicy) {
    this.dispatcher = dispatcher;
    this.existingAgreements = existingAgreements;
    this.draftDates = draftDates;
    this.imports = imports;
    this.clock = clock;
    this.ifMatchPolicy = ifMatchPolicy;
  }

  @PostMapping
  @Operation(summary = "Draft a new agreement (PROGRAM_OFFICE)")
  Mono<ResponseEntity<AgreementSummary>> draft(@Valid @RequestBody DraftRequest body, ServerWebExchange exchange) {
    AgreementId id = newId();
    return send(exchange, id, new DraftAgreement(id, body.toProfile()))
        .flatMap(summary -> existingAgreements.mostRelevant(id, body.toProfile(), AgreementSummary.EXISTING_SHOWN)
            .map(existing -> summary.withExistingAgreements(existing, existingSearch(body.toProfile()))))
        .map(AgreementCommandEndpoints::created);
  }

  /** The search that lists every active agreement sharing a party and a category with {@code profile}. */
  static String existingSearch(AgreementProfile profile) {
    StringBuilder search = new StringBuilder("/api/agreements?status=ACTIVE");
    profile.parties().stream().map(p -> p.name()).filter(java.util.Objects::nonNull).distinct()
        .forEach(name -> search.append("&party=").append(queryValue(name)));
    profile.categories().stream().distinct().forEach(category -> search.append("&category=").append(category.name()));
    return search.toString();
  }

  /** Percent-encoded, a space as %20: the query string is decoded without turning + into a space. */
  private static String queryValue(String value) {
    return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
  }

  @PostMapping("/import")
  @Operation(summary = "Import an agreement executed before the registry existed; the same externalReference again changes nothing (IGP)")
  Mono<ResponseEntity<Object>> importExecuted(@Valid @RequestBody ImportRequest body,
      @Parameter(description = "Check the import and answer what would happen, storing nothing")
      @RequestParam(defaultValue = "false") boolean dryRun,
      ServerWebExchange exchange) {
    AgreementId id = AgreementImports.idFor(body);
    return Mono.fromCallable(() -> imports.exists(id)).subscribeOn(Schedulers.boundedElastic()).flatMap(exists -> {
      if (exists) {
        return alreadyImported(id);
      }
      if (dryRun) {
        // The handbook's rules too, as the real import applies them: a refusal answers as it would.
        return Mono.fromCallable(() -> {
          imports.refusal(id, body).ifPresent(refused -> {
            throw refused;
          });
          return ResponseEntity.<Object>ok(
              new ImportReport.Row(1, ImportReport.Outcome.WOULD_IMPORT, id.value(), body.externalReference(), List.of()));
        }).subscribeOn(Schedulers.boundedElastic());
      }
      return send(exchange, id, body.toCommand(id))
          .<ResponseEntity<Object>>map(summary -> ResponseEntity.status(HttpStatus.CREATED)
              .location(URI.create("/api/agreements/" + summary.id()))
              .eTag(ETags.of(summary.version()))
              .body(summary))
          // Two imports of one reference raced and this one lost: the agreement is there, as the caller wants.
          .onErrorResume(e -> body.externalReference() != null && imports.exists(id), e -> alreadyImported(id));
    });
  }

  /** 200 with the agreement an earlier import of the same reference created. */
  private Mono<ResponseEntity<Object>> alreadyImported(AgreementId id) {
    return dispatcher.current(id).map(summary -> ResponseEntity.ok()
        .location(URI.create("/api/agreements/" + summary.id()))
        .eTag(ETags.of(summary.version()))
        .body(summary));
  }

  @PutMapping("/{id}/draft")
  @Operation(summary = "Revise the draft: a new draft version (PROGRAM_OFFICE)")
  Mono<ResponseEntity<AgreementSummary>> revise(@PathVariable String id, @Valid @RequestBody DraftRequest body,
      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch, ServerWebExchange exchange) {
    return ok(exchange, id, ifMatch, agreement -> new ReviseDraft(agreement, body.toProfile()));
  }

  @PutMapping("/{id}/handling")
  @Operation(summary = "Designate the handling markings anew; OPR SD SMOU confirms them by concurring (PROGRAM_OFFICE)")
  Mono<ResponseEntity<AgreementSummary>> markHandling(@PathVariable String id, @Valid @RequestBody HandlingRequest body,
      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch, ServerWebExchange exchange) {
    return ok(exchange, id, ifMatch, agreement -> new MarkHandling(agreement, body.marking(), body.toHandling()));
  }

  @PostMapping("/{id}/concurrences")
  @Operation(summary = "Concur or non-concur on a draft version, for the caller's own office (STAKEHOLDER_<office>)")
  Mono<ResponseEntity<AgreementSummary>> concur(@PathVariable String id, @Valid @RequestBody ConcurrenceRequest body,
      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch, ServerWebExchange exchange) {
    return ok(exchange, id, ifMatch, (agreement, user) -> {
      if (!Roles.concursFor(user, body.office())) {
        throw new AccessDeniedException("A stakeholder concurs only for its own office; this user is not STAKEHOLDER_" + body.office());
      }
      return new RecordConcurrence(agreement, body.office(), body.decision(), body.draftVersion(), body.comment());
    });
  }

  @PostMapping("/{id}/disputes")
  @Operation(summary = "Raise or escalate a dispute over non-concurrences (PROGRAM_OFFICE)")
  Mono<ResponseEntity<AgreementSummary>> dispute(@PathVariable String id, @Valid @RequestBody DisputeRequest body,
      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch, ServerWebExchange exchange) {
    return ok(exchange, id, ifMatch, agreement -> new RaiseDispute(agreement, body.level(), body.summary()));
  }

  @PostMapping("/{id}/disputes/resolution")
  @Operation(summary = "Record the Director's decision of the open dispute (DIRECTOR)")
  Mono<ResponseEntity<AgreementSummary>> resolve(@PathVariable String id, @Valid @RequestBody DisputeResolutionRequest body,
      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch, ServerWebExchange exchange) {
    return ok(exchange, id, ifMatch, agreement -> new ResolveDispute(agreement, body.decision(), body.rationale()));
  }

  @PostMapping("/{id}/clearance-request")
  @Operation(summary = "Send the draft to IGP for clearance (PROGRAM_OFFICE)")
  Mono<ResponseEntity<AgreementSummary>> requestClearance(@PathVariable String id,
      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch, ServerWebExchange exchange) {
    return ok(exchange, id, ifMatch, RequestClearance::new);
  }

  @PostMapping("/{id}/clearance")
  @Operation(summary = "Clear or return the draft (IGP)")
  Mono<ResponseEntity<AgreementSummary>> clear(@PathVariable String id, @Valid @RequestBody ClearanceRequest body,
      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch, ServerWebExchange exchange) {
    return ok(exchange, id, ifMatch, agreement -> new DecideClearance(agreement, body.decision(), body.comment()));
  }

  @PostMapping("/{id}/legal-review")
  @Operation(summary = "Record OPLA's legal sufficiency review (STAKEHOLDER_OPLA)")
  Mono<ResponseEntity<AgreementSummary>> legalReview(@PathVariable String id, @Valid @RequestBody LegalReviewRequest body,
      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch, ServerWebExchange exchange) {
    return ok(exchange, id, ifMatch, agreement -> new CompleteLegalReview(agreement, body.legallySufficient(), body.comment()));
  }

  @PostMapping("/{id}/signatures")
  @Operation(summary = "Sign for ICE with an authority the caller holds (SIGNATORY_<authority>), or record an external party's signature (PROGRAM_OFFICE)")
  Mono<ResponseEntity<AgreementSummary>> sign(@PathVariable String id, @Valid @RequestBody SignatureRequest body,
      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch, ServerWebExchange exchange) {
    return draftDates.draftedOn(AgreementIds.parse(id)).flatMap(draftedOn -> ok(exchange, id, ifMatch, (agreement, user) -> {
      if (body.forIce()) {
        if (body.authority() == null) {
          throw new InvalidRequest("authority", "is required for an ICE signature");
        }
        if (!Roles.signsWith(user, body.authority())) {
          throw new AccessDeniedException("A signatory signs only with an authority it holds; this user is not SIGNATORY_" + body.authority());
        }
      } else {
        if (body.authority() != null) {
          throw new InvalidRequest("authority", "is for ICE signatures only");
        }
        if (!Roles.has(user, Roles.PROGRAM_OFFICE)) {
          throw new AccessDeniedException("An external party's signature is recorded by the program office");
        }
      }
      if (draftedOn.isPresent() && body.signedOn().isBefore(draftedOn.get())) {
        throw new InvalidRequest("signedOn", "is before the day the agreement was drafted, " + draftedOn.get());
      }
      return new SignAgreement(agreement, body.toSignature());
    }));
  }

  @PostMapping("/{id}/reviews")
  @Operation(summary = "Record a biennial review (PROGRAM_OFFICE)")
  Mono<ResponseEntity<AgreementSummary>> review(@PathVariable String id, @Valid @RequestBody ReviewRequest body,
      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch, ServerWebExchange exchange) {
    return ok(exchange, id, ifMatch, agreement ->
        new RecordBiennialReview(agreement, body.reviewedOn(), body.outcome(), body.findings().toFindings(), body.comment()));
  }

  @PostMapping("/{id}/amendments")
  @Operation(summary = "Amend an active agreement with every party's consent (PROGRAM_OFFICE)")
  Mono<ResponseEntity<AgreementSummary>> amend(@PathVariable String id, @Valid @RequestBody AmendmentRequest body,
      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch, ServerWebExchange exchange) {
    LocalDate amendedOn = body.amendedOn() != null ? body.amendedOn() : LocalDate.now(clock);
    return ok(exchange, id, ifMatch, agreement -> new AmendAgreement(agreement, body.toChanges(), body.consentedBy(), amendedOn));
  }

  @PostMapping("/{id}/termination")
  @Operation(summary = "Terminate after notice or by mutual consent (PROGRAM_OFFICE)")
  Mono<ResponseEntity<AgreementSummary>> terminate(@PathVariable String id, @Valid @RequestBody TerminationRequest body,
      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch, ServerWebExchange exchange) {
    return ok(exchange, id, ifMatch, agreement ->
        new TerminateAgreement(agreement, body.reason(), body.noticeGivenOn(), body.effectiveOn(), body.mutual()));
  }

  @PostMapping("/{id}/exigent-transfers")
  @Operation(summary = "Record sharing under an exigent threat (PROGRAM_OFFICE)")
  Mono<ResponseEntity<AgreementSummary>> exigentTransfer(@PathVariable String id, @Valid @RequestBody ExigentTransferRequest body,
      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch, ServerWebExchange exchange) {
    return ok(exchange, id, ifMatch, agreement ->
        new RecordExigentTransfer(agreement, body.transferredOn(), body.authorizedBy(), body.laterMemorializationApprovedBy()));
  }

  @PostMapping("/{id}/withdrawal")
  @Operation(summary = "Withdraw an agreement that has not been executed (PROGRAM_OFFICE)")
  Mono<ResponseEntity<AgreementSummary>> withdraw(@PathVariable String id, @Valid @RequestBody WithdrawalRequest body,
      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch, ServerWebExchange exchange) {
    return ok(exchange, id, ifMatch, agreement -> new WithdrawAgreement(agreement, body.reason()));
  }

  private Mono<ResponseEntity<AgreementSummary>> ok(ServerWebExchange exchange, String id, String ifMatch, Function<AgreementId, Object> command) {
    return ok(exchange, id, ifMatch, (agreement, user) -> command.apply(agreement));
  }

  private Mono<ResponseEntity<AgreementSummary>> ok(
      ServerWebExchange exchange, String id, String ifMatch, BiFunction<AgreementId, Authentication, Object> command) {
    Long expectedVersion = ifMatchPolicy.expectedVersion(ifMatch);
    AgreementId agreement = AgreementIds.parse(id);
    return CurrentActor.authentication()
        .flatMap(user -> dispatcher.dispatch(agreement, command.apply(agreement, user), context(exchange, user, expectedVersion)))
        .map(summary -> ResponseEntity.ok().eTag(ETags.of(summary.version())).body(summary));
  }

  /** A command that creates the agreement: there is no version to expect. */
  private Mono<AgreementSummary> send(ServerWebExchange exchange, AgreementId id, Object command) {
    return CurrentActor.authentication()
        .flatMap(user -> dispatcher.dispatch(id, command, context(exchange, user, null)));
  }

  private static CommandContext context(ServerWebExchange exchange, Authentication user, Long expectedVersion) {
    return CommandContext.of(exchange, CurrentActor.of(user), expectedVersion);
  }

  private static ResponseEntity<AgreementSummary> created(AgreementSummary summary) {
    return ResponseEntity.status(HttpStatus.CREATED)
        .location(URI.create("/api/agreements/" + summary.id()))
        .eTag(ETags.of(summary.version()))
        .body(summary);
  }

  /** The edge mints ids: the domain takes no random values. */
  private static AgreementId newId() {
    return AgreementId.of(UUID.randomUUID().toString());
  }
}
