package gov.ice.registry.projection.processing;

import gov.ice.registry.projection.mongo.ReadStoreConfiguration.ReadStoreEndpoint;
import gov.ice.registry.projection.repository.AgreementSearchEngine;
import gov.ice.registry.projection.text.DocumentTextExtractor;
import gov.ice.registry.projection.text.DocumentTexts;
import java.nio.file.Path;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import gov.ice.registry.projection.context.AgreementLedger;

/** Wires the read models into the application's Axon configuration. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReadModelProperties.class)
public class ProjectionsConfiguration {

  @Bean
  ConfigurerModule trackingProjections(
      @Qualifier("readStoreSyncClient") com.mongodb.client.MongoClient tokenClient, ReadStoreEndpoint endpoint,
      ReadModelProperties properties, ReadModelFailures failures) {
    return configurer -> configurer.eventProcessing(processing ->
        TrackingProjections.register(processing, tokenClient.getDatabase(endpoint.database()), properties, failures));
  }

  @Bean
  ReadModelFailures readModelFailures(ObjectProvider<MeterRegistry> meters) {
    return new ReadModelFailures(Clock.systemUTC(), meters.getIfAvailable());
  }

  /**
   * The repository's search index, on this instance's disk ({@code registry.search.dir}, by
   * default {@code search} in the data directory); it follows the ledger from start to stop.
   */
  @Bean(initMethod = "start", destroyMethod = "stop")
  AgreementSearchEngine agreementSearchEngine(@Value("${registry.search.dir:${registry.data-dir:./data}/search}") Path dir,
      @Lazy EventStore eventStore, AgreementLedger agreementLedger, ReadModelProperties properties, ReadModelFailures failures,
      DocumentTexts documentTexts, @Value("${registry.notices.zone:America/New_York}") java.time.ZoneId zone) {
    return new AgreementSearchEngine(dir, eventStore, agreementLedger, properties.batchSize(), failures, documentTexts, zone);
  }

  /**
   * The text of attached documents for the search, read from the document store (a
   * {@link DocumentTexts.Bytes} bean; without one, no text is extracted) with Tika, within
   * {@link DocumentTextExtractor.Limits#DEFAULTS}.
   */
  @Bean(destroyMethod = "close")
  DocumentTexts documentTexts(ObjectProvider<DocumentTexts.Bytes> bytes) {
    return new DocumentTexts(bytes.getIfAvailable(() -> DocumentTexts.NONE), new DocumentTextExtractor());
  }

  /** Lazy: the projections are created while Axon's configuration is still being assembled. */
  @Bean
  AgreementLedger agreementLedger(@Lazy EventStore eventStore) {
    return AgreementLedger.of(eventStore);
  }
}
