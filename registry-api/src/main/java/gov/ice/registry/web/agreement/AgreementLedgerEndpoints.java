package gov.ice.registry.web.agreement;

import gov.ice.registry.agreement.LedgerReader;
import gov.ice.registry.agreement.api.Actor;
import gov.ice.registry.agreement.api.AgreementId;
import gov.ice.registry.agreement.AgreementFacts;
import gov.ice.registry.chain.EventChain;
import gov.ice.registry.projection.access.HandlingView;
import gov.ice.registry.projection.access.Reader;
import gov.ice.registry.web.access.AccessAction;
import gov.ice.registry.web.access.ReadAccess;
import org.springframework.web.server.ServerWebExchange;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * One agreement read straight from the ledger, never from a read model: its state now or at a
 * past instant, and its history. Auditors must see exactly what the event store holds.
 */
@RestController
@RequestMapping("/api/agreements")
@Tag(name = "Agreement ledger")
class AgreementLedgerEndpoints {

  private final LedgerReader ledger;
  private final ReadAccess access;

  AgreementLedgerEndpoints(LedgerReader ledger, ReadAccess access) {
    this.ledger = ledger;
    this.access = access;
  }

  @GetMapping("/{id}")
  @Operation(summary = "The whole agreement, or its state at a past instant with ?asOf= (any registry role)")
  Mono<ResponseEntity<AgreementView>> agreement(@PathVariable String id, @RequestParam(required = false) String asOf,
      ServerWebExchange exchange) {
    AgreementId agreement = AgreementIds.parse(id);
    Instant instant = instant(asOf);
    AccessAction action = instant == null ? AccessAction.VIEW : AccessAction.AS_OF_VIEW;
    // A past state is shown only to whom the markings admit now and admitted then: a marking added later binds old views too.
    return access.reader().flatMap(reader -> Mono.fromCallable(() -> {
          Optional<AgreementFacts> now = ledger.stateOf(agreement).filter(AgreementFacts::exists);
          Optional<AgreementFacts> shown = access.visible(reader, now);
          if (instant != null && shown.isPresent()) {
            shown = access.visible(reader, ledger.stateAsOf(agreement, instant).filter(AgreementFacts::exists));
          }
          return new Read(now.isPresent(), shown);
        })
        .subscribeOn(Schedulers.boundedElastic())
        .flatMap(read -> read.shown().isPresent()
            ? access.record(exchange, reader, action, List.of(id), "agreement", "json").thenReturn(AgreementView.of(read.shown().get()))
            : refuse(exchange, reader, read, id, "agreement")))
        .map(view -> ResponseEntity.ok().eTag(ETags.of(view.version())).header(HandlingView.HEADER, view.handling().banner()).body(view));
  }

  /** What a single read found: whether the agreement exists, and the state the markings let the reader see. */
  private record Read(boolean exists, Optional<AgreementFacts> shown) {}

  /** Not found, as for an agreement that does not exist; a refusal by the markings is recorded as DENIED first. */
  private <T> Mono<T> refuse(ServerWebExchange exchange, Reader reader, Read read, String id, String sections) {
    Mono<Void> recorded = read.exists() ? access.denied(exchange, reader, id, sections) : Mono.empty();
    return recorded.then(Mono.error(new UnknownAgreement(id)));
  }

  @GetMapping("/{id}/history")
  @Operation(summary = "The agreement's ledger entries in order (AUDITOR, IGP)")
  Mono<List<HistoryEntry>> history(@PathVariable String id, ServerWebExchange exchange) {
    AgreementId agreement = AgreementIds.parse(id);
    return access.reader().flatMap(reader -> Mono.fromCallable(() -> {
          List<? extends DomainEventMessage<?>> messages = ledger.history(agreement);
          Optional<AgreementFacts> now = ledger.stateOf(agreement).filter(AgreementFacts::exists);
          return new History(new Read(now.isPresent(), access.visible(reader, now)), messages);
        })
        .subscribeOn(Schedulers.boundedElastic())
        .flatMap(found -> found.read().shown().isPresent() && !found.messages().isEmpty()
            ? access.record(exchange, reader, AccessAction.HISTORY, List.of(id), "history", "json")
                .thenReturn(found.messages().stream().map(AgreementLedgerEndpoints::entry).toList())
            : refuse(exchange, reader, found.read(), id, "history")));
  }

  private record History(Read read, List<? extends DomainEventMessage<?>> messages) {}

  private static HistoryEntry entry(DomainEventMessage<?> message) {
    Object payload = message.getPayload();
    return new HistoryEntry(
        message.getSequenceNumber(),
        message.getPayloadType().getSimpleName(),
        message.getTimestamp(),
        Actor.fromMetadata(message.getMetaData()),
        draftVersionOf(payload).orElse(null),
        payload,
        text(message.getMetaData().get(EventChain.HASH)),
        text(message.getMetaData().get(EventChain.PREVIOUS_HASH)));
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }

  /** The draft version an event names, where it names one: the version a concurrence approved, for example. */
  private static Optional<Integer> draftVersionOf(Object payload) {
    if (payload == null || !payload.getClass().isRecord()) {
      return Optional.empty();
    }
    for (RecordComponent component : payload.getClass().getRecordComponents()) {
      if (component.getName().equals("draftVersion")) {
        try {
          return Optional.ofNullable((Integer) component.getAccessor().invoke(payload));
        } catch (ReflectiveOperationException | ClassCastException e) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  private static Instant instant(String asOf) {
    if (asOf == null || asOf.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(asOf);
    } catch (DateTimeParseException e) {
      throw new InvalidRequest("asOf", "must be an ISO-8601 instant such as 2026-01-31T12:00:00Z");
    }
  }
}
