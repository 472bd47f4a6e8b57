package gov.ice.registry.web.agreement;

import gov.ice.registry.agreement.LedgerReader;
import gov.ice.registry.agreement.api.AgreementEvent;
import gov.ice.registry.agreement.api.AgreementId;
import gov.ice.registry.cycle.StageInterval;
import gov.ice.registry.cycle.StageInterval.Unit;
import gov.ice.registry.cycle.StageTimeline;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import gov.ice.registry.web.access.AccessAction;
import gov.ice.registry.web.access.ReadAccess;
import org.springframework.web.server.ServerWebExchange;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code GET /api/agreements/{id}/timeline}: one agreement's cycle-time stages and who held it at
 * each moment, folded from its ledger entries by the same pure function the report's read model
 * uses ({@link StageTimeline}), so it never waits for a read model. Open stages are aged to today.
 */
@RestController
@Tag(name = "Agreement ledger")
class AgreementTimelineEndpoint {

  /** One stage interval; {@code end} null while open, durations to today then. */
  record TimelineStage(String stage, String holder, int draftVersion, Instant start, Instant end, LocalDate startDay,
      LocalDate endDay, String outcome, boolean rework, int businessDays, int days) {}

  /** From {@code from} until {@code to} (null: still) the agreement was held by {@code holders} (none: the program office's own work). */
  record TimelineHolding(Instant from, Instant to, List<String> holders) {}

  record Timeline(String agreementId, LocalDate asOf, boolean imported, List<TimelineStage> stages, List<TimelineHolding> holdings,
      double concurrency) {}

  private final LedgerReader ledger;
  private final Clock clock;
  private final ReadAccess access;

  AgreementTimelineEndpoint(LedgerReader ledger, Clock clock, ReadAccess access) {
    this.ledger = ledger;
    this.clock = clock;
    this.access = access;
  }

  @GetMapping("/api/agreements/{id}/timeline")
  @PreAuthorize("@queryAccess.anyRegistryRole(authentication)")
  @Operation(summary = "The agreement's cycle-time stages with durations and the office holding it at each moment (any registry role)")
  Mono<Timeline> timeline(@PathVariable String id, ServerWebExchange exchange) {
    AgreementId agreement = AgreementIds.parse(id);
    // Who held an agreement and when is its content too: the markings decide, and the read is recorded.
    return access.reader().flatMap(reader -> Mono.fromCallable(() -> ledger.stateOf(agreement))
        .subscribeOn(Schedulers.boundedElastic())
        .flatMap(state -> access.admit(exchange, reader, state, id, "timeline", false))
        .then(Mono.fromCallable(() -> ledger.history(agreement)).subscribeOn(Schedulers.boundedElastic()))
        .map(messages -> {
          if (messages.isEmpty()) {
            throw new UnknownAgreement(id);
          }
          return timeline(agreement, messages, LocalDate.now(clock.withZone(StageTimeline.ZONE)));
        })
        .flatMap(timeline -> access.record(exchange, reader, AccessAction.VIEW, List.of(id), "timeline", "json").thenReturn(timeline)));
  }

  static Timeline timeline(AgreementId id, List<? extends DomainEventMessage<?>> messages, LocalDate today) {
    List<StageTimeline.Timed> events = messages.stream()
        .filter(m -> m.getPayload() instanceof AgreementEvent)
        .map(m -> new StageTimeline.Timed((AgreementEvent) m.getPayload(), m.getTimestamp()))
        .toList();
    StageTimeline timeline = StageTimeline.ofEvents(events, StageTimeline.ZONE);
    List<TimelineStage> stages = timeline.intervals().stream().map(i -> stage(i, today)).toList();
    List<TimelineHolding> holdings = timeline.holdings().stream()
        .map(h -> new TimelineHolding(h.from(), h.to(), h.holders())).toList();
    return new Timeline(id.value(), today, timeline.imported(), stages, holdings, timeline.concurrency().ratio());
  }

  private static TimelineStage stage(StageInterval i, LocalDate today) {
    return new TimelineStage(i.stage().name(), i.holder(), i.draftVersion(), i.start(), i.end(), i.startDay(), i.endDay(),
        i.outcome().name(), i.rework(), i.duration(Unit.BUSINESS_DAYS, today), i.duration(Unit.DAYS, today));
  }
}
