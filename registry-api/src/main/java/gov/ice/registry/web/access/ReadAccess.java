package gov.ice.registry.web.access;

import gov.ice.registry.agreement.AgreementFacts;
import gov.ice.registry.projection.access.AccessPolicy;
import gov.ice.registry.projection.access.Reader;
import gov.ice.registry.security.CurrentActor;
import gov.ice.registry.security.UserAttributes;
import java.util.List;
import java.util.Optional;
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

  /** Without an access log: for tests of the edge alone, which record nothing. */
  public ReadAccess(AccessProperties properties) {
    this(properties, (AccessLog) null);
  }

  @org.springframework.beans.factory.annotation.Autowired
  public ReadAccess(AccessProperties properties, org.springframework.beans.factory.ObjectProvider<AccessLog> log) {
    this(properties, log.getIfAvailable());
  }

  ReadAccess(AccessProperties properties, AccessLog log) {
    this.policy = new AccessPolicy(properties.needToKnow(), properties.exemptRoles());
    this.log = log;
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
