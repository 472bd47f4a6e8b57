package gov.ice.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import gov.ice.registry.agreement.api.StakeholderOffice;
import gov.ice.registry.chain.MerkleTree;
import gov.ice.registry.chain.VerifyBundle;
import gov.ice.registry.support.AgreementBodies;
import gov.ice.registry.support.RegistryClient;
import gov.ice.registry.support.RegistryClient.Response;
import gov.ice.registry.support.TestUsers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The ledger's integrity through HTTP, against whichever store the implementing class runs on,
 * tampered with directly in its database as an insider could: verification names the broken
 * entry every time, an untouched ledger verifies, evidence verifies offline, and erasure leaves
 * the ledger verifiable. Implementations run in an application context and database of their
 * own, because these tests break the ledger on purpose; each test restores what it changed.
 */
public interface LedgerIntegrityScenarios {

  RegistryClient registry();

  /** The ledger's database, for tampering. */
  JdbcTemplate jdbc();

  private String draft() {
    Response drafted = registry().as(TestUsers.PROGRAM_OFFICE).post("/api/agreements", AgreementBodies.draft());
    assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
    return drafted.id();
  }

  private void concur(String id, String office) {
    Response concurred = registry().as(TestUsers.stakeholder(StakeholderOffice.valueOf(office)))
        .post("/api/agreements/" + id + "/concurrences", AgreementBodies.concurrence(office, 1));
    assertThat(concurred.status()).as(concurred.toString()).isEqualTo(200);
  }

  private JsonNode verify() {
    Response verified = registry().as(TestUsers.AUDITOR).get("/api/ledger/verify");
    assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
    return verified.json();
  }

  private JsonNode checkpoint() {
    Response recorded = registry().as(TestUsers.ADMIN).post("/api/ledger/checkpoints", null);
    assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
    return recorded.json();
  }

  /** The stored row of one event, to put back after tampering with it. */
  private Map<String, Object> row(String id, long sequence) {
    return jdbc().queryForMap("SELECT * FROM DomainEventEntry WHERE aggregateIdentifier = ? AND sequenceNumber = ?", id, sequence);
  }

  private void restore(Map<String, Object> row) {
    jdbc().update("DELETE FROM DomainEventEntry WHERE globalIndex = ?", row.get("GLOBALINDEX"));
    jdbc().update("INSERT INTO DomainEventEntry (globalIndex, eventIdentifier, aggregateIdentifier, sequenceNumber, type, timeStamp, "
        + "payloadType, payloadRevision, payload, metaData) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        row.get("GLOBALINDEX"), row.get("EVENTIDENTIFIER"), row.get("AGGREGATEIDENTIFIER"), row.get("SEQUENCENUMBER"),
        row.get("TYPE"), row.get("TIMESTAMP"), row.get("PAYLOADTYPE"), row.get("PAYLOADREVISION"), row.get("PAYLOAD"),
        row.get("METADATA"));
  }

  private static String text(Object bytes) {
    return new String((byte[]) bytes, StandardCharsets.UTF_8);
  }

  private void assertBroken(String id, long sequence, String problemStart) {
    JsonNode result = verify();
    assertThat(result.path("verified").asBoolean()).as(result.toString()).isFalse();
    assertThat(result.path("broken").path("agreementId").asText()).isEqualTo(id);
    assertThat(result.path("broken").path("sequence").asLong()).isEqualTo(sequence);
    assertThat(result.path("broken").path("problem").asText()).startsWith(problemStart);
  }

  private void assertVerified() {
    JsonNode result = verify();
    assertThat(result.path("verified").asBoolean()).as(result.toString()).isTrue();
    assertThat(result.path("broken").isNull()).isTrue();
  }

  @Test
  default void anUntouchedLedgerVerifiesWholeAndPerAgreement() {
    String id = draft();
    concur(id, "IGP");

    JsonNode whole = verify();
    Response one = registry().as(TestUsers.AUDITOR).get("/api/ledger/verify?agreementId=" + id);

    assertThat(whole.path("verified").asBoolean()).as(whole.toString()).isTrue();
    assertThat(whole.path("eventsChecked").asLong()).isGreaterThanOrEqualTo(2);
    assertThat(one.json().path("verified").asBoolean()).isTrue();
    assertThat(one.json().path("eventsChecked").asLong()).isEqualTo(2);
    assertThat(one.json().path("head").path("sequence").asLong()).isEqualTo(1);
    assertThat(registry().as(TestUsers.AUDITOR).get("/api/ledger/verify?agreementId=no-such-agreement").status()).isEqualTo(404);
    assertThat(registry().as(TestUsers.PROGRAM_OFFICE).get("/api/ledger/verify").status()).isEqualTo(403);
  }

  @Test
  default void aChainedLogIsVerifiedByName() {
    Response decisions = registry().as(TestUsers.AUDITOR).get("/api/ledger/verify?log=decisions");
    assertThat(decisions.status()).as(decisions.toString()).isEqualTo(200);
    assertThat(decisions.json().path("log").asText()).isEqualTo("decisions");
    assertThat(decisions.json().path("verified").asBoolean()).as(decisions.toString()).isTrue();
    assertThat(registry().as(TestUsers.AUDITOR).get("/api/ledger/verify?log=no-such-log").status()).isEqualTo(400);

    // An entry written straight into the table, around the log: well hashed, but the log's head never moved.
    long size = jdbc().queryForObject("SELECT COUNT(*) FROM chained_log_entry WHERE log_name = 'decisions'", Long.class);
    String previous = size == 0 ? gov.ice.registry.chain.LogEntry.GENESIS : jdbc().queryForObject(
        "SELECT entry_hash FROM chained_log_entry WHERE log_name = 'decisions' AND sequence_number = ?", String.class, size - 1);
    var forged = new gov.ice.registry.chain.LogEntry("decisions", size, "forged-decision", "2026-12-07T21:00:00.000Z", "nobody", null,
        null, "PERMIT", "{}", previous);
    jdbc().update("INSERT INTO chained_log_entry (log_name, sequence_number, entry_id, recorded_at, actor, outcome, body, "
        + "previous_hash, entry_hash) VALUES ('decisions', ?, 'forged-decision', ?, 'nobody', 'PERMIT', '{}', ?, ?)", size, forged.at(),
        previous, forged.hash());
    try {
      JsonNode broken = registry().as(TestUsers.AUDITOR).get("/api/ledger/verify?log=decisions").json();
      assertThat(broken.path("verified").asBoolean()).isFalse();
      assertThat(broken.path("broken").path("sequence").asLong()).isEqualTo(size);
      assertThat(broken.path("broken").path("entryId").asText()).isEqualTo("forged-decision");
      assertThat(broken.path("broken").path("finding").asText()).isEqualTo("INSERTED");
    } finally {
      jdbc().update("DELETE FROM chained_log_entry WHERE entry_id = 'forged-decision'");
    }
    assertThat(registry().as(TestUsers.AUDITOR).get("/api/ledger/verify?log=decisions").json().path("verified").asBoolean()).isTrue();
  }

  @Test
  default void aChangedPayloadIsNamed() {
    String id = draft();
    Map<String, Object> original = row(id, 0);
    jdbc().update("UPDATE DomainEventEntry SET payload = ? WHERE globalIndex = ?",
        text(original.get("PAYLOAD")).replace("Texas", "Oklahoma").getBytes(StandardCharsets.UTF_8), original.get("GLOBALINDEX"));

    assertBroken(id, 0, "the payload or covered metadata changed");
    Response one = registry().as(TestUsers.AUDITOR).get("/api/ledger/verify?agreementId=" + id);
    assertThat(one.json().path("broken").path("sequence").asLong()).as(one.toString()).isZero();
    Response refused = registry().as(TestUsers.ADMIN).post("/api/ledger/checkpoints", null);
    assertThat(refused.status()).as("no checkpoint is signed over a broken ledger").isEqualTo(409);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.json().path("broken").path("agreementId").asText()).isEqualTo(id);
    restore(original);
    assertVerified();
  }

  @Test
  default void changedMetadataIsNamed() {
    String id = draft();
    concur(id, "IGP");
    Map<String, Object> original = row(id, 1);
    jdbc().update("UPDATE DomainEventEntry SET metaData = ? WHERE globalIndex = ?",
        text(original.get("METADATA")).replace("STAKEHOLDER_IGP", "ADMIN").getBytes(StandardCharsets.UTF_8),
        original.get("GLOBALINDEX"));

    assertBroken(id, 1, "the payload or covered metadata changed");
    restore(original);
    assertVerified();
  }

  @Test
  default void aChangedSequenceNumberIsNamed() {
    String id = draft();
    concur(id, "IGP");
    Map<String, Object> original = row(id, 1);
    jdbc().update("UPDATE DomainEventEntry SET sequenceNumber = 5 WHERE globalIndex = ?", original.get("GLOBALINDEX"));

    assertBroken(id, 5, "sequence 5 follows 0: sequence 1 is missing");
    restore(original);
    assertVerified();
  }

  @Test
  default void aDeletedEventIsNamed() {
    String id = draft();
    concur(id, "IGP");
    concur(id, "OPP");
    Map<String, Object> original = row(id, 1);
    jdbc().update("DELETE FROM DomainEventEntry WHERE globalIndex = ?", original.get("GLOBALINDEX"));

    assertBroken(id, 2, "sequence 2 follows 0: sequence 1 is missing");
    restore(original);
    assertVerified();
  }

  @Test
  default void aForgedEventIsNamed() {
    String id = draft();
    Map<String, Object> first = row(id, 0);
    jdbc().update("INSERT INTO DomainEventEntry (eventIdentifier, aggregateIdentifier, sequenceNumber, type, timeStamp, payloadType, "
        + "payloadRevision, payload, metaData) VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?)", "forged-" + id, id, first.get("TYPE"),
        first.get("TIMESTAMP"), "gov.ice.registry.agreement.api.AgreementWithdrawn", "1",
        ("{\"agreementId\":\"" + id + "\",\"fromStatus\":\"DRAFT\",\"reason\":\"forged\"}").getBytes(StandardCharsets.UTF_8),
        first.get("METADATA"));

    assertBroken(id, 1, "previousHash 0000000000000000000000000000000000000000000000000000000000000000 does not link");
    jdbc().update("DELETE FROM DomainEventEntry WHERE eventIdentifier = ?", "forged-" + id);
    assertVerified();
  }

  @Test
  default void aTruncatedTailIsNamed() {
    String id = draft();
    concur(id, "IGP");
    checkpoint();
    List<Map<String, Object>> tail = jdbc().queryForList("SELECT * FROM DomainEventEntry WHERE globalIndex >= ?",
        row(id, 1).get("GLOBALINDEX"));
    jdbc().update("DELETE FROM DomainEventEntry WHERE globalIndex >= ?", tail.get(0).get("GLOBALINDEX"));

    assertBroken(id, 1, "taken into the leaf log as leaf ");
    tail.forEach(this::restore);
    assertVerified();
  }

  /** One edit of one stored column, and what verification must say about it. */
  record ColumnEdit(String column, String sql, Object value, String namedAgreement, long namedSequence, String problemPart) {}

  /** The stored metadata of a row with one member set (or removed, for null), as the bytes the column holds. */
  private static byte[] metadataWith(Map<String, Object> row, String key, String value) {
    try {
      com.fasterxml.jackson.databind.node.ObjectNode metadata =
          (com.fasterxml.jackson.databind.node.ObjectNode) RegistryClient.JSON.readTree((byte[]) row.get("METADATA"));
      if (value == null) {
        metadata.remove(key);
      } else {
        metadata.put(key, value);
      }
      return RegistryClient.JSON.writeValueAsBytes(metadata);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  default void anEditOfAnyStoredColumnIsNamedWithItsEntryAndColumn() {
    String id = draft();
    concur(id, "IGP");
    concur(id, "OPP");
    // Taken into the leaf log first: the periodic append would otherwise witness an edited row, which no restore undoes.
    checkpoint();
    Map<String, Object> drafted = row(id, 0);
    Map<String, Object> concurred = row(id, 1);
    String metadata = text(concurred.get("METADATA"));
    assertThat(metadata).as("sealed under the current revision").contains("\"ledger.revision\":\"2\"", "\"actor.displayName\":");
    JsonNode history = registry().as(TestUsers.AUDITOR).get("/api/agreements/" + id + "/history").json();
    assertThat(java.time.Instant.parse(history.get(1).path("at").asText()))
        .as("the history shows the time the hash covers").isEqualTo(java.time.Instant.parse(
            readMetadata(concurred).path("ledger.recordedAt").asText()));
    String moved = id + "-moved";
    String update = "UPDATE DomainEventEntry SET %s = ? WHERE globalIndex = ?";
    List<ColumnEdit> edits = List.of(
        new ColumnEdit("payload", "payload", text(concurred.get("PAYLOAD")).replace("\"IGP\"", "\"OPP\"").getBytes(StandardCharsets.UTF_8),
            id, 1, "the payload column (or ledger.personal"),
        new ColumnEdit("payload (a personal value)", "payload",
            text(drafted.get("PAYLOAD")).replace("Jordan Rivera", "Jordan Riviera").getBytes(StandardCharsets.UTF_8), id, 0,
            "personal field /profile/terms/pointsOfContact/0/name"),
        new ColumnEdit("timeStamp", "timeStamp", "2020-01-01T00:00:00.000Z", id, 1, "the timeStamp column holds 2020-01-01T00:00:00.000Z"),
        new ColumnEdit("payloadType", "payloadType", "gov.ice.registry.agreement.api.ConcurrenceWithdrawn", id, 1, "the payloadType column"),
        new ColumnEdit("payloadRevision", "payloadRevision", "7", id, 1, "the payloadRevision column"),
        new ColumnEdit("aggregateIdentifier", "aggregateIdentifier", moved, moved, 1, "the aggregateIdentifier column"),
        new ColumnEdit("sequenceNumber", "sequenceNumber", 7L, id, 7, "the sequenceNumber column"),
        new ColumnEdit("type", "type", "Forgery", id, 1, "the type column holds Forgery"),
        new ColumnEdit("actor.username", "metaData", metadataWith(concurred, "actor.username", "mallory"), id, 1, "the actor"),
        new ColumnEdit("actor.roles", "metaData", metadataWith(concurred, "actor.roles", "ADMIN"), id, 1, "the actor"),
        new ColumnEdit("actor.displayName", "metaData", metadataWith(concurred, "actor.displayName", "Someone Else"), id, 1,
            "actor.displayName in the metaData column"),
        new ColumnEdit("actor.displayName removed", "metaData", metadataWith(concurred, "actor.displayName", null), id, 1,
            "actor.displayName in the metaData column"),
        new ColumnEdit("ledger.recordedAt", "metaData", metadataWith(concurred, "ledger.recordedAt", "2020-01-01T00:00:00Z"), id, 1,
            "ledger.recordedAt in the metaData column"),
        new ColumnEdit("ledger.hash", "metaData", metadataWith(concurred, "ledger.hash", "a".repeat(64)), id, 1, "ledger.hash"),
        new ColumnEdit("ledger.previousHash", "metaData", metadataWith(concurred, "ledger.previousHash", "b".repeat(64)), id, 1,
            "previousHash " + "b".repeat(64) + " does not link"),
        new ColumnEdit("ledger.revision", "metaData", metadataWith(concurred, "ledger.revision", null), id, 1, "ledger.revision"),
        new ColumnEdit("ledger.parts", "metaData", metadataWith(concurred, "ledger.parts", null), id, 1, "ledger.parts"),
        new ColumnEdit("ledger.displayName", "metaData", metadataWith(concurred, "ledger.displayName", null), id, 1,
            "actor.displayName in the metaData column"),
        new ColumnEdit("ledger.personal", "metaData", metadataWith(drafted, "ledger.personal", null), id, 0, "ledger.personal in the metaData column"));

    for (ColumnEdit edit : edits) {
      Map<String, Object> original = edit.namedSequence() == 0 ? drafted : concurred;
      jdbc().update(String.format(update, edit.sql()), edit.value(), original.get("GLOBALINDEX"));
      JsonNode result = verify();
      restore(original);

      assertThat(result.path("verified").asBoolean()).as(edit.column() + ": " + result).isFalse();
      assertThat(result.path("broken").path("agreementId").asText()).as(edit.column() + ": " + result).isEqualTo(edit.namedAgreement());
      assertThat(result.path("broken").path("sequence").asLong()).as(edit.column() + ": " + result).isEqualTo(edit.namedSequence());
      assertThat(result.path("broken").path("problem").asText()).as(edit.column()).contains(edit.problemPart());
    }
    assertVerified();
  }

  private static JsonNode readMetadata(Map<String, Object> row) {
    try {
      return RegistryClient.JSON.readTree((byte[]) row.get("METADATA"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  default void aGapInTheLeafLogIsNamedByVerificationAndByEvidenceExport() {
    String first = draft();
    String second = draft();
    draft();
    checkpoint();
    Map<String, Object> leaf = jdbc().queryForMap("SELECT * FROM ledger_leaf WHERE aggregate_identifier = ? AND sequence_number = 0", second);
    jdbc().update("DELETE FROM ledger_leaf WHERE leaf_index = ?", leaf.get("LEAF_INDEX"));

    JsonNode result = verify();
    Response one = registry().as(TestUsers.AUDITOR).get("/api/ledger/verify?agreementId=" + first);
    Response evidence = registry().as(TestUsers.AUDITOR).get("/api/agreements/" + first + "/evidence");
    jdbc().update("INSERT INTO ledger_leaf (leaf_index, global_index, aggregate_identifier, sequence_number, event_hash) VALUES (?, ?, ?, ?, ?)",
        leaf.get("LEAF_INDEX"), leaf.get("GLOBAL_INDEX"), leaf.get("AGGREGATE_IDENTIFIER"), leaf.get("SEQUENCE_NUMBER"),
        leaf.get("EVENT_HASH"));

    String gap = "leaf " + leaf.get("LEAF_INDEX") + " is missing from the leaf log";
    assertThat(result.path("verified").asBoolean()).as(result.toString()).isFalse();
    assertThat(result.path("broken").path("agreementId").asText()).isEqualTo(second);
    assertThat(result.path("broken").path("sequence").asLong()).isZero();
    assertThat(result.path("broken").path("problem").asText()).startsWith(gap);
    assertThat(one.json().path("broken").path("problem").asText()).as("every agreement's proofs need the whole log").startsWith(gap);
    assertThat(evidence.status()).as(evidence.toString()).isEqualTo(409);
    assertThat(evidence.contentType()).startsWith("application/problem+json");
    assertThat(evidence.json().path("broken").path("agreementId").asText()).isEqualTo(second);
    assertThat(evidence.json().path("detail").asText()).contains(gap);
    assertVerified();
    assertThat(registry().as(TestUsers.AUDITOR).get("/api/agreements/" + first + "/evidence").status()).isEqualTo(200);
  }

  @Test
  default void aFailedVerificationIsCountedForPrometheus() {
    String id = draft();
    Map<String, Object> original = row(id, 0);
    jdbc().update("UPDATE DomainEventEntry SET payload = ? WHERE globalIndex = ?",
        text(original.get("PAYLOAD")).replace("Texas", "Oklahoma").getBytes(StandardCharsets.UTF_8), original.get("GLOBALINDEX"));
    verify();
    restore(original);

    Response metrics = registry().anonymous().get("/actuator/prometheus");

    assertThat(metrics.text()).containsPattern("registry_ledger_verification_failures_total(\\{[^}]*\\})? [1-9]");
  }

  @Test
  default void checkpointsAreSignedAndConsistent() {
    draft();
    JsonNode older = checkpoint();
    draft();
    JsonNode newer = checkpoint();

    Response latest = registry().as(TestUsers.AUDITOR).get("/api/ledger/checkpoints/latest");
    Response proof = registry().as(TestUsers.AUDITOR).get("/api/ledger/checkpoints/consistency?from=" + older.path("size").asLong()
        + "&to=" + newer.path("size").asLong());

    assertThat(latest.json()).isEqualTo(newer);
    assertThat(newer.path("size").asLong()).isGreaterThan(older.path("size").asLong());
    List<byte[]> path = new ArrayList<>();
    proof.json().path("proof").forEach(h -> path.add(HexFormat.of().parseHex(h.asText())));
    assertThat(MerkleTree.verifyConsistency(older.path("size").asLong(), newer.path("size").asLong(),
        HexFormat.of().parseHex(older.path("root").asText()), HexFormat.of().parseHex(newer.path("root").asText()),
        path)).isTrue();
    assertThat(registry().as(TestUsers.PROGRAM_OFFICE).post("/api/ledger/checkpoints", null).status()).isEqualTo(403);
  }

  @Test
  default void anExportedBundleVerifiesOfflineAndOneChangedByteDoesNot(@TempDir Path dir) throws Exception {
    String id = draft();
    concur(id, "IGP");

    Response evidence = registry().as(TestUsers.AUDITOR).get("/api/agreements/" + id + "/evidence");

    assertThat(evidence.status()).as(evidence.toString()).isEqualTo(200);
    Path bundle = Files.writeString(dir.resolve("bundle.json"), evidence.text());
    ProcessBuilder offline = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", VerifyBundle.class.getProtectionDomain().getCodeSource().getLocation().getPath(),
        VerifyBundle.class.getName(), bundle.toString()).redirectErrorStream(true);
    Process verified = offline.start();
    String output = new String(verified.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(verified.waitFor()).as(output).isEqualTo(0);
    assertThat(output).startsWith("VERIFIED: agreement " + id + ": 2 events");

    byte[] changed = evidence.text().getBytes(StandardCharsets.UTF_8);
    changed[evidence.text().indexOf("Texas")] ^= 0x01;
    assertThat(VerifyBundle.verify(new String(changed, StandardCharsets.UTF_8), null).verified()).isFalse();
    assertThat(registry().as(TestUsers.PROGRAM_OFFICE).get("/api/agreements/" + id + "/evidence").status()).isEqualTo(403);
  }

  @Test
  default void historyEntriesCarryTheirHashes() {
    String id = draft();
    concur(id, "IGP");

    JsonNode history = registry().as(TestUsers.AUDITOR).get("/api/agreements/" + id + "/history").json();

    assertThat(history.get(0).path("previousHash").asText()).isEqualTo("0".repeat(64));
    assertThat(history.get(1).path("previousHash").asText()).isEqualTo(history.get(0).path("hash").asText()).hasSize(64);
  }

  @Test
  default void erasureRemovesPersonalDataFromTheStoreAndTheLedgerStillVerifies() {
    String id = activeAgreement();
    checkpoint();
    await("the approvals read model holds the signatures").atMost(Duration.ofSeconds(30))
        .until(() -> registry().as(TestUsers.AUDITOR).get("/api/audit/approvals").text().contains("\"Hana Executive\""));

    Response erased = registry().as(TestUsers.ADMIN).post("/api/agreements/" + id + "/personal-data/erasure",
        RegistryClient.JSON.createObjectNode().put("reason", "Privacy Act request of the data subject")
            .put("requestReference", "PRIV-2026-0042"));

    assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
    List<String> stored = jdbc().queryForList("SELECT payload FROM DomainEventEntry WHERE aggregateIdentifier = ?", byte[].class, id)
        .stream().map(LedgerIntegrityScenarios::text).toList();
    assertThat(String.join("\n", stored)).doesNotContain(PERSONAL_VALUES);
    // The salts of the agreement's personal values are gone; each acting user's display name is audit evidence and keeps its own.
    assertThat(jdbc().queryForList("SELECT metaData FROM DomainEventEntry WHERE aggregateIdentifier = ?", byte[].class, id)
        .stream().map(m -> readMetadata(Map.of("METADATA", m)).path("ledger.personal").asText())).noneMatch(m -> m.contains("\"salt\""));
    assertThat(registry().as(TestUsers.AUDITOR).get("/api/agreements/" + id).text()).doesNotContain(PERSONAL_VALUES);
    assertThat(registry().as(TestUsers.AUDITOR).get("/api/agreements/" + id + "/history").text()).doesNotContain(PERSONAL_VALUES)
        .contains("PersonalDataErased");
    assertVerified();
    await("every read model forgot the signatories").atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(registry().as(TestUsers.AUDITOR).get("/api/audit/approvals").text())
            .contains(id).doesNotContain(PERSONAL_VALUES));
    Response evidence = registry().as(TestUsers.AUDITOR).get("/api/agreements/" + id + "/evidence");
    assertThat(evidence.text()).doesNotContain(PERSONAL_VALUES);
    assertThat(VerifyBundle.verify(evidence.text(), null).verified()).isTrue();
    assertThat(registry().as(TestUsers.PROGRAM_OFFICE).post("/api/agreements/" + id + "/personal-data/erasure",
        RegistryClient.JSON.createObjectNode().put("reason", "r").put("requestReference", "x")).status()).isEqualTo(403);
  }

  /**
   * Every personal value the standard bodies carry: the point of contact and both signatories,
   * as they appear in JSON. (The signing user's own display name, "Hana Executive (HSI EAD)", is
   * the registry user who acted: audit evidence, not data of the agreement.)
   */
  String[] PERSONAL_VALUES = {"\"Jordan Rivera\"", "jordan.rivera@ice.example", "+1-202-555-0142",
      "\"Hana Executive\"", "\"Casey Colonel\""};

  /** The standard agreement drafted, concurred, cleared and signed by ICE and the state party. */
  private String activeAgreement() {
    String id = draft();
    Response state = registry().as(TestUsers.AUDITOR).get("/api/agreements/" + id);
    state.json().path("requiredStakeholders").forEach(s -> concur(id, s.path("office").asText()));
    assertThat(registry().as(TestUsers.PROGRAM_OFFICE).post("/api/agreements/" + id + "/clearance-request", null).status()).isEqualTo(200);
    assertThat(registry().as(TestUsers.IGP).post("/api/agreements/" + id + "/clearance",
        RegistryClient.JSON.createObjectNode().put("decision", "CLEARED").put("comment", "Cleared.")).status()).isEqualTo(200);
    assertThat(registry().as(TestUsers.OPLA).post("/api/agreements/" + id + "/legal-review",
        RegistryClient.JSON.createObjectNode().put("legallySufficient", true).put("comment", "Sufficient.")).status()).isEqualTo(200);
    assertThat(registry().as("sig-hsi-ead").post("/api/agreements/" + id + "/signatures", AgreementBodies.iceSignature("HSI_EAD"))
        .status()).isEqualTo(200);
    assertThat(registry().as(TestUsers.PROGRAM_OFFICE)
        .post("/api/agreements/" + id + "/signatures", AgreementBodies.partySignature(AgreementBodies.STATE_PARTY)).status()).isEqualTo(200);
    gov.ice.registry.support.Multipart.attachExecutedCopy(registry(), id);
    Response active = registry().as(TestUsers.AUDITOR).get("/api/agreements/" + id);
    assertThat(active.json().path("status").asText()).as(active.toString()).isEqualTo("ACTIVE");
    return id;
  }
}
