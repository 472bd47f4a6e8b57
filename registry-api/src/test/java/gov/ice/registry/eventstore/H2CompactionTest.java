package gov.ice.registry.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.Random;
import java.util.UUID;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ledger's H2 file stays near the size of what it holds: with H2's defaults and WRITE_DELAY=0
 * an event of 3 KB, committed alone, grew the file by about 50 KB.
 */
class H2CompactionTest {

  private static final int EVENTS = 800;

  @TempDir
  Path dir;

  @Test
  void keepsTheFileNearThePayloadsWhenEveryEventIsItsOwnCommit() throws Exception {
    String url = new LedgerProperties("", null, null, null, null).jdbcUrl(dir);
    long payloadBytes = 0;
    try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
      MVStore store = H2Compaction.store(connection);
      assertThat(store.getRetentionTime()).isZero();
      // Axon's event table as its MySQL factory writes it for H2: payload and metadata are BLOBs.
      connection.createStatement().execute("CREATE TABLE domain_event_entry (global_index BIGINT AUTO_INCREMENT PRIMARY KEY, "
          + "event_identifier VARCHAR(255) NOT NULL UNIQUE, meta_data BLOB, payload BLOB NOT NULL, payload_type VARCHAR(255) NOT NULL, "
          + "aggregate_identifier VARCHAR(255) NOT NULL, sequence_number BIGINT NOT NULL, UNIQUE (aggregate_identifier, sequence_number))");
      PreparedStatement insert = connection.prepareStatement("INSERT INTO domain_event_entry "
          + "(event_identifier, meta_data, payload, payload_type, aggregate_identifier, sequence_number) VALUES (?, ?, ?, ?, ?, 0)");
      Random random = new Random(7);
      for (int i = 0; i < EVENTS; i++) {
        byte[] payload = json(random, 2_500);
        byte[] metadata = json(random, 400);
        payloadBytes += payload.length + metadata.length;
        insert.setString(1, UUID.randomUUID().toString());
        insert.setBytes(2, metadata);
        insert.setBytes(3, payload);
        insert.setString(4, "gov.ice.registry.agreement.api.AgreementDrafted");
        insert.setString(5, UUID.randomUUID().toString());
        insert.executeUpdate();
        if (i % 100 == 99) {
          H2Compaction.compact(connection);
        }
      }
      long open = Files.size(dir.resolve("ledger.mv.db"));
      assertThat(open).as("file size while open").isLessThan(5 * payloadBytes);
    }
    assertThat(Files.size(dir.resolve("ledger.mv.db"))).as("file size after close").isLessThan(2 * payloadBytes);
  }

  private static byte[] json(Random random, int size) {
    StringBuilder text = new StringBuilder("{");
    while (text.length() < size) {
      text.append("\"k").append(random.nextInt(100_000)).append("\":\"").append(Long.toHexString(random.nextLong())).append("\",");
    }
    return text.append("\"end\":1}").toString().getBytes(StandardCharsets.UTF_8);
  }
}
