package gov.ice.registry.web.access;

import gov.ice.registry.agreement.AgreementState;
import gov.ice.registry.projection.access.AccessPolicy;
import gov.ice.registry.projection.access.Reader;
import gov.ice.registry.security.CurrentActor;
import gov.ice.registry.security.UserAttributes;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
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

  public ReadAccess(AccessProperties properties) {
    this.policy = new AccessPolicy(properties.needToKnow(), properties.exemptRoles());
  }

  public AccessPolicy policy() {
    return policy;
  }

  /** The current user as the markings see it; a reader with no attributes when there is none. */
  public Mono<Reader> reader() {
    return CurrentActor.authentication().map(UserAttributes::readerOf).defaultIfEmpty(NOBODY);
  }

  public boolean mayRead(Reader reader, AgreementState state) {
    return state.exists() && policy.mayRead(reader, state.profile().marking(), state.profile().handling());
  }

  public boolean mayExport(Reader reader, AgreementState state) {
    return state.exists() && policy.mayExport(reader, state.profile().marking(), state.profile().handling());
  }

  /** {@code state} when {@code reader} may read it; empty, as for an agreement that does not exist, otherwise. */
  public Optional<AgreementState> visible(Reader reader, Optional<AgreementState> state) {
    return state.filter(s -> mayRead(reader, s));
  }
}
