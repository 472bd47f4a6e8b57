package gov.ice.registry.integrity;

import gov.ice.registry.chain.SigningKeys;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import javax.sql.DataSource;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The ledger's integrity in the application: the signing key, the salts for personal data the
 * aggregate takes, the services, the leaf log and hourly checkpoints, and interrupted erasures
 * completed at start.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class LedgerIntegrityConfiguration {

  private static final Logger log = LoggerFactory.getLogger(LedgerIntegrityConfiguration.class);

  /** The aggregate's handlers take it to salt personal values (see {@code PersonalData}); one per application. */
  @Bean
  SecureRandom ledgerSalts() {
    return new SecureRandom();
  }

  /**
   * {@code REGISTRY_LEDGER_SIGNING_KEY_FILE} (Ed25519, PEM PKCS#8) in production; otherwise a key
   * generated once into the data directory and kept there.
   */
  @Bean
  @DependsOnDatabaseInitialization
  LedgerIntegrity ledgerIntegrity(DataSource dataSource, PlatformTransactionManager transactionManager, Clock clock,
      MeterRegistry meters, SecureRandom ledgerSalts,
      @Value("${registry.ledger.signing-key-file:}") String signingKeyFile,
      @Value("${registry.data-dir:./data}") Path dataDir) {
    KeyPair key;
    if (!signingKeyFile.isBlank()) {
      key = SigningKeys.load(Path.of(signingKeyFile));
      log.info("Ledger checkpoints are signed with the key in {}", signingKeyFile);
    } else {
      Path generated = dataDir.resolve("ledger-signing-key.pem");
      key = SigningKeys.loadOrGenerate(generated, ledgerSalts);
      log.warn("Ledger checkpoints are signed with the key in {}; set REGISTRY_LEDGER_SIGNING_KEY_FILE in production", generated);
    }
    // The schema the storage engine uses: Axon's default names.
    return LedgerIntegrity.over(dataSource, EventSchema.builder().build(), transactionManager, key, clock, meters);
  }

  @Bean
  CheckpointSchedule checkpointSchedule(LedgerIntegrity integrity) {
    return new CheckpointSchedule(integrity.checkpoints(), integrity.eraser());
  }

  /**
   * Takes new events into the leaf log every {@code registry.ledger.leaf-interval} (10 seconds by
   * default), and records a checkpoint on {@code registry.ledger.checkpoint-cron} (hourly by
   * default) when events arrived since the last. Each on one instance at a time (the job lock):
   * the checkpoint is held at least 20 seconds, so instances whose cron fires a moment apart record
   * one checkpoint, not one each.
   */
  static class CheckpointSchedule {

    static final String CHECKPOINT_LOCK = "ledger-checkpoint";

    private final Checkpoints checkpoints;
    private final PersonalDataEraser eraser;

    CheckpointSchedule(Checkpoints checkpoints, PersonalDataEraser eraser) {
      this.checkpoints = checkpoints;
      this.eraser = eraser;
    }

    @Scheduled(fixedDelayString = "${registry.ledger.leaf-interval:PT10S}", initialDelayString = "${registry.ledger.leaf-interval:PT10S}")
    @SchedulerLock(name = "ledger-leaves", lockAtMostFor = "PT1M")
    public void witness() {
      try {
        checkpoints.appendLeaves();
      } catch (RuntimeException e) {
        // Another instance took the same events in first, or the store is down: the next run catches up.
        log.debug("Leaf log not extended this time: {}", e.getMessage());
      }
    }

    /** An erasure whose rewrite a crash interrupted is completed when the registry starts again. */
    @EventListener(ApplicationReadyEvent.class)
    public void completeErasures() {
      try {
        int rewritten = eraser.erasePending();
        if (rewritten > 0) {
          log.warn("Completed interrupted erasures of personal data: {} stored events rewritten", rewritten);
        }
      } catch (RuntimeException e) {
        log.error("Could not complete interrupted erasures of personal data; they are retried at the next start", e);
      }
    }

    @Scheduled(cron = "${registry.ledger.checkpoint-cron:0 0 * * * *}")
    @SchedulerLock(name = CHECKPOINT_LOCK, lockAtLeastFor = "PT20S", lockAtMostFor = "PT30M")
    public void record() {
      try {
        checkpoints.recordIfNew().ifPresent(c -> log.info("Ledger checkpoint of {} events, root {}", c.size(), c.root()));
      } catch (LedgerBroken e) {
        // The verifier has counted and logged the broken entry; a scheduler thread has no one else to tell.
        log.error("No ledger checkpoint: {}", e.getMessage());
      }
    }
  }
}
