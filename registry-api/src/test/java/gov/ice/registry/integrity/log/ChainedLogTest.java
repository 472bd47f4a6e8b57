package gov.ice.registry.integrity.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.ice.registry.chain.Checkpoint;
import gov.ice.registry.chain.CheckpointSigner;
import gov.ice.registry.chain.LogEntry;
import gov.ice.registry.chain.SigningKeys;
import gov.ice.registry.integrity.log.ChainedLog.Appended;
import gov.ice.registry.integrity.log.ChainedLog.InclusionProof;
import gov.ice.registry.integrity.log.ChainedLog.NewEntry;
import gov.ice.registry.support.LedgerSchema;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** A chained log on the real migrations in H2, tampered with through SQL as an intruder would. */
class ChainedLogTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T21:00:00Z"), ZoneOffset.UTC);
  private static final CheckpointSigner SIGNER = new CheckpointSigner(SigningKeys.generate(new SecureRandom()));

  private final JdbcDataSource dataSource = new JdbcDataSource();
  private JdbcTemplate jdbc;
  private ChainedLogs logs;
  private ChainedLog decisions;

  @BeforeEach
  void migrate() {
    dataSource.setURL("jdbc:h2:mem:chained-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    LedgerSchema.migrate(dataSource, false);
    jdbc = new JdbcTemplate(dataSource);
    logs = new ChainedLogs(dataSource, new DataSourceTransactionManager(dataSource), SIGNER, CLOCK);
    decisions = logs.register("decisions");
  }

  private static NewEntry entry(int n) {
    return new NewEntry("d-" + n, null, "gate-client", "party-" + (n % 3), "share", n % 2 == 0 ? "PERMIT" : "DENY",
        "{\"n\":" + n + ",\"request\":{\"action\":\"share\"}}");
  }

  private void append(int count) {
    for (int i = 0; i < count; i++) {
      decisions.append(entry(i));
    }
  }

  @Test
  void appendsLinkedEntriesThatVerify() {
    Appended first = decisions.append(entry(0));
    Appended second = decisions.append(entry(1));

    assertThat(first.sequence()).isZero();
    assertThat(second.sequence()).isEqualTo(1);
    assertThat(decisions.at(1).orElseThrow().previousHash()).isEqualTo(first.hash());
    assertThat(decisions.at(0).orElseThrow().previousHash()).isEqualTo(LogEntry.GENESIS);
    LogVerification verification = decisions.verify();
    assertThat(verification.verified()).isTrue();
    assertThat(verification.entriesChecked()).isEqualTo(2);
    assertThat(verification.head().hash()).isEqualTo(second.hash());
  }

  @Test
  void appendsABatchInOrderAllOrNone() {
    List<Appended> batch = decisions.appendAll(List.of(entry(0), entry(1), entry(2)));
    assertThat(batch).extracting(Appended::sequence).containsExactly(0L, 1L, 2L);

    // The second entry reuses an id: nothing of the batch is stored.
    assertThatThrownBy(() -> decisions.appendAll(List.of(entry(3), entry(1)))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("d-1");
    assertThat(decisions.size()).isEqualTo(3);
    assertThat(decisions.verify().verified()).isTrue();
  }

  @Test
  void refusesABodyThatIsNotCanonical() {
    assertThatThrownBy(() -> decisions.append(new NewEntry("x", null, null, null, null, null, "{\"b\":1, \"a\":2}")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(decisions.size()).isZero();
  }

  @Test
  void namesAnEditedEntry() {
    append(5);
    jdbc.update("UPDATE chained_log_entry SET body = ? WHERE log_name = 'decisions' AND sequence_number = 2", "{\"n\":99}");

    LogVerification verification = decisions.verify();

    assertThat(verification.verified()).isFalse();
    assertThat(verification.broken().sequence()).isEqualTo(2);
    assertThat(verification.broken().entryId()).isEqualTo("d-2");
    assertThat(verification.broken().finding()).isEqualTo("EDITED");
  }

  @Test
  void namesAnEditedIndexField() {
    append(3);
    jdbc.update("UPDATE chained_log_entry SET outcome = 'PERMIT' WHERE log_name = 'decisions' AND sequence_number = 1");

    assertThat(decisions.verify().broken().sequence()).isEqualTo(1);
  }

  @Test
  void namesADeletedEntry() {
    append(5);
    jdbc.update("DELETE FROM chained_log_entry WHERE log_name = 'decisions' AND sequence_number = 3");

    LogVerification verification = decisions.verify();

    assertThat(verification.broken().sequence()).isEqualTo(3);
    assertThat(verification.broken().finding()).isEqualTo("DELETED");
  }

  @Test
  void namesEntriesDeletedFromTheEnd() {
    append(5);
    jdbc.update("DELETE FROM chained_log_entry WHERE log_name = 'decisions' AND sequence_number >= 3");

    LogVerification verification = decisions.verify();

    assertThat(verification.broken().sequence()).isEqualTo(3);
    assertThat(verification.broken().finding()).isEqualTo("DELETED");
  }

  @Test
  void namesAnEntryInsertedInTheMiddle() {
    append(5);
    // The intruder shifts entries 2.. up and writes a well-hashed entry 2 linked to entry 1.
    jdbc.update("UPDATE chained_log_entry SET sequence_number = sequence_number + 100 WHERE log_name = 'decisions' "
        + "AND sequence_number >= 2");
    jdbc.update("UPDATE chained_log_entry SET sequence_number = sequence_number - 99 WHERE log_name = 'decisions' "
        + "AND sequence_number >= 100");
    String link = decisions.at(1).orElseThrow().hash();
    LogEntry forged = new LogEntry("decisions", 2, "forged", "2026-12-07T21:00:00.000Z", "gate-client", "party-1", "share",
        "PERMIT", "{\"n\":42}", link);
    jdbc.update("INSERT INTO chained_log_entry (log_name, sequence_number, entry_id, recorded_at, actor, subject, kind, outcome, "
        + "body, previous_hash, entry_hash) VALUES ('decisions', 2, 'forged', ?, 'gate-client', 'party-1', 'share', 'PERMIT', ?, ?, ?)",
        forged.at(), forged.body(), link, forged.hash());

    LogVerification verification = decisions.verify();

    assertThat(verification.broken().sequence()).isEqualTo(2);
    assertThat(verification.broken().entryId()).isEqualTo("forged");
    assertThat(verification.broken().finding()).isEqualTo("INSERTED");
  }

  @Test
  void namesAnEntryAppendedOutsideTheLog() {
    append(2);
    String link = decisions.at(1).orElseThrow().hash();
    LogEntry forged = new LogEntry("decisions", 2, "forged", "2026-12-07T21:00:00.000Z", null, null, null, null, "{}", link);
    jdbc.update("INSERT INTO chained_log_entry (log_name, sequence_number, entry_id, recorded_at, body, previous_hash, entry_hash) "
        + "VALUES ('decisions', 2, 'forged', ?, '{}', ?, ?)", forged.at(), link, forged.hash());

    LogVerification verification = decisions.verify();

    assertThat(verification.broken().sequence()).isEqualTo(2);
    assertThat(verification.broken().finding()).isEqualTo("INSERTED");
  }

  @Test
  void aCheckpointCatchesAChainRehashedFromAnEditOn() {
    append(4);
    decisions.checkpoint();
    // The intruder edits entry 1 and rehashes every entry from it, and the head: the chain holds, the signed root does not.
    jdbc.update("UPDATE chained_log_entry SET body = '{\"n\":7}' WHERE log_name = 'decisions' AND sequence_number = 1");
    String previous = decisions.at(0).orElseThrow().hash();
    for (long s = 1; s < 4; s++) {
      var e = decisions.at(s).orElseThrow();
      String hash = new LogEntry("decisions", s, e.entryId(), e.at(), e.actor(), e.subject(), e.kind(), e.outcome(), e.body(), previous)
          .hash();
      jdbc.update("UPDATE chained_log_entry SET previous_hash = ?, entry_hash = ? WHERE log_name = 'decisions' AND sequence_number = ?",
          previous, hash, s);
      previous = hash;
    }
    jdbc.update("UPDATE chained_log_head SET head_hash = ? WHERE log_name = 'decisions'", previous);

    LogVerification verification = decisions.verify();

    assertThat(verification.verified()).isFalse();
    assertThat(verification.broken().finding()).isEqualTo("CHECKPOINT");
    assertThatThrownBy(decisions::checkpoint).isInstanceOf(LogBroken.class);
  }

  @Test
  void provesInclusionAgainstTheSignedCheckpoint() {
    append(7);
    Checkpoint checkpoint = decisions.checkpoint();
    // Entries after the checkpoint: the proof still refers to the signed tree.
    decisions.appendAll(List.of(entry(7), entry(8)));

    InclusionProof proof = decisions.inclusionProof(5).orElseThrow();

    assertThat(checkpoint.size()).isEqualTo(7);
    assertThat(checkpoint.problem()).isNull();
    assertThat(proof.checkpoint()).isEqualTo(checkpoint);
    assertThat(proof.treeSize()).isEqualTo(7);
    assertThat(proof.root()).isEqualTo(checkpoint.root());
    assertThat(proof.entryHash()).isEqualTo(decisions.at(5).orElseThrow().hash());
    assertThat(proof.holds()).isTrue();
    assertThat(decisions.inclusionProof(8).orElseThrow().checkpoint()).isNull();
    assertThat(decisions.inclusionProof(8).orElseThrow().holds()).isTrue();
    assertThat(decisions.inclusionProof(9)).isEmpty();
  }

  @Test
  void checkpointsOnlyWhenTheLogGrew() {
    assertThat(decisions.checkpointIfNew()).isEmpty();
    append(2);
    assertThat(decisions.checkpointIfNew()).isPresent();
    assertThat(decisions.checkpointIfNew()).isEmpty();
  }

  @Test
  void logsShareTheTablesAndNotTheirChains() {
    ChainedLog access = logs.register("access");
    append(3);
    access.append(new NewEntry("r-0", null, "ann", "agreement-1", "READ", "ALLOWED", "{\"read\":true}"));

    assertThat(access.at(0).orElseThrow().previousHash()).isEqualTo(LogEntry.GENESIS);
    assertThat(access.verify().entriesChecked()).isEqualTo(1);
    assertThat(decisions.verify().entriesChecked()).isEqualTo(3);
    assertThat(logs.names()).containsExactly("access", "decisions");
    assertThat(logs.register("access")).isSameAs(access);
  }

  @Test
  void twoInstancesAppendingTogetherNeverForkTheChain() throws Exception {
    // A second registry instance over the same database: its own ChainedLog, its own cached head.
    ChainedLog other = new ChainedLogs(dataSource, new DataSourceTransactionManager(dataSource), SIGNER, CLOCK).register("decisions");
    ExecutorService callers = Executors.newFixedThreadPool(8);
    Set<Long> sequences = ConcurrentHashMap.newKeySet();
    List<Future<?>> done = new ArrayList<>();
    IntStream.range(0, 200).forEach(i -> done.add(callers.submit(() -> {
      ChainedLog log = i % 2 == 0 ? decisions : other;
      sequences.add(log.append(entry(i)).sequence());
    })));
    for (Future<?> f : done) {
      f.get(60, TimeUnit.SECONDS);
    }
    callers.shutdown();

    assertThat(sequences).hasSize(200);
    LogVerification verification = decisions.verify();
    assertThat(verification.verified()).isTrue();
    assertThat(verification.entriesChecked()).isEqualTo(200);
  }

  @Test
  void listsNewestFirstWithFilters() {
    append(10);

    ChainedLog.Page permits = decisions.list(new ChainedLog.Filter(null, null, null, "PERMIT", null, null), 0, 3);

    assertThat(permits.total()).isEqualTo(5);
    assertThat(permits.items()).extracting(ChainedLog.StoredEntry::entryId).containsExactly("d-8", "d-6", "d-4");
    assertThat(decisions.list(new ChainedLog.Filter(null, "party-1", null, null, null, null), 0, 10).total()).isEqualTo(3);
    assertThat(decisions.list(new ChainedLog.Filter(null, null, null, null, CLOCK.instant(), null), 0, 10).total()).isEqualTo(10);
    assertThat(decisions.list(new ChainedLog.Filter(null, null, null, null, null, CLOCK.instant()), 0, 10).total()).isZero();
  }
}
