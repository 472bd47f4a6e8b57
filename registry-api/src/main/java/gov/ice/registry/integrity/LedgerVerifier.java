package gov.ice.registry.integrity;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.ice.registry.integrity.CheckpointStore.Leaf;
import gov.ice.registry.integrity.LedgerVerification.Broken;
import gov.ice.registry.integrity.LedgerVerification.CheckpointSummary;
import gov.ice.registry.integrity.LedgerVerification.Head;
import gov.ice.registry.chain.ChainVerifier;
import gov.ice.registry.chain.Checkpoint;
import gov.ice.registry.chain.EventChain;
import gov.ice.registry.chain.MerkleTree;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Recomputes the ledger from the stored bytes: every event's hash and link (in global order, or
 * one agreement's), then every leaf against the event it was taken from, then the latest two
 * checkpoints against the leaves (their signatures, and that the older tree is a prefix of the
 * newer). Answers with the first broken entry; a failure counts in {@code
 * registry_ledger_verification_failures_total} and is logged at ERROR.
 */
public final class LedgerVerifier {

  private static final Logger log = LoggerFactory.getLogger(LedgerVerifier.class);
  private static final HexFormat HEX = HexFormat.of();
  /** The aggregate type Axon stores with each agreement event: the aggregate class's simple name. */
  static final String AGGREGATE_TYPE = "Agreement";

  private final EventTable events;
  private final CheckpointStore store;
  private final JdbcTemplate jdbc;
  private final ObjectMapper json;
  private final String publicKey;
  private final Counter failures;
  private final Clock clock;
  private volatile Instant lastVerified;

  LedgerVerifier(EventTable events, CheckpointStore store, JdbcTemplate jdbc, ObjectMapper json, String publicKey,
      MeterRegistry meters, Clock clock) {
    this.clock = clock;
    this.events = events;
    this.store = store;
    this.jdbc = jdbc;
    this.json = json;
    this.publicKey = publicKey;
    this.failures = Counter.builder("registry.ledger.verification.failures")
        .description("Ledger verifications that found a broken entry")
        .register(meters);
  }

  /** When a verification of the whole ledger last succeeded in this instance, if one has. */
  public Optional<Instant> lastVerified() {
    return Optional.ofNullable(lastVerified);
  }

  /** The whole ledger. */
  public LedgerVerification verifyLedger() {
    ChainVerifier chains = new ChainVerifier();
    AtomicReference<Head> head = new AtomicReference<>();
    AtomicReference<Broken> broken = new AtomicReference<>();
    events.forEachBatch(batch -> {
      // Each event's hash depends on that event alone: computed on every core, then linked in order.
      List<EventChain.Recomputed> hashes = batch.parallelStream().map(row -> EventChain.recompute(row.event())).toList();
      for (int i = 0; i < batch.size(); i++) {
        var event = batch.get(i).event();
        chains.accept(event, hashes.get(i))
            .ifPresent(b -> broken.compareAndSet(null, new Broken(b.agreementId(), b.sequence(), b.problem())));
        aggregateTypeProblem(batch.get(i)).ifPresent(b -> broken.compareAndSet(null, b));
        head.set(new Head(event.agreementId(), event.sequence(), event.hash()));
      }
    });
    return conclude(chains, head.get(), broken.get(), null);
  }

  /** Axon stores every agreement event with the aggregate's type; the hash leaves that column out, so it is checked here. */
  private static Optional<Broken> aggregateTypeProblem(EventTable.Row row) {
    if (AGGREGATE_TYPE.equals(row.aggregateType())) {
      return Optional.empty();
    }
    return Optional.of(new Broken(row.event().agreementId(), row.event().sequence(),
        "the type column holds " + row.aggregateType() + ", not " + AGGREGATE_TYPE + ", the aggregate type of every agreement event"));
  }

  /** One agreement's chain, its leaves, and the latest checkpoints; empty when the agreement has no events. */
  public Optional<LedgerVerification> verifyAgreement(String agreementId) {
    List<EventTable.Row> rows = events.ofAgreement(agreementId);
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    ChainVerifier chains = new ChainVerifier();
    Broken broken = null;
    for (EventTable.Row row : rows) {
      var found = chains.accept(row.event());
      if (found.isPresent() && broken == null) {
        broken = new Broken(found.get().agreementId(), found.get().sequence(), found.get().problem());
      }
      if (broken == null) {
        broken = aggregateTypeProblem(row).orElse(null);
      }
    }
    var last = rows.get(rows.size() - 1).event();
    return Optional.of(conclude(chains, new Head(last.agreementId(), last.sequence(), last.hash()), broken, agreementId));
  }

  private LedgerVerification conclude(ChainVerifier chains, Head head, Broken chainBreak, String agreementId) {
    Broken broken = chainBreak;
    if (broken == null) {
      broken = chains.finish().map(b -> new Broken(b.agreementId(), b.sequence(), b.problem())).orElse(null);
    }
    List<Leaf> leaves = store.leaves();
    if (broken == null) {
      broken = checkLeaves(agreementId).orElse(null);
    }
    Optional<Checkpoint> latest = store.latest();
    if (broken == null) {
      broken = checkCheckpoints(leaves).orElse(null);
    }
    LedgerVerification result = new LedgerVerification(broken == null, chains.eventsChecked(), head,
        latest.map(c -> new CheckpointSummary(c.size(), c.root(), c.at())).orElse(null), broken);
    if (result.verified() && agreementId == null) {
      lastVerified = clock.instant();
    }
    if (!result.verified()) {
      failures.increment();
      log.error("Ledger verification failed{}: {}", agreementId == null ? "" : " for agreement " + agreementId, broken);
    }
    return result;
  }

  /** The leaf log has no gap, and every checkpointed event is still in the store with the hash it had. */
  private Optional<Broken> checkLeaves(String agreementId) {
    Optional<Broken> gap = leafLogGap();
    if (gap.isPresent()) {
      return gap;
    }
    EventSchema schema = events.schema;
    String sql = "SELECT l.leaf_index, l.aggregate_identifier, l.sequence_number, l.event_hash, e." + schema.globalIndexColumn()
        + ", e." + schema.metaDataColumn() + " FROM ledger_leaf l LEFT JOIN " + schema.domainEventTable() + " e ON e."
        + schema.aggregateIdentifierColumn() + " = l.aggregate_identifier AND e." + schema.sequenceNumberColumn()
        + " = l.sequence_number " + (agreementId == null ? "" : "WHERE l.aggregate_identifier = ? ") + "ORDER BY l.leaf_index";
    AtomicReference<Broken> broken = new AtomicReference<>();
    jdbc.query(sql, rs -> {
      if (broken.get() != null) {
        return;
      }
      long index = rs.getLong(1);
      String id = rs.getString(2);
      long sequence = rs.getLong(3);
      String hash = rs.getString(4);
      rs.getLong(5);
      if (rs.wasNull()) {
        broken.set(new Broken(id, sequence, "taken into the leaf log as leaf " + index + " but missing from the event store"));
        return;
      }
      Object stored = hashIn(rs.getBytes(6));
      if (!hash.equals(stored)) {
        broken.set(new Broken(id, sequence, "its hash " + stored + " differs from the hash " + hash + " taken into the leaf log as leaf " + index));
      }
    }, agreementId == null ? new Object[0] : new Object[] {agreementId});
    return Optional.ofNullable(broken.get());
  }

  /**
   * The first leaf missing from the leaf log: a gap in its indexes, or fewer leaves than the latest
   * checkpoint covers. Names the stored event that most likely lost its leaf (the first event
   * without one, stored between the leaves around the gap) when there is one; without its leaf
   * no checkpoint over it can be proved, for any agreement.
   */
  Optional<Broken> leafLogGap() {
    // The checkpoint first: leaves only grow, so the leaves read after it are never fewer than it covers unless some were removed.
    long covered = store.latest().map(Checkpoint::size).orElse(0L);
    long[] found = {-1, Long.MIN_VALUE, Long.MAX_VALUE}; // missing index, global index before it, global index after it
    long[] expected = {0};
    long[] lastGlobal = {Long.MIN_VALUE};
    jdbc.query("SELECT leaf_index, global_index FROM ledger_leaf ORDER BY leaf_index", rs -> {
      if (found[0] >= 0) {
        return;
      }
      long index = rs.getLong(1);
      if (index != expected[0]) {
        found[0] = expected[0];
        found[1] = lastGlobal[0];
        found[2] = rs.getLong(2);
        return;
      }
      expected[0] = index + 1;
      lastGlobal[0] = rs.getLong(2);
    });
    if (found[0] < 0) {
      if (expected[0] >= covered) {
        return Optional.empty();
      }
      found[0] = expected[0];
      found[1] = lastGlobal[0];
    }
    EventSchema schema = events.schema;
    List<Broken> lost = jdbc.query("SELECT " + schema.aggregateIdentifierColumn() + ", " + schema.sequenceNumberColumn() + " FROM "
        + schema.domainEventTable() + " e WHERE e." + schema.globalIndexColumn() + " > ? AND e." + schema.globalIndexColumn() + " < ? "
        + "AND NOT EXISTS (SELECT 1 FROM ledger_leaf l WHERE l.global_index = e." + schema.globalIndexColumn() + ") ORDER BY e."
        + schema.globalIndexColumn() + " LIMIT 1",
        (rs, n) -> new Broken(rs.getString(1), rs.getLong(2), "leaf " + found[0] + " is missing from the leaf log: this event, "
            + "stored among the events it holds, is no longer in it"),
        found[1], found[2]);
    return Optional.of(lost.isEmpty() ? new Broken(null, null, "leaf " + found[0] + " is missing from the leaf log") : lost.get(0));
  }

  /** The latest checkpoint and the one before verify, and both are roots of prefixes of the leaf log. */
  private Optional<Broken> checkCheckpoints(List<Leaf> leaves) {
    List<Checkpoint> latest = store.latest(2);
    if (latest.isEmpty()) {
      return Optional.empty();
    }
    MerkleTree tree = MerkleTree.of(leaves.stream().map(l -> HEX.parseHex(l.hash())).toList());
    for (Checkpoint checkpoint : latest) {
      String name = "the checkpoint of " + checkpoint.at() + " (" + checkpoint.size() + " events)";
      String problem = checkpoint.problem();
      if (problem != null) {
        return Optional.of(new Broken(null, null, name + ": " + problem));
      }
      if (publicKey != null && !publicKey.equals(checkpoint.publicKey())) {
        return Optional.of(new Broken(null, null, name + " was signed with a key other than the registry's"));
      }
      if (checkpoint.size() > tree.size()) {
        return Optional.of(new Broken(null, null, name + " covers more events than the leaf log holds (" + tree.size()
            + "): events it covered were removed"));
      }
      String root = HEX.formatHex(tree.root((int) checkpoint.size()));
      if (!root.equals(checkpoint.root())) {
        return Optional.of(new Broken(null, null, name + " has root " + checkpoint.root() + " but the leaves give " + root
            + ": the events it covered were changed, removed or reordered"));
      }
    }
    return Optional.empty();
  }

  /** The stored {@link EventChain#HASH} of an event's metadata, read without building the whole map: one per leaf. */
  private String hashIn(byte[] metadata) {
    if (metadata == null) {
      return null;
    }
    try (JsonParser parser = json.getFactory().createParser(metadata)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if (EventChain.HASH.equals(name)) {
          return value == JsonToken.VALUE_STRING ? parser.getText() : null;
        }
        parser.skipChildren();
      }
      return null;
    } catch (IOException e) {
      return null;
    }
  }
}
