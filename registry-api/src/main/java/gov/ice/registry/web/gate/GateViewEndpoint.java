package gov.ice.registry.web.gate;

import gov.ice.registry.agreement.AgreementFacts;
import gov.ice.registry.agreement.api.Party;
import gov.ice.registry.agreement.api.Terms;
import gov.ice.registry.gate.GateAction;
import gov.ice.registry.gate.GateDecision.Obligation;
import gov.ice.registry.gate.GateRequest;
import gov.ice.registry.gate.SharingGate;
import gov.ice.registry.web.agreement.UnknownAgreement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import gov.ice.registry.web.access.AccessAction;
import gov.ice.registry.web.access.ReadAccess;
import org.springframework.web.server.ServerWebExchange;
import java.util.Map;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * What the gate derives from one agreement, read from its events in the ledger as they stand:
 * the parties it would match, categories, channels, purposes, the markings it covers, and the
 * obligations a permit would carry. A program office sees what a partner will be allowed before
 * the agreement is signed.
 */
@RestController
@Tag(name = "Sharing gate")
class GateViewEndpoint {

  private final EventStore events;
  private final Clock clock;
  private final ReadAccess access;

  GateViewEndpoint(EventStore events, Clock clock, ReadAccess access) {
    this.events = events;
    this.clock = clock;
    this.access = access;
  }

  record PartyView(String name, String kind, String country, Map<String, String> identifier, String matchedBy) {}

  record GateView(String agreementId, String status, long version, LocalDate effectiveDate, LocalDate terminationDate,
      List<PartyView> parties, List<String> categories, List<String> channels, List<String> permittedPurposes, String marking,
      boolean pii, boolean sensitivePii, boolean bulkTransfer, String exemption, List<Obligation> obligations, List<String> notes) {}

  @GetMapping("/api/agreements/{id}/gate-view")
  @PreAuthorize("hasAnyRole('PROGRAM_OFFICE', 'IGP', 'AUDITOR', 'SHARING_GATE_CLIENT')")
  @Operation(summary = "What the sharing gate derives from this agreement: parties, categories, channels, purposes, obligations")
  Mono<GateView> view(@PathVariable String id, ServerWebExchange exchange) {
    return access.reader().flatMap(reader -> Mono.fromCallable(() -> SharingGate.knownAt(events.readEvents(id).asStream().toList(),
            clock.instant()))
        .subscribeOn(Schedulers.boundedElastic())
        .flatMap(state -> access.admit(exchange, reader, java.util.Optional.of(state), id, "gate view", false).thenReturn(state))
        .map(state -> view(state, id, LocalDate.now(clock)))
        .flatMap(view -> access.record(exchange, reader, AccessAction.GATE_VIEW, List.of(id), "gate view", "json").thenReturn(view)));
  }

  static GateView view(AgreementFacts state, String id, LocalDate today) {
    if (!state.exists()) {
      throw new UnknownAgreement(id);
    }
    var profile = state.profile();
    Terms terms = profile.terms();
    List<PartyView> parties = profile.parties().stream().map(GateViewEndpoint::party).toList();
    GateRequest example = new GateRequest(null, null, null, null, GateAction.SHARE, null,
        profile.categories().isEmpty() ? null : profile.categories().get(0), profile.dataProfile().pii(),
        profile.dataProfile().sensitivePii(), profile.dataProfile().marking(), false, false, false,
        profile.dataProfile().pii() ? "(the system of records named when asked)" : null, null, null, null, null);
    List<String> notes = new java.util.ArrayList<>();
    if (terms == null || terms.channels() == null) {
      notes.add("The terms name no channels: the gate permits no sharing under this agreement until an amendment names them.");
    }
    if (terms == null || terms.permittedPurposes() == null) {
      notes.add("The terms list no permitted purposes as codes: the gate permits no sharing until an amendment lists them.");
    }
    if (profile.parties().stream().anyMatch(p -> p.identifier() == null)) {
      notes.add("A party without an identifier is matched by name, kind and country; two such parties could make the gate "
          + "answer PARTY_AMBIGUOUS.");
    }
    return new GateView(id, state.status().name(), state.version(), state.effectiveDate(), terms == null ? null
        : terms.terminationDate(), parties, profile.categories().stream().map(Enum::name).toList(),
        terms == null || terms.channels() == null ? List.of() : terms.channels().stream().map(Enum::name).toList(),
        terms == null || terms.permittedPurposes() == null ? List.of() : terms.permittedPurposes(),
        profile.dataProfile().marking().name(), profile.dataProfile().pii(), profile.dataProfile().sensitivePii(),
        profile.dataProfile().bulkTransfer(), profile.exemption() == null ? null : "EXEMPTION_" + profile.exemption().number().value(),
        SharingGate.obligationsFor(state, example, today), notes);
  }

  private static PartyView party(Party p) {
    return new PartyView(p.name(), p.kind() == null ? null : p.kind().name(), p.country(), p.identifier() == null ? null
        : Map.of("scheme", p.identifier().scheme(), "value", p.identifier().value()),
        p.identifier() == null ? "name, kind and country" : "identifier " + p.identifier().scheme() + ":" + p.identifier().value());
  }
}
