package gov.ice.registry.web.pages;

import gov.ice.registry.agreement.LedgerReader;
import gov.ice.registry.agreement.api.AgreementId;
import gov.ice.registry.agreement.api.AgreementProfile;
import gov.ice.registry.agreement.AgreementFacts;
import gov.ice.registry.integrity.LedgerIntegrity;
import gov.ice.registry.integrity.LedgerVerification;
import gov.ice.registry.projection.audit.Approval;
import gov.ice.registry.projection.audit.ApprovalQueries;
import gov.ice.registry.projection.audit.ApprovalSearch;
import gov.ice.registry.projection.exigent.ExigentDeadline;
import gov.ice.registry.projection.exigent.ExigentDeadlineQueries;
import gov.ice.registry.projection.reviews.ReviewQueries;
import gov.ice.registry.projection.reviews.ReviewStanding;
import gov.ice.registry.security.CurrentActor;
import gov.ice.registry.web.agreement.AgreementSummary;
import gov.ice.registry.web.agreement.CommandDispatcher;
import gov.ice.registry.web.agreement.ExistingAgreement;
import gov.ice.registry.web.agreement.ExistingAgreementsFinder;
import gov.ice.registry.web.query.AgreementSearchEndpoint;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.axonframework.eventhandling.DomainEventMessage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.ice.registry.web.access.AccessAction;
import gov.ice.registry.web.access.ReadAccess;
import java.io.IOException;
import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Everything the pages ask of the rest of the registry, in one place: the same query classes,
 * ledger reader and command dispatcher the JSON endpoints use, never the API over HTTP. A
 * rename elsewhere is fixed here once.
 */
@Component
class PageBackend {

  private final AgreementSearchEndpoint search;
  private final LedgerReader ledger;
  private final CommandDispatcher commands;
  private final ExistingAgreementsFinder existing;
  private final ReviewQueries reviews;
  private final ExigentDeadlineQueries exigent;
  private final ApprovalQueries approvals;
  private final LedgerIntegrity integrity;
  private final Clock clock;
  private final ReadAccess access;
  private final ObjectMapper mapper;
  private final org.springframework.beans.factory.ObjectProvider<org.axonframework.config.Configuration> axon;

  PageBackend(AgreementSearchEndpoint search, LedgerReader ledger, CommandDispatcher commands, ExistingAgreementsFinder existing,
      ReviewQueries reviews, ExigentDeadlineQueries exigent, ApprovalQueries approvals, LedgerIntegrity integrity, Clock clock,
      ObjectMapper mapper, org.springframework.beans.factory.ObjectProvider<org.axonframework.config.Configuration> axon,
      ReadAccess access) {
    this.access = access;
    this.mapper = mapper;
    this.axon = axon;
    this.search = search;
    this.ledger = ledger;
    this.commands = commands;
    this.existing = existing;
    this.reviews = reviews;
    this.exigent = exigent;
    this.approvals = approvals;
    this.integrity = integrity;
    this.clock = clock;
  }

  /**
   * The central repository's search, with the JSON API's parameters and checks ({@code InvalidQuery}
   * on bad ones), read as the API's JSON answer: whichever Java type carries it (a value, a
   * response entity, a stream of JSON buffers), the pages see the same fields and every facet.
   */
  Mono<SearchResult> search(MultiValueMap<String, String> parameters) {
    Object answer = search.search(parameters);
    return json(answer).map(SearchResult::of);
  }

  private Mono<JsonNode> json(Object answer) {
    if (answer instanceof Mono<?> mono) {
      return mono.flatMap(this::json);
    }
    if (answer instanceof ResponseEntity<?> entity) {
      return json(entity.getBody());
    }
    if (answer instanceof Publisher<?> publisher) {
      Flux<?> parts = Flux.from(publisher);
      return parts.collectList().flatMap(list -> {
        if (!list.isEmpty() && list.stream().allMatch(DataBuffer.class::isInstance)) {
          return DataBufferUtils.join(Flux.fromIterable(list).cast(DataBuffer.class)).map(buffer -> {
            try (var in = buffer.asInputStream(true)) {
              return mapper.readTree(in);
            } catch (IOException e) {
              throw new IllegalStateException("the search answered JSON the pages cannot read", e);
            }
          });
        }
        return Mono.fromCallable(() -> (JsonNode) mapper.valueToTree(list));
      });
    }
    return Mono.fromCallable(() -> (JsonNode) mapper.valueToTree(answer));
  }

  /** The state the user may see: none, as for an agreement that does not exist, when the markings deny it now or denied it then. */
  Mono<Optional<AgreementFacts>> state(AgreementId id, Instant asOf) {
    return access.reader().flatMap(reader -> blocking(() -> {
      Optional<AgreementFacts> now = access.visible(reader, ledger.stateOf(id).filter(AgreementFacts::exists));
      return asOf == null || now.isEmpty() ? now : access.visible(reader, ledger.stateAsOf(id, asOf).filter(AgreementFacts::exists));
    }));
  }

  /**
   * {@link #state(AgreementId, Instant)} for a page that shows the agreement: a state the markings
   * hide, of an agreement that exists, is recorded in the access log as DENIED ({@code sections})
   * before the page answers 404 as for an agreement that does not exist.
   */
  Mono<Optional<AgreementFacts>> state(AgreementId id, Instant asOf, ServerWebExchange exchange, String sections) {
    return access.reader().flatMap(reader -> blocking(() -> {
      Optional<AgreementFacts> current = ledger.stateOf(id).filter(AgreementFacts::exists);
      Optional<AgreementFacts> now = access.visible(reader, current);
      Optional<AgreementFacts> shown = asOf == null || now.isEmpty() ? now
          : access.visible(reader, ledger.stateAsOf(id, asOf).filter(AgreementFacts::exists));
      return new Seen(current.isPresent() && now.isEmpty(), shown);
    }).flatMap(seen -> seen.denied()
        ? access.denied(exchange, reader, id.value(), sections).thenReturn(seen.shown())
        : Mono.just(seen.shown())));
  }

  private record Seen(boolean denied, Optional<AgreementFacts> shown) {}

  /** The agreements the markings hide from the signed-in user: the lists leave them out before they count. */
  Mono<java.util.Set<String>> hidden() {
    return access.reader().flatMap(access::hidden);
  }

  Mono<List<? extends DomainEventMessage<?>>> history(AgreementId id) {
    return access.reader().flatMap(reader -> blocking(
        () -> access.visible(reader, ledger.stateOf(id)).isPresent() ? ledger.history(id) : List.<DomainEventMessage<?>>of()));
  }

  ReadAccess access() {
    return access;
  }

  /** Whether the user may export or download the agreement: the markings admit it, and not DISPLAY ONLY. */
  Mono<Boolean> mayExport(AgreementId id) {
    return access.reader().flatMap(reader -> blocking(() -> ledger.stateOf(id).map(s -> access.mayExport(reader, s)).orElse(false)));
  }

  Mono<Optional<LedgerVerification>> verify(AgreementId id) {
    return blocking(() -> integrity.verifier().verifyAgreement(id.value()));
  }

  /** The evidence bundle, recorded as EVIDENCE; none (and DENIED recorded) when the markings do not let the user take it. */
  Mono<Optional<String>> evidence(AgreementId id, ServerWebExchange exchange) {
    return access.reader().flatMap(reader -> blocking(() -> ledger.stateOf(id).filter(AgreementFacts::exists))
        .flatMap(state -> {
          if (state.isEmpty()) {
            return Mono.just(Optional.<String>empty());
          }
          if (!access.mayExport(reader, state.get())) {
            return access.denied(exchange, reader, id.value(), "evidence").thenReturn(Optional.<String>empty());
          }
          return blocking(() -> integrity.evidence().bundle(id.value()).map(bundle -> bundle.toJson()))
              .flatMap(bundle -> bundle.isEmpty() ? Mono.just(bundle)
                  : access.record(exchange, reader, AccessAction.EVIDENCE, List.of(id.value()), "events", "json").thenReturn(bundle));
        }));
  }

  /** The scope and required stakeholders drafting {@code profile} would record; nothing is stored. */
  Mono<AgreementFacts> preview(AgreementProfile profile) {
    return blocking(() -> StakeholderPreview.of(profile, ledger));
  }

  Mono<List<ExistingAgreement>> overlapping(AgreementId id, AgreementProfile profile) {
    // The page shows what a draft's answer shows: the most relevant, bounded whatever the data.
    return existing.mostRelevant(id, profile, gov.ice.registry.web.agreement.AgreementSummary.EXISTING_SHOWN)
        .map(ExistingAgreementsFinder.MostRelevant::items);
  }

  /** Sends a command as the signed-in user; {@code expectedVersion} is the version the form was rendered from. */
  Mono<AgreementSummary> send(ServerWebExchange exchange, AgreementId id, Object command, Long expectedVersion) {
    return CurrentActor.authentication().flatMap(user -> commands.dispatch(id, command,
        CommandDispatcher.CommandContext.of(exchange, CurrentActor.of(user), expectedVersion)));
  }

  Flux<ReviewStanding> overdue(int page, int size, java.util.Set<String> hidden) {
    return reviews.overdue(today(), page, size, hidden);
  }

  Mono<Long> countOverdue(java.util.Set<String> hidden) {
    return reviews.countOverdue(today(), hidden);
  }

  Flux<ReviewStanding> dueWithin(Period within, int page, int size, java.util.Set<String> hidden) {
    return reviews.dueWithin(today(), within, page, size, hidden);
  }

  Mono<Long> countDueWithin(Period within, java.util.Set<String> hidden) {
    return reviews.countDueWithin(today(), within, hidden);
  }

  Flux<ExigentDeadline> exigentDeadlines(java.util.Set<String> hidden) {
    return exigent.all(today()).filter(d -> !hidden.contains(d.agreementId()));
  }

  Flux<Approval> approvals(ApprovalSearch criteria, java.util.Set<String> hidden) {
    return approvals.find(criteria, 0, 0, hidden);
  }

  Flux<Approval> approvals(ApprovalSearch criteria, int page, int size, java.util.Set<String> hidden) {
    return approvals.find(criteria, page, size, hidden);
  }

  Mono<Long> countApprovals(ApprovalSearch criteria, java.util.Set<String> hidden) {
    return approvals.count(criteria, hidden);
  }

  LocalDate today() {
    return LocalDate.now(clock);
  }

  Clock clock() {
    return clock;
  }

  private static <T> Mono<T> blocking(Callable<T> work) {
    return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
  }
}
