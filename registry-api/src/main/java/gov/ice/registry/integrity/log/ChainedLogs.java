package gov.ice.registry.integrity.log;

import gov.ice.registry.chain.CheckpointSigner;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The chained logs of this registry, by name. A new log is one call, {@code
 * logs.register("access")}, typically in a {@code @Bean} method; from then on it is appended to,
 * verified by {@code GET /api/ledger/verify?log=access} and checkpointed on the ledger's schedule.
 * Assembled without Spring so tests drive the same objects the application runs.
 */
public final class ChainedLogs {

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final CheckpointSigner signer;
  private final Clock clock;
  private final Map<String, ChainedLog> logs = new ConcurrentSkipListMap<>();

  public ChainedLogs(DataSource dataSource, PlatformTransactionManager transactionManager, CheckpointSigner signer, Clock clock) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.transactions = new TransactionTemplate(transactionManager);
    this.signer = signer;
    this.clock = clock;
  }

  /** The log of this name, created on first registration (its rows, if any, are already in the tables). */
  public ChainedLog register(String name) {
    return logs.computeIfAbsent(name, n -> new ChainedLog(n, jdbc, transactions, signer, clock));
  }

  public Optional<ChainedLog> find(String name) {
    return Optional.ofNullable(logs.get(name));
  }

  public Collection<ChainedLog> all() {
    return List.copyOf(logs.values());
  }

  public List<String> names() {
    return List.copyOf(logs.keySet());
  }
}
