package gov.ice.registry.eventstore;

import gov.ice.registry.agreement.AgreementModule;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.lifecycle.Phase;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Hosts the agreement aggregate, event sourced from the ledger. registry-core knows no Spring,
 * so it is registered here rather than found by an {@code @Aggregate} stereotype; its handlers'
 * extra parameters (the {@code Clock}, the {@code AgreementDirectory}) resolve to Spring beans.
 *
 * <p>Agreements stay cached between commands ({@link WeakReferenceCache}: the garbage collector
 * may drop any entry), so a command on a recently used agreement does not replay its events.
 * Axon's caching repository removes an agreement from the cache when a unit of work that loaded
 * or saved it rolls back: a version conflict, a duplicate sequence number on append, or a
 * refusal. The cache is per instance: docs/decisions/0002 says what that means for several
 * instances on one store.
 */
@Configuration(proxyBeanMethods = false)
class AgreementHosting {

  @Bean
  ConfigurerModule agreementAggregate() {
    return configurer -> configurer.configureAggregate(
        AgreementModule.aggregate().configureCache(c -> new WeakReferenceCache()));
  }

  /** Events are stored with the time their seal records: the time the ledger's hash covers. */
  @Bean
  ConfigurerModule sealedTime() {
    return configurer -> configurer.onInitialize(config -> config.onStart(Phase.EXTERNAL_CONNECTIONS,
        () -> config.eventStore().registerDispatchInterceptor(AgreementModule.sealedTime())));
  }
}
