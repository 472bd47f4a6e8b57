package gov.ice.registry.integrity.log;

import gov.ice.registry.integrity.LedgerIntegrity;
import java.time.Clock;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The chained logs in the application: their tables are the ledger database's (migration V3),
 * their checkpoints are signed with the ledger's key on the ledger's checkpoint schedule. Each
 * log is registered by one bean; the sharing gate's decision log is {@link #decisionLog}.
 */
@Configuration(proxyBeanMethods = false)
public class ChainedLogConfiguration {

  private static final Logger log = LoggerFactory.getLogger(ChainedLogConfiguration.class);

  /** The sharing gate's decisions: {@code GET /api/ledger/verify?log=decisions}. */
  public static final String DECISIONS = "decisions";

  @Bean
  @DependsOnDatabaseInitialization
  ChainedLogs chainedLogs(DataSource dataSource, PlatformTransactionManager transactionManager, LedgerIntegrity integrity,
      Clock clock) {
    return new ChainedLogs(dataSource, transactionManager, integrity.checkpointSigner(), clock);
  }

  /** Registering a log is this one line; {@code ?log=} and the checkpoint schedule then know it. */
  @Bean
  ChainedLog decisionsLog(ChainedLogs logs) {
    return logs.register(DECISIONS);
  }

  @Bean
  ChainedLogCheckpoints chainedLogCheckpoints(ChainedLogs logs) {
    return new ChainedLogCheckpoints(logs);
  }

  /** Signs a checkpoint of each log that grew, on the ledger's checkpoint schedule, on one instance at a time. */
  static class ChainedLogCheckpoints {

    private final ChainedLogs logs;

    ChainedLogCheckpoints(ChainedLogs logs) {
      this.logs = logs;
    }

    @Scheduled(cron = "${registry.ledger.checkpoint-cron:0 0 * * * *}")
    @SchedulerLock(name = "chained-log-checkpoints", lockAtLeastFor = "PT20S", lockAtMostFor = "PT30M")
    public void record() {
      for (ChainedLog chained : logs.all()) {
        try {
          chained.checkpointIfNew().ifPresent(c -> log.info("Checkpoint of the {} log: {} entries, root {}", chained.name(), c.size(),
              c.root()));
        } catch (LogBroken e) {
          log.error("No checkpoint of the {} log: {}", chained.name(), e.getMessage());
        } catch (RuntimeException e) {
          log.warn("No checkpoint of the {} log this time: {}", chained.name(), e.getMessage());
        }
      }
    }
  }
}
