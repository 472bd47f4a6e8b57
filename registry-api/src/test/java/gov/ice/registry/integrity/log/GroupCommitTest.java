package gov.ice.registry.integrity.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.ice.registry.chain.CheckpointSigner;
import gov.ice.registry.chain.SigningKeys;
import gov.ice.registry.integrity.log.ChainedLog.Appended;
import gov.ice.registry.integrity.log.ChainedLog.NewEntry;
import gov.ice.registry.support.LedgerSchema;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** Group commit on a chained log in H2 with the real migrations: batches, ordering, and nothing told "logged" that was not. */
class GroupCommitTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-08T00:30:00Z"), ZoneOffset.UTC);
  private static final CheckpointSigner SIGNER = new CheckpointSigner(SigningKeys.generate(new SecureRandom()));
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final JdbcDataSource dataSource = new JdbcDataSource();
  private JdbcTemplate jdbc;
  private ChainedLog decisions;
  private GroupCommit group;

  @BeforeEach
  void migrate() {
    dataSource.setURL("jdbc:h2:mem:group-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    LedgerSchema.migrate(dataSource, false);
    jdbc = new JdbcTemplate(dataSource);
    decisions = new ChainedLogs(dataSource, new DataSourceTransactionManager(dataSource), SIGNER, CLOCK).register("decisions");
    group = new GroupCommit(decisions, 64, 256);
  }

  @AfterEach
  void close() {
    group.close();
  }

  private static NewEntry entry(String id) {
    return new NewEntry(id, null, "gate-client", "ORI:TX1", "share", "PERMIT", "{\"id\":\"" + id + "\"}");
  }

  private long stored() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM chained_log_entry WHERE log_name = 'decisions'", Long.class);
  }

  @Test
  void eightCallersAtOnceAreAllCommittedInOneChainThatVerifies() throws Exception {
    int callers = 8;
    int each = 200;
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<List<Appended>>> done = new ArrayList<>();
    for (int c = 0; c < callers; c++) {
      int caller = c;
      done.add(pool.submit(() -> {
        start.await();
        List<Appended> mine = new ArrayList<>();
        for (int i = 0; i < each; i++) {
          mine.add(group.append(entry("c" + caller + "-" + i), TIMEOUT));
        }
        return mine;
      }));
    }
    start.countDown();
    Set<Long> sequences = new HashSet<>();
    for (Future<List<Appended>> f : done) {
      List<Appended> mine = f.get(120, TimeUnit.SECONDS);
      for (int i = 1; i < mine.size(); i++) {
        assertThat(mine.get(i).sequence()).as("one caller's entries keep its order").isGreaterThan(mine.get(i - 1).sequence());
      }
      mine.forEach(a -> sequences.add(a.sequence()));
    }
    pool.shutdown();

    assertThat(sequences).hasSize(callers * each);
    assertThat(stored()).isEqualTo(callers * each);
    // Every caller was told its entry's place only after commit: the place holds that entry now.
    for (Future<List<Appended>> f : done) {
      for (Appended a : f.get()) {
        assertThat(decisions.at(a.sequence()).orElseThrow().entryId()).isEqualTo(a.entryId());
      }
    }
    assertThat(decisions.verify().verified()).isTrue();
  }

  @Test
  void anEntryTheStoreRefusesIsNeverReportedLoggedAndTheNextOneIs() {
    // A constraint the log's insert breaks, as a store that refuses writes would.
    jdbc.execute("ALTER TABLE chained_log_entry ADD CONSTRAINT refuse_poison CHECK (body NOT LIKE '%poison%')");

    assertThatThrownBy(() -> group.append(entry("poison-1"), TIMEOUT)).isInstanceOf(GroupCommit.NotLogged.class);
    assertThat(stored()).isZero();
    assertThat(decisions.size()).as("the head did not move either").isZero();

    Appended next = group.append(entry("fine-1"), TIMEOUT);
    assertThat(next.sequence()).isZero();
    assertThat(decisions.verify().verified()).isTrue();
  }

  @Test
  void aDuplicateIdCostsOnlyItsOwnEntry() {
    group.append(entry("once"), TIMEOUT);

    assertThatThrownBy(() -> group.append(entry("once"), TIMEOUT)).isInstanceOf(GroupCommit.NotLogged.class)
        .hasMessageContaining("already holds");
    assertThat(group.append(entry("twice"), TIMEOUT).sequence()).isEqualTo(1);
  }

  @Test
  void refusesABodyThatIsNotCanonicalBeforeQueueingIt() {
    assertThatThrownBy(() -> group.append(new NewEntry("x", null, null, null, null, null, "{ \"b\":1, \"a\":2 }"), TIMEOUT))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(stored()).isZero();
  }

  @Test
  void aClosedGroupTakesNothingMore() {
    group.close();

    assertThatThrownBy(() -> group.append(entry("late"), TIMEOUT)).isInstanceOf(GroupCommit.NotLogged.class);
    assertThat(stored()).isZero();
  }
}
