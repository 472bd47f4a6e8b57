package gov.ice.registry.operations;

import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One instance at a time runs each scheduled job (the notice job, the webhook sender, the leaf
 * log and the checkpoint schedule): ShedLock's lock rows in the ledger's own database, which every
 * instance already shares. A lock is held for the run and released after it, but never longer
 * than the job's {@code lockAtMostFor}: an instance killed mid-run leaves a lock that expires, and
 * the next instance whose schedule fires takes the job over. Times are the database's clock
 * ({@code usingDbTime}), so instances with skewed clocks still agree.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
class JobLockConfiguration {

  /** The lock table, beside the ledger's, from the ledger's migrations ({@code db/migration}). */
  static final String TABLE = "shedlock";

  @Bean
  @DependsOnDatabaseInitialization
  LockProvider jobLocks(DataSource ledgerDataSource) {
    JdbcTemplate jdbc = new JdbcTemplate(ledgerDataSource);
    return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
        .withJdbcTemplate(jdbc)
        .withTableName(TABLE)
        .usingDbTime()
        .build());
  }
}
