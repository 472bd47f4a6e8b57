package gov.ice.registry.web.access;

import gov.ice.registry.agreement.AgreementFacts;
import gov.ice.registry.projection.access.AccessPolicy;
import gov.ice.registry.projection.access.Reader;
import gov.ice.registry.security.CurrentActor;
import gov.ice.registry.security.UserAttributes;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import gov.ice.registry.projection.repository.AgreementRepositoryQueries;
import gov.ice.registry.web.agreement.UnknownAgreement;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The one place the HTTP edge asks {@link AccessPolicy} whether the current user may see an
 * agreement. A single read the markings deny answers as if the agreement did not exist (404), so
 * its existence is not disclosed; lists leave it out inside the search itself.
 */
@Component
@EnableConfigurationProperties(AccessProperties.class)
public class ReadAccess {

  private static final Reader NOBODY = new Reader(null, List.of(), null, null, List.of(), null);

  private final AccessPolicy policy;
  private final AccessLog log;
  private final AgreementRepositoryQueries agreements;
  /** The ledger, for a question about one agreement the search index may not hold yet; null in edge-only tests. */
  private volatile gov.ice.registry.agreement.LedgerReader ledger;

  /** Without an access log: for tests of the edge alone, which record nothing. */
  public ReadAccess(AccessProperties properties) {
    this(properties, (AccessLog) null, null);
  }

  @org.springframework.beans.factory.annotation.Autowired
  public ReadAccess(AccessProperties properties, org.springframework.beans.factory.ObjectProvider<AccessLog> log,
      org.springframework.beans.factory.ObjectProvider<AgreementRepositoryQueries> agreements,
      org.springframework.beans.factory.ObjectProvider<gov.ice.registry.agreement.LedgerReader> ledger) {
    this(properties, log.getIfAvailable(), agreements.getIfAvailable());
    this.ledger = ledger.getIfAvailable();
  }

  /** Without an access log, asking {@code agreements} what is hidden: for tests of endpoints alone. */
  public ReadAccess(AccessProperties properties, AgreementRepositoryQueries agreements) {
    this(properties, null, agreements);
  }

  ReadAccess(AccessProperties properties, AccessLog log, AgreementRepositoryQueries agreements) {
    this.policy = new AccessPolicy(properties.needToKnow(), properties.exemptRoles());
    this.log = log;
    this.agreements = agreements;
  }

  /**
   * The agreements {@code reader} may not see: what a list other than the search (approvals,
   * reviews, deadlines, notices, work) leaves out before it counts or pages. Taken from the
   * search index, which filters the search by the same policy. Fails, rather than show all, when
   * there is no index to ask.
   */
  public Mono<Set<String>> hidden(Reader reader) {
    if (policy.exempt(reader)) {
      return Mono.just(Set.of());
    }
    if (agreements == null) {
      return Mono.error(new IllegalStateException("no search index to tell which agreements the markings hide"));
    }
    return agreements.hiddenFrom(policy, reader);
  }

  /**
   * Whether the markings keep agreement {@code id} from {@code reader}: in {@code hidden} (from the
   * search index), or, as the ledger has it, an agreement the reader may not read. The ledger is
   * asked too because an agreement written a moment ago may not be in the index yet, and a list
   * filtered by one agreement must not show it meanwhile.
   */
  public Mono<Boolean> hides(Reader reader, Set<String> hidden, String id) {
    if (hidden.contains(id)) {
      return Mono.just(true);
    }
    if (policy.exempt(reader) || ledger == null) {
      return Mono.just(false);
    }
    return Mono.fromCallable(() -> {
          java.util.Optional<gov.ice.registry.agreement.api.AgreementId> parsed;
          try {
            parsed = java.util.Optional.of(gov.ice.registry.agreement.api.AgreementId.of(id));
          } catch (IllegalArgumentException notAnId) {
            parsed = java.util.Optional.empty();
          }
          return parsed.flatMap(ledger::stateOf).map(state -> !mayRead(reader, state)).orElse(false);
        })
        .subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic());
  }

  /**
   * {@code hidden} and those of {@code subjects} the ledger says the markings keep from
   * {@code reader} ({@link #hides}): for a page of records naming agreements, some of which the
   * search index may not hold yet.
   */
  public Mono<Set<String>> withheld(Reader reader, Set<String> hidden, java.util.Collection<String> subjects) {
    return reactor.core.publisher.Flux.fromIterable(subjects.stream().filter(java.util.Objects::nonNull)
            .filter(subject -> !hidden.contains(subject)).distinct().toList())
        .filterWhen(subject -> hides(reader, hidden, subject))
        .collect(java.util.stream.Collectors.toCollection(() -> new java.util.HashSet<>(hidden)));
  }

  /**
   * Completes when {@code state} exists and the markings admit {@code reader} to it (to export it,
   * with {@code export}); otherwise answers 404 as for an agreement that does not exist, recording
   * the refusal (DENIED) first when the agreement does exist.
   */
  public Mono<Void> admit(ServerWebExchange exchange, Reader reader, Optional<AgreementFacts> state, String id, String sections,
      boolean export) {
    if (state.isEmpty() || !state.get().exists()) {
      return Mono.error(new UnknownAgreement(id));
    }
    boolean allowed = export ? mayExport(reader, state.get()) : mayRead(reader, state.get());
    return allowed ? Mono.empty() : denied(exchange, reader, id, sections).then(Mono.error(new UnknownAgreement(id)));
  }

  /**
   * Records in the access log that {@code exchange} returned {@code agreementIds} ({@code sections}
   * of them, as {@code format}) for {@code action}; completes once the record is committed, so the
   * caller answers after it. One line at each path that returns agreement content.
   */
  public Mono<Void> record(ServerWebExchange exchange, Reader reader, AccessAction action, List<String> agreementIds, String sections,
      String format) {
    return log == null ? Mono.empty() : log.record(exchange, reader, AccessLog.Access.of(action, agreementIds, sections, format));
  }

  /** Records that the markings refused {@code reader} the agreement {@code id}; the caller then answers 404. */
  public Mono<Void> denied(ServerWebExchange exchange, Reader reader, String id, String sections) {
    return record(exchange, reader, AccessAction.DENIED, List.of(id), sections, null);
  }

  /**
   * {@code rows} as they stream out, then their record (the agreements of every row, in order,
   * once each) before the stream completes: a streamed list or export records what it sent
   * without collecting the rows, and the answer is not complete before its record is committed.
   */
  public <T> reactor.core.publisher.Flux<T> recorded(ServerWebExchange exchange, Reader reader, AccessAction action,
      reactor.core.publisher.Flux<T> rows, java.util.function.Function<T, String> agreementOf, String sections, String format) {
    return reactor.core.publisher.Flux.defer(() -> {
      java.util.Set<String> ids = java.util.Collections.synchronizedSet(new java.util.LinkedHashSet<>());
      return rows.doOnNext(row -> {
            String id = agreementOf.apply(row);
            if (id != null) {
              ids.add(id);
            }
          })
          .concatWith(Mono.defer(() -> record(exchange, reader, action, List.copyOf(ids), sections, format)).then(Mono.empty()));
    });
  }

  /** {@link #record} as the current user. */
  public Mono<Void> record(ServerWebExchange exchange, AccessAction action, List<String> agreementIds, String sections, String format) {
    return reader().flatMap(reader -> record(exchange, reader, action, agreementIds, sections, format));
  }

  public AccessPolicy policy() {
    return policy;
  }

  /** The current user as the markings see it; a reader with no attributes when there is none. */
  public Mono<Reader> reader() {
    return CurrentActor.authentication().map(UserAttributes::readerOf).defaultIfEmpty(NOBODY);
  }

  public boolean mayRead(Reader reader, AgreementFacts state) {
    return state.exists() && policy.mayRead(reader, state.profile().marking(), state.profile().handling());
  }

  public boolean mayExport(Reader reader, AgreementFacts state) {
    return state.exists() && policy.mayExport(reader, state.profile().marking(), state.profile().handling());
  }

  /** {@code state} when {@code reader} may read it; empty, as for an agreement that does not exist, otherwise. */
  public Optional<AgreementFacts> visible(Reader reader, Optional<AgreementFacts> state) {
    return state.filter(s -> mayRead(reader, s));
  }
}
