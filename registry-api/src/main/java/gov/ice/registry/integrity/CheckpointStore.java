package gov.ice.registry.integrity;

import gov.ice.registry.chain.Checkpoint;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The ledger's own tables, beside Axon's in the same database.
 *
 * <p>{@code ledger_leaf} is the order in which checkpoints first took in events: leaf {@code i}
 * of every Merkle tree is the {@code i}-th row. The event store's global index cannot serve as
 * that order by itself, because a transaction that commits late can leave an event behind others
 * with higher indexes; appending such an event later keeps every tree an extension of the last
 * one. {@code ledger_checkpoint} holds each signed checkpoint. Both tables come from the
 * ledger's migrations ({@code db/migration}).
 */
public final class CheckpointStore {

  private final JdbcTemplate jdbc;
  private final EventSchema schema;

  CheckpointStore(JdbcTemplate jdbc, EventSchema schema) {
    this.jdbc = jdbc;
    this.schema = schema;
  }

  /** One leaf: an event as a checkpoint took it in. */
  public record Leaf(long index, long globalIndex, String agreementId, long sequence, String hash) {}

  List<Leaf> leaves() {
    return jdbc.query("SELECT leaf_index, global_index, aggregate_identifier, sequence_number, event_hash FROM ledger_leaf "
        + "ORDER BY leaf_index", (rs, n) -> new Leaf(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getString(5)));
  }

  /** Events the leaf log does not hold yet, in global order: global index, agreement, sequence and metadata. */
  List<Object[]> eventsWithoutLeaf() {
    return jdbc.query("SELECT e." + schema.globalIndexColumn() + ", e." + schema.aggregateIdentifierColumn() + ", e."
        + schema.sequenceNumberColumn() + ", e." + schema.metaDataColumn() + " FROM " + schema.domainEventTable() + " e "
        + "WHERE NOT EXISTS (SELECT 1 FROM ledger_leaf l WHERE l.global_index = e." + schema.globalIndexColumn() + ") "
        + "ORDER BY e." + schema.globalIndexColumn(),
        (rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getBytes(4)});
  }

  void append(Leaf leaf) {
    jdbc.update("INSERT INTO ledger_leaf (leaf_index, global_index, aggregate_identifier, sequence_number, event_hash) "
        + "VALUES (?, ?, ?, ?, ?)", leaf.index(), leaf.globalIndex(), leaf.agreementId(), leaf.sequence(), leaf.hash());
  }

  void append(Checkpoint checkpoint) {
    Long last = jdbc.queryForObject("SELECT MAX(checkpoint_number) FROM ledger_checkpoint", Long.class);
    jdbc.update("INSERT INTO ledger_checkpoint (checkpoint_number, tree_size, root, recorded_at, signature, public_key) "
        + "VALUES (?, ?, ?, ?, ?, ?)", last == null ? 1 : last + 1, checkpoint.size(), checkpoint.root(), checkpoint.at(),
        checkpoint.signature(), checkpoint.publicKey());
  }

  /** The latest checkpoints, newest first. */
  List<Checkpoint> latest(int count) {
    return jdbc.query("SELECT tree_size, root, recorded_at, signature, public_key FROM ledger_checkpoint "
        + "ORDER BY checkpoint_number DESC", rs -> {
          List<Checkpoint> found = new java.util.ArrayList<>();
          while (rs.next() && found.size() < count) {
            found.add(new Checkpoint(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
          }
          return found;
        });
  }

  Optional<Checkpoint> latest() {
    return latest(1).stream().findFirst();
  }

  /** A checkpoint of exactly {@code size} leaves, the latest of them if several. */
  Optional<Checkpoint> ofSize(long size) {
    return jdbc.query("SELECT tree_size, root, recorded_at, signature, public_key FROM ledger_checkpoint WHERE tree_size = ? "
        + "ORDER BY checkpoint_number DESC", (rs, n) -> new Checkpoint(rs.getLong(1), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getString(5)), size).stream().findFirst();
  }
}
