package gov.ice.registry.integrity.log;

import gov.ice.registry.chain.Checkpoint;
import gov.ice.registry.chain.CheckpointSigner;
import gov.ice.registry.chain.LogEntry;
import gov.ice.registry.chain.MerkleTree;
import gov.ice.registry.integrity.log.LogVerification.BrokenEntry;
import gov.ice.registry.integrity.log.LogVerification.LogCheckpointSummary;
import gov.ice.registry.integrity.log.LogVerification.LogHead;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One append-only, hash-chained log in the ledger's database, kept apart from the agreements'
 * ledger (the sharing gate's decisions; the reads of agreements), with its own RFC 6962 Merkle
 * tree (leaf {@code n} is entry {@code n}'s hash, see {@link LogEntry}) and checkpoints signed
 * with the ledger's key. Every log shares the tables of migration V3, keyed by its name; get one
 * from {@link ChainedLogs#register(String)}.
 *
 * <p>Appends are serialized per log in this instance, and across instances by the conditional
 * move of the log's head row: an append that finds the head moved re-reads it and retries, so two
 * instances never fork the chain.
 */
public final class ChainedLog {

  /** Log names: what {@code ?log=} takes. */
  static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,63}");
  private static final HexFormat HEX = HexFormat.of();
  private static final int BATCH = 2000;
  private static final int ATTEMPTS = 5;
  private static final String COLUMNS = "sequence_number, entry_id, recorded_at, actor, subject, kind, outcome, body, previous_hash, "
      + "entry_hash";

  private final String name;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final CheckpointSigner signer;
  private final Clock clock;
  private long size = -1;
  private String headHash;

  ChainedLog(String name, JdbcTemplate jdbc, TransactionTemplate transactions, CheckpointSigner signer, Clock clock) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("a log's name is lowercase letters, digits and dashes: " + name);
    }
    this.name = name;
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.signer = signer;
    this.clock = clock;
  }

  public String name() {
    return name;
  }

  /**
   * What a caller appends. {@code body} is canonical JSON (RFC 8785, integers only; see {@code
   * CanonicalJson}); {@code entryId} is unique in the log (a decision id, a read's id); {@code
   * actor}, {@code subject}, {@code kind} and {@code outcome} are what listings filter on (each
   * optional). {@code at} null means the clock's now.
   */
  public record NewEntry(String entryId, Instant at, String actor, String subject, String kind, String outcome, String body) {

    public NewEntry {
      Objects.requireNonNull(entryId, "entryId");
      Objects.requireNonNull(body, "body");
    }
  }

  /** Where an entry went: its sequence number (from 0) and hash. */
  public record Appended(String entryId, long sequence, String hash) {}

  /** A stored entry as read back, with the stored hash (verification says whether it still holds). */
  public record StoredEntry(long sequence, String entryId, String at, String actor, String subject, String kind, String outcome,
      String body, String previousHash, String hash) {}

  public Appended append(NewEntry entry) {
    return appendAll(List.of(entry)).get(0);
  }

  /** Appends {@code entries} in order, all or none, in one transaction. */
  public synchronized List<Appended> appendAll(List<NewEntry> entries) {
    if (entries.isEmpty()) {
      return List.of();
    }
    for (NewEntry entry : entries) {
      if (!LogEntry.isCanonical(entry.body())) {
        throw new IllegalArgumentException("an entry's body must be canonical JSON: " + entry.entryId());
      }
    }
    String at = instant(clock.instant());
    RuntimeException last = null;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      try {
        // The head row is locked for the transaction: instances append one after another instead of
        // retrying against each other (five optimistic attempts lost to a busy second instance).
        List<Appended> appended = transactions.execute(status -> {
          Optional<Object[]> head = lockedHeadRow();
          long from = head.map(h -> (Long) h[0]).orElse(0L);
          String previous = head.map(h -> (String) h[1]).orElse(LogEntry.GENESIS);
          return write(entries, from, previous, at);
        });
        size = appended.get(appended.size() - 1).sequence() + 1;
        headHash = appended.get(appended.size() - 1).hash();
        return appended;
      } catch (HeadMoved | DataIntegrityViolationException e) {
        size = -1;
        for (NewEntry entry : entries) {
          if (find(entry.entryId()).isPresent()) {
            throw new IllegalArgumentException("the " + name + " log already holds an entry " + entry.entryId(), e);
          }
        }
        last = e; // Another instance appended first: read its head and try again.
      }
    }
    throw new IllegalStateException("could not append to the " + name + " log after " + ATTEMPTS + " attempts", last);
  }

  private List<Appended> write(List<NewEntry> entries, long from, String previous, String now) {
    List<Appended> appended = new ArrayList<>(entries.size());
    List<Object[]> rows = new ArrayList<>(entries.size());
    String link = previous;
    long sequence = from;
    for (NewEntry e : entries) {
      String at = e.at() == null ? now : instant(e.at());
      LogEntry entry = new LogEntry(name, sequence, e.entryId(), at, e.actor(), e.subject(), e.kind(), e.outcome(), e.body(), link);
      String hash = entry.hash();
      rows.add(new Object[] {name, sequence, e.entryId(), at, e.actor(), e.subject(), e.kind(), e.outcome(), e.body(), link, hash});
      appended.add(new Appended(e.entryId(), sequence, hash));
      link = hash;
      sequence++;
    }
    int moved = from == 0 && previous.equals(LogEntry.GENESIS) && headRow().isEmpty()
        ? jdbc.update("INSERT INTO chained_log_head (log_name, log_size, head_hash) VALUES (?, ?, ?)", name, sequence, link)
        : jdbc.update("UPDATE chained_log_head SET log_size = ?, head_hash = ? WHERE log_name = ? AND log_size = ? AND head_hash = ?",
            sequence, link, name, from, previous);
    if (moved != 1) {
      throw new HeadMoved();
    }
    jdbc.batchUpdate("INSERT INTO chained_log_entry (log_name, " + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
    return appended;
  }

  private static final class HeadMoved extends RuntimeException {
    HeadMoved() {
      super(null, null, false, false);
    }
  }

  private void readHead() {
    Optional<Object[]> head = headRow();
    size = head.map(h -> (Long) h[0]).orElse(0L);
    headHash = head.map(h -> (String) h[1]).orElse(LogEntry.GENESIS);
  }

  private Optional<Object[]> lockedHeadRow() {
    return jdbc.query("SELECT log_size, head_hash FROM chained_log_head WHERE log_name = ? FOR UPDATE",
        (rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)}, name).stream().findFirst();
  }

  private Optional<Object[]> headRow() {
    return jdbc.query("SELECT log_size, head_hash FROM chained_log_head WHERE log_name = ?",
        (rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)}, name).stream().findFirst();
  }

  /** How many entries the head says the log holds. */
  public long size() {
    return headRow().map(h -> (Long) h[0]).orElse(0L);
  }

  public Optional<StoredEntry> find(String entryId) {
    return jdbc.query("SELECT " + COLUMNS + " FROM chained_log_entry WHERE log_name = ? AND entry_id = ?", ENTRY, name, entryId)
        .stream().findFirst();
  }

  public Optional<StoredEntry> at(long sequence) {
    return jdbc.query("SELECT " + COLUMNS + " FROM chained_log_entry WHERE log_name = ? AND sequence_number = ?", ENTRY, name,
        sequence).stream().findFirst();
  }

  /** Which entries a listing takes; each null field matches every entry. {@code from} inclusive, {@code to} exclusive. */
  public record Filter(String actor, String subject, String kind, String outcome, Instant from, Instant to) {

    public static Filter all() {
      return new Filter(null, null, null, null, null, null);
    }
  }

  public record Page(List<StoredEntry> items, long total, int page, int size) {}

  /** Entries matching {@code filter}, newest first. */
  public Page list(Filter filter, int page, int pageSize) {
    StringBuilder where = new StringBuilder(" WHERE log_name = ?");
    List<Object> args = new ArrayList<>(List.of(name));
    condition(where, args, "actor = ?", filter.actor());
    condition(where, args, "subject = ?", filter.subject());
    condition(where, args, "kind = ?", filter.kind());
    condition(where, args, "outcome = ?", filter.outcome());
    condition(where, args, "recorded_at >= ?", filter.from() == null ? null : instant(filter.from()));
    condition(where, args, "recorded_at < ?", filter.to() == null ? null : instant(filter.to()));
    Long total = jdbc.queryForObject("SELECT COUNT(*) FROM chained_log_entry" + where, Long.class, args.toArray());
    List<Object> pageArgs = new ArrayList<>(args);
    pageArgs.add(pageSize);
    pageArgs.add((long) page * pageSize);
    List<StoredEntry> items = jdbc.query("SELECT " + COLUMNS + " FROM chained_log_entry" + where
        + " ORDER BY sequence_number DESC LIMIT ? OFFSET ?", ENTRY, pageArgs.toArray());
    return new Page(items, total == null ? 0 : total, page, pageSize);
  }

  private static void condition(StringBuilder where, List<Object> args, String clause, Object value) {
    if (value != null) {
      where.append(" AND ").append(clause);
      args.add(value);
    }
  }

  /**
   * Recomputes the log from the stored rows: each entry's hash from its fields, its link to the
   * entry before, the sequence without gaps, the head, and the latest two checkpoints (their
   * signatures, their roots over the recomputed leaves). Names the first broken entry.
   */
  public LogVerification verify() {
    List<byte[]> leaves = new ArrayList<>();
    BrokenEntry broken = null;
    String previous = LogEntry.GENESIS;
    String beforePrevious = null;
    StoredEntry last = null;
    long next = 0;
    scan:
    while (true) {
      List<StoredEntry> batch = jdbc.query("SELECT " + COLUMNS + " FROM chained_log_entry WHERE log_name = ? AND sequence_number >= ? "
          + "ORDER BY sequence_number LIMIT " + BATCH, ENTRY, name, next);
      for (StoredEntry e : batch) {
        if (e.sequence() != next) {
          broken = new BrokenEntry(next, null, "DELETED", "entry " + next + " is missing: the log goes from entry " + (next - 1)
              + " to entry " + e.sequence());
          break scan;
        }
        String recomputed = new LogEntry(name, e.sequence(), e.entryId(), e.at(), e.actor(), e.subject(), e.kind(), e.outcome(),
            e.body(), e.previousHash()).hash();
        if (!e.previousHash().equals(previous)) {
          broken = e.previousHash().equals(beforePrevious)
              ? new BrokenEntry(next - 1, last.entryId(), "INSERTED", "entry " + (next - 1) + " was inserted: entry " + next
                  + " links to the entry before it")
              : new BrokenEntry(next, e.entryId(), "EDITED", "entry " + next + " does not link to entry " + (next - 1)
                  + ": its previous hash differs (an entry before it was edited, or it was)");
          break scan;
        }
        if (!recomputed.equals(e.hash())) {
          broken = new BrokenEntry(next, e.entryId(), "EDITED", "entry " + next + " was edited: its fields hash to " + recomputed
              + ", not to its stored hash " + e.hash());
          break scan;
        }
        leaves.add(HEX.parseHex(e.hash()));
        beforePrevious = previous;
        previous = e.hash();
        last = e;
        next++;
      }
      if (batch.size() < BATCH) {
        break;
      }
    }
    Optional<Object[]> head = headRow();
    long headSize = head.map(h -> (Long) h[0]).orElse(0L);
    if (broken == null && headSize > next) {
      broken = new BrokenEntry(next, null, "DELETED", "entries " + next + " to " + (headSize - 1) + " are missing: the log's head records "
          + headSize + " entries, " + next + " are stored");
    }
    if (broken == null && headSize < next) {
      broken = new BrokenEntry(headSize, at(headSize).map(StoredEntry::entryId).orElse(null), "INSERTED", "entry " + headSize
          + " was inserted: the log's head records " + headSize + " entries, " + next + " are stored");
    }
    if (broken == null && head.isPresent() && !previous.equals(head.get()[1])) {
      broken = new BrokenEntry(next - 1, last == null ? null : last.entryId(), "EDITED", "the log's head records hash " + head.get()[1]
          + " for its last entry, which hashes to " + previous);
    }
    List<Checkpoint> checkpoints = latestCheckpoints(2);
    MerkleTree tree = MerkleTree.of(leaves);
    if (broken == null) {
      broken = checkCheckpoints(checkpoints, tree);
    }
    LogCheckpointSummary summary = checkpoints.isEmpty() ? null
        : new LogCheckpointSummary(checkpoints.get(0).size(), checkpoints.get(0).root(), checkpoints.get(0).at());
    LogHead lastHead = last == null ? null : new LogHead(last.sequence(), last.entryId(), last.hash());
    return new LogVerification(name, broken == null, next, lastHead, summary, broken);
  }

  private BrokenEntry checkCheckpoints(List<Checkpoint> checkpoints, MerkleTree tree) {
    for (Checkpoint c : checkpoints) {
      String problem = c.problem();
      if (problem != null) {
        return new BrokenEntry(null, null, "CHECKPOINT", "the checkpoint of " + c.size() + " entries signed at " + c.at() + ": " + problem);
      }
      if (!c.publicKey().equals(signer.publicKey())) {
        return new BrokenEntry(null, null, "CHECKPOINT", "the checkpoint of " + c.size() + " entries is signed with another key");
      }
      if (c.size() > tree.size()) {
        return new BrokenEntry((long) tree.size(), null, "DELETED", "the checkpoint of " + c.size() + " entries covers entries the log no "
            + "longer holds: it has " + tree.size());
      }
      if (!HEX.formatHex(tree.root((int) c.size())).equals(c.root())) {
        return new BrokenEntry(null, null, "CHECKPOINT", "the entries before " + c.size() + " do not form the root the checkpoint "
            + "signed at " + c.at() + " (" + c.root() + "): an entry was changed, removed or inserted and the chain rehashed");
      }
    }
    return null;
  }

  /** Verifies the log and signs a checkpoint over all of it; throws {@link LogBroken} if it does not verify. */
  public synchronized Checkpoint checkpoint() {
    LogVerification verification = verify();
    if (!verification.verified()) {
      throw new LogBroken(verification);
    }
    List<byte[]> leaves = leafHashes();
    MerkleTree tree = MerkleTree.of(leaves);
    Checkpoint checkpoint = signer.sign(tree.size(), tree.root(), clock.instant());
    transactions.executeWithoutResult(status -> {
      Long number = jdbc.queryForObject("SELECT MAX(checkpoint_number) FROM chained_log_checkpoint WHERE log_name = ?", Long.class,
          name);
      jdbc.update("INSERT INTO chained_log_checkpoint (log_name, checkpoint_number, tree_size, root, recorded_at, signature, "
          + "public_key) VALUES (?, ?, ?, ?, ?, ?, ?)", name, number == null ? 1 : number + 1, checkpoint.size(), checkpoint.root(),
          checkpoint.at(), checkpoint.signature(), checkpoint.publicKey());
    });
    return checkpoint;
  }

  /** A checkpoint only when entries arrived since the last one: what the schedule runs. */
  public Optional<Checkpoint> checkpointIfNew() {
    Optional<Checkpoint> latest = latestCheckpoint();
    long current = size();
    if (current == 0 || latest.isPresent() && latest.get().size() == current) {
      return Optional.empty();
    }
    return Optional.of(checkpoint());
  }

  public Optional<Checkpoint> latestCheckpoint() {
    return latestCheckpoints(1).stream().findFirst();
  }

  private List<Checkpoint> latestCheckpoints(int count) {
    return jdbc.query("SELECT tree_size, root, recorded_at, signature, public_key FROM chained_log_checkpoint WHERE log_name = ? "
        + "ORDER BY checkpoint_number DESC LIMIT " + count, (rs, n) -> new Checkpoint(rs.getLong(1), rs.getString(2),
            rs.getString(3), rs.getString(4), rs.getString(5)), name);
  }

  /**
   * The audit path (RFC 6962 PATH, hex) of entry {@code sequence}: against the latest signed
   * checkpoint when it covers the entry, otherwise against the log's current tree, unsigned
   * ({@code checkpoint} null) until the next checkpoint. Empty if there is no such entry.
   */
  public Optional<InclusionProof> inclusionProof(long sequence) {
    List<byte[]> leaves = leafHashes();
    if (sequence < 0 || sequence >= leaves.size()) {
      return Optional.empty();
    }
    MerkleTree tree = MerkleTree.of(leaves);
    Optional<Checkpoint> latest = latestCheckpoint().filter(c -> c.size() > sequence && c.size() <= leaves.size());
    int treeSize = latest.map(c -> (int) c.size()).orElse(leaves.size());
    List<String> path = tree.inclusionProof((int) sequence, treeSize).stream().map(HEX::formatHex).toList();
    return Optional.of(new InclusionProof(name, sequence, HEX.formatHex(leaves.get((int) sequence)),
        HEX.formatHex(MerkleTree.leafHash(leaves.get((int) sequence))), treeSize, HEX.formatHex(tree.root(treeSize)), path,
        latest.orElse(null)));
  }

  /**
   * Entry {@code sequence}'s hash ({@code entryHash}, the leaf's data), its RFC 6962 leaf hash,
   * and the path to {@code root} in the tree of {@code treeSize} entries; {@code checkpoint} the
   * signed statement of that root, or null when no checkpoint covers the entry yet.
   */
  public record InclusionProof(String log, long sequence, String entryHash, String leafHash, long treeSize, String root,
      List<String> path, Checkpoint checkpoint) {

    /** Does the path lead from the leaf to the root? What an auditor recomputes. */
    public boolean holds() {
      return MerkleTree.verifyInclusion(sequence, treeSize, HEX.parseHex(leafHash), path.stream().map(HEX::parseHex).toList(),
          HEX.parseHex(root));
    }
  }

  private List<byte[]> leafHashes() {
    List<byte[]> leaves = new ArrayList<>();
    jdbc.query("SELECT entry_hash FROM chained_log_entry WHERE log_name = ? ORDER BY sequence_number",
        rs -> {
          leaves.add(HEX.parseHex(rs.getString(1)));
        }, name);
    return leaves;
  }

  /**
   * Instants as stored: ISO-8601 UTC with exactly three fraction digits, so that their text
   * order is their time order (Instant.toString drops zero fractions, and "00Z" sorts after "00.5Z").
   */
  static String instant(Instant at) {
    return STORED_INSTANT.format(at);
  }

  private static final DateTimeFormatter STORED_INSTANT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
      .withZone(ZoneOffset.UTC);

  private static final RowMapper<StoredEntry> ENTRY = (rs, n) -> new StoredEntry(rs.getLong(1), rs.getString(2), rs.getString(3),
      rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10));
}
