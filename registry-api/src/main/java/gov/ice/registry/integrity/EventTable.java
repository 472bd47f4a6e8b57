package gov.ice.registry.integrity;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.ice.registry.chain.EventChain.StoredEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Axon's JDBC event table read and, for erasure only, rewritten directly: the verifier must see
 * the bytes the store holds, not what Axon's upcasters and deserializers would make of them.
 * Table and column names come from the {@link EventSchema} the storage engine uses.
 */
final class EventTable {

  private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};
  /** Rows per query when the whole ledger is read: about 15 MB of events of 3 KB. */
  static final int BATCH = 5_000;

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;
  final EventSchema schema;
  private final String select;

  EventTable(JdbcTemplate jdbc, ObjectMapper json, EventSchema schema) {
    this.jdbc = jdbc;
    this.json = json;
    this.schema = schema;
    this.select = "SELECT " + String.join(", ", schema.globalIndexColumn(), schema.aggregateIdentifierColumn(),
        schema.sequenceNumberColumn(), schema.payloadTypeColumn(), schema.payloadRevisionColumn(), schema.payloadColumn(),
        schema.metaDataColumn(), schema.timestampColumn(), schema.typeColumn()) + " FROM " + schema.domainEventTable();
  }

  /**
   * One stored event, its place in the store's global order, and the aggregate type Axon stored
   * it with (not hashed: every agreement event has the same one, so the verifier checks it).
   */
  record Row(long globalIndex, StoredEvent event, String aggregateType) {}

  /**
   * Every event, in global order, a batch at a time: a ledger of any size streams through. Read in
   * batches of {@link #BATCH} by global index (keyset pagination: each query starts where the
   * last ended, so no query sorts or holds the whole table, and PostgreSQL, which ignores a fetch
   * size outside a transaction, never loads it whole), the next batch read and decoded on another
   * thread while the consumer works through this one.
   */
  void forEachBatch(Consumer<List<Row>> consumer) {
    ExecutorService reader = Executors.newSingleThreadExecutor(runnable -> {
      Thread thread = new Thread(runnable, "ledger-reader");
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<Row> batch = batchAfter(Long.MIN_VALUE);
      while (!batch.isEmpty()) {
        long last = batch.get(batch.size() - 1).globalIndex();
        Future<List<Row>> next = batch.size() < BATCH ? null : reader.submit(() -> batchAfter(last));
        consumer.accept(batch);
        batch = next == null ? List.of() : next.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the ledger", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
    } finally {
      reader.shutdownNow();
    }
  }

  private List<Row> batchAfter(long globalIndex) {
    return jdbc.query(connection -> {
      var statement = connection.prepareStatement(select + " WHERE " + schema.globalIndexColumn() + " > ? ORDER BY "
          + schema.globalIndexColumn() + " LIMIT " + BATCH);
      statement.setLong(1, globalIndex);
      statement.setFetchSize(BATCH);
      return statement;
    }, (rs, n) -> row(rs));
  }

  /** One agreement's events in global order (which is also sequence order while nothing was tampered with). */
  List<Row> ofAgreement(String agreementId) {
    return jdbc.query(select + " WHERE " + schema.aggregateIdentifierColumn() + " = ? ORDER BY " + schema.globalIndexColumn(),
        (rs, n) -> row(rs), agreementId);
  }

  /** The agreements with at least one event of {@code payloadType}. */
  List<String> agreementsWithEventsOfType(String payloadType) {
    return jdbc.queryForList("SELECT DISTINCT " + schema.aggregateIdentifierColumn() + " FROM " + schema.domainEventTable()
        + " WHERE " + schema.payloadTypeColumn() + " = ?", String.class, payloadType);
  }

  /** Replaces one stored event's payload and metadata; erasure is the only caller. */
  void rewrite(long globalIndex, String payloadJson, Map<String, Object> metadata) {
    try {
      jdbc.update("UPDATE " + schema.domainEventTable() + " SET " + schema.payloadColumn() + " = ?, " + schema.metaDataColumn()
          + " = ? WHERE " + schema.globalIndexColumn() + " = ?",
          payloadJson.getBytes(StandardCharsets.UTF_8), json.writeValueAsBytes(metadata), globalIndex);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Snapshots hold folded state, personal data included: erasure drops them and Axon replays the events. */
  void deleteSnapshots(String agreementId) {
    jdbc.update("DELETE FROM " + schema.snapshotTable() + " WHERE " + schema.aggregateIdentifierColumn() + " = ?", agreementId);
  }

  private Row row(ResultSet rs) throws SQLException {
    byte[] metaData = rs.getBytes(7);
    Map<String, Object> metadata;
    try {
      metadata = metaData == null ? Map.of() : json.readValue(metaData, MAP);
    } catch (IOException e) {
      // Unreadable metadata is a finding, not a crash: the chain check reports the missing hash.
      metadata = Map.of();
    }
    byte[] payload = rs.getBytes(6);
    return new Row(rs.getLong(1), new StoredEvent(
        rs.getString(2),
        rs.getLong(3),
        rs.getString(4),
        rs.getString(5),
        payload == null ? "" : new String(payload, StandardCharsets.UTF_8),
        metadata,
        rs.getString(8)), rs.getString(9));
  }
}
