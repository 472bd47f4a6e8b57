package gov.ice.registry.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import gov.ice.registry.chain.EventChain;
import gov.ice.registry.support.AgreementBodies;
import gov.ice.registry.support.LedgerSchema;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A ledger written straight into Axon's event table, sealed exactly as the registry seals events
 * ({@link EventChain#seal}), in batches: a large ledger for the verifier in seconds instead of the
 * hours the HTTP path would take. Payloads are agreement drafts of about 2.5 KB.
 */
final class SyntheticLedger {

  private static final int EVENTS_PER_AGREEMENT = 12;
  private static final int BATCH = 1_000;

  private SyntheticLedger() {}

  /** Creates the ledger's tables (the application's migrations, where not run yet) and appends {@code events} sealed events. */
  static void write(DataSource dataSource, boolean postgres, int events) throws Exception {
    LedgerSchema.migrate(dataSource, postgres);
    ObjectMapper json = new ObjectMapper();
    // Salts only need to differ here, not to be secret: a seeded generator keeps the writing cheap.
    SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
    random.setSeed(events);
    String payload = AgreementBodies.draft().toString();
    String type = "gov.ice.registry.agreement.api.AgreementDrafted";
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      PreparedStatement insert = connection.prepareStatement("INSERT INTO DomainEventEntry (eventIdentifier, metaData, payload, "
          + "payloadRevision, payloadType, timeStamp, aggregateIdentifier, sequenceNumber, type) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
      String agreement = null;
      String previous = EventChain.GENESIS;
      for (int i = 0; i < events; i++) {
        int sequence = i % EVENTS_PER_AGREEMENT;
        if (sequence == 0) {
          agreement = UUID.randomUUID().toString();
          previous = EventChain.GENESIS;
        }
        String at = Instant.ofEpochSecond(1_760_000_000L + i).toString();
        Map<String, Object> metadata = new LinkedHashMap<>(EventChain.seal(agreement, sequence, type, "1", payload, at, "pat",
            "Pat Program", "PROGRAM_OFFICE", previous, random));
        previous = (String) metadata.get(EventChain.HASH);
        metadata.put("requestId", UUID.randomUUID().toString());
        insert.setString(1, UUID.randomUUID().toString());
        insert.setBytes(2, json.writeValueAsBytes(metadata));
        insert.setBytes(3, payload.getBytes(StandardCharsets.UTF_8));
        insert.setString(4, "1");
        insert.setString(5, type);
        insert.setString(6, at);
        insert.setString(7, agreement);
        insert.setLong(8, sequence);
        insert.setString(9, "Agreement");
        insert.addBatch();
        if (i % BATCH == BATCH - 1 || i == events - 1) {
          insert.executeBatch();
          connection.commit();
        }
      }
    }
  }
}
