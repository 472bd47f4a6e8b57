package gov.ice.registry.document;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.util.unit.DataSize;

/**
 * The documents' store in the ledger's database, the upload receiver with its size limit
 * ({@code REGISTRY_DOCUMENTS_MAX_SIZE}), and the sweep of bytes no event names.
 */
@Configuration(proxyBeanMethods = false)
class DocumentsConfiguration {

  private static final Logger log = LoggerFactory.getLogger(DocumentsConfiguration.class);

  @Bean
  @DependsOnDatabaseInitialization
  DocumentStore documentStore(DataSource ledgerDataSource, Clock clock) {
    return new DocumentStore(ledgerDataSource, clock);
  }

  @Bean
  DocumentUploads documentUploads(@Value("${registry.documents.upload-dir:${registry.data-dir:./data}/uploads}") Path directory,
      @Value("${registry.documents.max-size:25MB}") DataSize maxSize) {
    return new DocumentUploads(directory, maxSize.toBytes());
  }

  @Bean
  DocumentEvidence documentEvidence(DocumentStore store) {
    return new DocumentEvidence(store);
  }

  @Bean
  DocumentTypeCheck documentTypeCheck() {
    return new DocumentTypeCheck();
  }

  @Bean
  OrphanSweep documentOrphanSweep(DocumentStore store, DocumentUploads uploads, Clock clock,
      @Value("${registry.documents.orphan-grace:PT24H}") Duration grace) {
    return new OrphanSweep(store, uploads, clock, grace);
  }

  /**
   * Removes, once per interval and on one instance at a time, the bytes of uploads no event names,
   * and the temporary files of uploads a killed process left in its upload directory.
   */
  static class OrphanSweep {

    private final DocumentStore store;
    private final DocumentUploads uploads;
    private final Clock clock;
    private final Duration grace;

    OrphanSweep(DocumentStore store, DocumentUploads uploads, Clock clock, Duration grace) {
      this.store = store;
      this.uploads = uploads;
      this.clock = clock;
      this.grace = grace;
    }

    @Scheduled(fixedDelayString = "${registry.documents.sweep-interval:PT1H}", initialDelayString = "${registry.documents.sweep-interval:PT1H}")
    @SchedulerLock(name = "document-orphans", lockAtMostFor = "PT30M")
    public void sweep() {
      try {
        int removed = store.sweepOrphans(grace);
        if (removed > 0) {
          log.info("Removed the bytes of {} uploaded documents no event names (older than {})", removed, grace);
        }
      } catch (RuntimeException e) {
        log.warn("Document sweep not done this time: {}", e.getMessage());
      }
      try {
        int abandoned = uploads.sweepAbandoned(clock.instant(), grace);
        if (abandoned > 0) {
          log.info("Removed {} temporary files of uploads abandoned more than {} ago", abandoned, grace);
        }
      } catch (java.io.IOException | RuntimeException e) {
        log.warn("Sweep of abandoned uploads not done this time: {}", e.getMessage());
      }
    }
  }
}
