package gov.ice.registry.web.agreement;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import reactor.core.publisher.Flux;

/**
 * An auto-configuration, not a scanned one, so that {@code @ConditionalOnMissingBean} sees every
 * application bean (a read model's finder) before it decides.
 */
@AutoConfiguration
public class ExistingAgreementsConfiguration {

  /** Stands in until a read model provides the real finder. */
  @Bean
  @ConditionalOnMissingBean
  ExistingAgreementsFinder existingAgreementsFinder() {
    return (draft, profile) -> Flux.empty();
  }
}
