package gov.ice.registry.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.ice.registry.agreement.api.DocumentAttached;
import java.io.IOException;
import java.io.InputStream;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Document bytes by SHA-256 in the ledger's database ({@code document_content}, {@code
 * document_chunk}; migration V2). Bytes go in and come out in chunks of {@link #CHUNK} bytes,
 * each its own short statement, so a 25 MB file never sits in the heap and a slow download holds
 * no connection. The same bytes are stored once: the header row's primary key decides between two
 * uploads of one file, and the one that finds it there only refreshes its time, which keeps the
 * orphan sweep off it.
 */
public class DocumentStore implements DocumentContents {

  /** 1 MiB: small enough for the heap of many uploads at once, large enough for few round trips. */
  static final int CHUNK = 1 << 20;

  private static final String UNIQUE_VIOLATION = "23505";

  private final DataSource dataSource;
  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper();

  public DocumentStore(DataSource dataSource, Clock clock) {
    this.dataSource = dataSource;
    this.jdbc = new JdbcTemplate(dataSource);
    this.clock = clock;
  }

  /**
   * Stores the {@code size} bytes of {@code file}, whose SHA-256 the caller computed while writing
   * it, unless they are stored already. Answers whether this call stored them. Everything is one
   * transaction: a crash midway leaves no partial content behind.
   */
  public boolean store(Path file, String sha256, long size) throws IOException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        if (touch(connection, sha256) > 0) {
          connection.commit();
          return false;
        }
        int chunks = (int) ((size + CHUNK - 1) / CHUNK);
        try (PreparedStatement header = connection.prepareStatement(
            "INSERT INTO document_content (sha256, size_bytes, chunks, stored_at) VALUES (?, ?, ?, ?)")) {
          header.setString(1, sha256);
          header.setLong(2, size);
          header.setInt(3, chunks);
          header.setTimestamp(4, Timestamp.from(clock.instant()));
          header.executeUpdate();
        }
        try (InputStream in = Files.newInputStream(file);
            PreparedStatement chunk = connection.prepareStatement(
                "INSERT INTO document_chunk (sha256, chunk_index, bytes) VALUES (?, ?, ?)")) {
          byte[] buffer = new byte[(int) Math.min(CHUNK, Math.max(size, 1))];
          for (int index = 0; index < chunks; index++) {
            int read = in.readNBytes(buffer, 0, buffer.length);
            chunk.setString(1, sha256);
            chunk.setInt(2, index);
            chunk.setBinaryStream(3, new ByteArrayInputStream(buffer, 0, read), read);
            chunk.executeUpdate();
          }
        }
        connection.commit();
        return true;
      } catch (SQLException e) {
        connection.rollback();
        if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
          // Another upload of the same bytes committed first: they are stored, once.
          return false;
        }
        throw e;
      } catch (IOException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IOException("could not store document " + sha256, e);
    }
  }

  private int touch(Connection connection, String sha256) throws SQLException {
    try (PreparedStatement touch = connection.prepareStatement("UPDATE document_content SET stored_at = ? WHERE sha256 = ?")) {
      touch.setTimestamp(1, Timestamp.from(clock.instant()));
      touch.setString(2, sha256);
      return touch.executeUpdate();
    }
  }

  public boolean contains(String sha256) {
    return count(sha256) > 0;
  }

  private int count(String sha256) {
    Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM document_content WHERE sha256 = ?", Integer.class, sha256);
    return n == null ? 0 : n;
  }

  @Override
  public Optional<InputStream> open(String sha256) {
    List<Integer> chunks = jdbc.queryForList("SELECT chunks FROM document_content WHERE sha256 = ?", Integer.class, sha256);
    if (chunks.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new ChunkStream(sha256, chunks.get(0)));
  }

  /** Removes the bytes (a withdrawal of content); answers whether there were any. */
  public boolean remove(String sha256) {
    jdbc.update("DELETE FROM document_chunk WHERE sha256 = ?", sha256);
    return jdbc.update("DELETE FROM document_content WHERE sha256 = ?", sha256) > 0;
  }

  /**
   * Removes content that no {@link DocumentAttached} event names and that was last stored or
   * relied on before {@code grace} ago: the bytes of an upload whose command was refused, or whose
   * instance died between storing and recording. Answers how many were removed.
   */
  public int sweepOrphans(Duration grace) {
    Timestamp before = Timestamp.from(clock.instant().minus(grace));
    List<String> candidates = jdbc.queryForList("SELECT sha256 FROM document_content WHERE stored_at < ?", String.class, before);
    if (candidates.isEmpty()) {
      return 0;
    }
    Set<String> referenced = referenced();
    int removed = 0;
    for (String sha256 : candidates) {
      if (!referenced.contains(sha256)) {
        // Only if still old: an upload that relied on these bytes meanwhile refreshed the time.
        if (jdbc.update("DELETE FROM document_content WHERE sha256 = ? AND stored_at < ?", sha256, before) > 0) {
          jdbc.update("DELETE FROM document_chunk WHERE sha256 = ?", sha256);
          removed++;
        }
      }
    }
    return removed;
  }

  /** Every SHA-256 a stored {@link DocumentAttached} names, read from the event table as stored. */
  private Set<String> referenced() {
    EventSchema schema = EventSchema.builder().build();
    Set<String> shas = new HashSet<>();
    jdbc.query("SELECT " + schema.payloadColumn() + " FROM " + schema.domainEventTable() + " WHERE " + schema.payloadTypeColumn() + " = ?",
        (ResultSet row) -> {
          try {
            JsonNode payload = json.readTree(row.getBytes(1));
            shas.add(payload.path("sha256").asText());
          } catch (IOException e) {
            throw new SQLException("unreadable DocumentAttached payload", e);
          }
        }, DocumentAttached.class.getName());
    return shas;
  }

  /** Reads one chunk per query, on demand. */
  private final class ChunkStream extends InputStream {

    private final String sha256;
    private final int chunks;
    private int next;
    private byte[] current = new byte[0];
    private int position;

    ChunkStream(String sha256, int chunks) {
      this.sha256 = sha256;
      this.chunks = chunks;
    }

    @Override
    public int read() throws IOException {
      if (!fill()) {
        return -1;
      }
      return current[position++] & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
      if (length == 0) {
        return 0;
      }
      if (!fill()) {
        return -1;
      }
      int n = Math.min(length, current.length - position);
      System.arraycopy(current, position, target, offset, n);
      position += n;
      return n;
    }

    private boolean fill() throws IOException {
      while (position >= current.length) {
        if (next >= chunks) {
          return false;
        }
        List<byte[]> rows = jdbc.query("SELECT bytes FROM document_chunk WHERE sha256 = ? AND chunk_index = ?",
            (row, i) -> row.getBytes(1), sha256, next);
        if (rows.isEmpty()) {
          throw new IOException("chunk " + next + " of document " + sha256 + " is gone (withdrawn while being read)");
        }
        current = rows.get(0);
        position = 0;
        next++;
      }
      return true;
    }
  }
}
