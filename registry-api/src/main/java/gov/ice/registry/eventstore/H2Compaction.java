package gov.ice.registry.eventstore;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * H2 compacts its store in a background thread that runs only when WRITE_DELAY is above 0. The
 * ledger's is 0 (see {@link H2Urls}), so without this nothing would ever rewrite the chunks that
 * one small commit after another leaves mostly empty, and the file would grow by several times
 * the size of what it holds. Every {@code registry.ledger.h2-compaction-interval} (5 s by default)
 * this does what that thread would: rewrite the live pages of sparse chunks so that their space is
 * reused. H2 offers no SQL for it, so it reaches the store through the embedded session. Nothing
 * on PostgreSQL.
 */
final class H2Compaction {

  private static final Logger log = LoggerFactory.getLogger(H2Compaction.class);
  /** Chunks are rewritten until the live share of the file is at least this, in percent. */
  static final int FILL_RATE = 90;
  /** At most this many bytes rewritten per run, so one run never holds the store for long. */
  static final int WRITE_LIMIT = 16 << 20;

  private final DataSource dataSource;
  private final boolean h2;

  H2Compaction(DataSource dataSource, LedgerDialect dialect) {
    this.dataSource = dataSource;
    this.h2 = dialect == LedgerDialect.H2;
  }

  @Scheduled(fixedDelayString = "${registry.ledger.h2-compaction-interval:PT5S}",
      initialDelayString = "${registry.ledger.h2-compaction-interval:PT5S}")
  void compact() {
    if (!h2) {
      return;
    }
    try (Connection connection = dataSource.getConnection()) {
      compact(connection);
    } catch (SQLException | RuntimeException e) {
      // The store is closing or busy: the next run compacts what this one left.
      log.debug("H2 ledger not compacted this time: {}", e.getMessage());
    }
  }

  /** Rewrites sparse chunks of the store behind an embedded H2 connection; true if it rewrote any. */
  static boolean compact(Connection connection) throws SQLException {
    return store(connection).compact(FILL_RATE, WRITE_LIMIT);
  }

  static MVStore store(Connection connection) throws SQLException {
    var session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
    return session.getDatabase().getStore().getMvStore();
  }
}
