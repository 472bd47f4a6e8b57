package gov.ice.registry.web.agreement;

import gov.ice.registry.agreement.api.AgreementId;
import gov.ice.registry.agreement.api.ErasePersonalData;
import gov.ice.registry.integrity.LedgerIntegrity;
import gov.ice.registry.security.CurrentActor;
import gov.ice.registry.web.agreement.CommandDispatcher.CommandContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Erasure of an agreement's personal data on a lawful request: records {@code
 * PersonalDataErased}, then rewrites the stored events so the data is gone from the event store
 * while every hash still verifies. Read models forget it when they handle the event.
 */
@RestController
@RequestMapping("/api/agreements")
@Tag(name = "Agreement commands")
class PersonalDataErasureEndpoint {

  private final CommandDispatcher dispatcher;
  private final LedgerIntegrity integrity;
  private final IfMatchPolicy ifMatchPolicy;

  PersonalDataErasureEndpoint(CommandDispatcher dispatcher, LedgerIntegrity integrity, IfMatchPolicy ifMatchPolicy) {
    this.dispatcher = dispatcher;
    this.integrity = integrity;
    this.ifMatchPolicy = ifMatchPolicy;
  }

  @PostMapping("/{id}/personal-data/erasure")
  @PreAuthorize("hasRole('ADMIN')")
  @Operation(summary = "Erase the personal data recorded so far (points of contact, signatory names) on a lawful request (ADMIN)")
  Mono<ResponseEntity<AgreementSummary>> erase(@PathVariable String id, @Valid @RequestBody ErasureRequest body,
      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch, ServerWebExchange exchange) {
    Long expectedVersion = ifMatchPolicy.expectedVersion(ifMatch);
    AgreementId agreement = AgreementIds.parse(id);
    return CurrentActor.authentication()
        .flatMap(user -> dispatcher.dispatch(agreement, new ErasePersonalData(agreement, body.reason(), body.requestReference()),
            CommandContext.of(exchange, CurrentActor.of(user), expectedVersion)))
        .flatMap(summary -> Mono.fromCallable(() -> integrity.eraser().erase(agreement.value()))
            .subscribeOn(Schedulers.boundedElastic())
            .thenReturn(summary))
        .map(summary -> ResponseEntity.ok().eTag(ETags.of(summary.version())).body(summary));
  }

  /**
   * Why the data is erased (the legal basis) and the request it answers; never the person's name.
   * {@code min = 1} keeps the contract's {@code minLength} that {@code @NotBlank} alone gives.
   */
  record ErasureRequest(
      @NotBlank @Size(min = 1, max = AgreementRequests.TEXT) String reason,
      @NotBlank @Size(min = 1, max = AgreementRequests.NAME) @Pattern(regexp = AgreementRequests.ONE_LINE, message = AgreementRequests.ONE_LINE_MESSAGE)
      String requestReference) {}
}
