package gov.ice.registry.eventstore;

import gov.ice.registry.agreement.AgreementModule;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Hosts the agreement aggregate, event sourced from the ledger. registry-core knows no Spring,
 * so it is registered here rather than found by an {@code @Aggregate} stereotype; its handlers'
 * extra parameters (the {@code Clock}, the {@code AgreementDirectory}) resolve to Spring beans.
 */
@Configuration(proxyBeanMethods = false)
class AgreementHosting {

  @Bean
  ConfigurerModule agreementAggregate() {
    return configurer -> configurer.configureAggregate(AgreementModule.aggregate());
  }
}
