package gov.ice.registry.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.ice.registry.integrity.LedgerVerification.Broken;
import gov.ice.registry.chain.Checkpoint;
import gov.ice.registry.chain.MerkleTree;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tampering with the stored events directly in the database, the way an insider with database
 * access would: verification names the broken entry every time, and an untouched ledger verifies.
 *
 * <p>The ledger, in global order: agr-1 #0, agr-2 #0, agr-3 #0, agr-1 #1, agr-2 #1, then a
 * checkpoint of those five, then agr-1 #2.
 */
class LedgerVerifierTest {

  private LedgerHarness ledger;

  @BeforeEach
  void recordLedger() {
    ledger = new LedgerHarness();
    ledger.draft("agr-1");
    ledger.draft("agr-2");
    ledger.draft("agr-3");
    ledger.revise("agr-1");
    ledger.revise("agr-2");
    ledger.integrity.checkpoints().record();
    ledger.revise("agr-1");
  }

  @AfterEach
  void close() {
    ledger.close();
  }

  private LedgerVerification verify() {
    return ledger.integrity.verifier().verifyLedger();
  }

  @Test
  void anUntouchedLedgerVerifies() {
    LedgerVerification result = verify();

    assertThat(result.verified()).as("%s", result.broken()).isTrue();
    assertThat(result.eventsChecked()).isEqualTo(6);
    assertThat(result.head().agreementId()).isEqualTo("agr-1");
    assertThat(result.head().sequence()).isEqualTo(2);
    assertThat(result.checkpoint().size()).isEqualTo(5);
    assertThat(result.broken()).isNull();
  }

  @Test
  void aChangedPayloadIsNamed() {
    ledger.setPayload("agr-2", 0, ledger.payload("agr-2", 0).replace("Texas", "Oklahoma"));

    Broken broken = verify().broken();

    assertThat(broken.agreementId()).isEqualTo("agr-2");
    assertThat(broken.sequence()).isEqualTo(0);
    assertThat(broken.problem()).startsWith("the payload or covered metadata changed");
  }

  @Test
  void aChangedPersonalValueIsNamed() {
    ledger.setPayload("agr-3", 0, ledger.payload("agr-3", 0).replace("Jordan Rivera", "Jordan Riviera"));

    assertThat(verify().broken()).isEqualTo(new Broken("agr-3", 0L,
        "personal field /profile/terms/pointsOfContact/0/name does not match its recorded digest"));
  }

  @Test
  void changedMetadataIsNamed() {
    ledger.setMetadata("agr-1", 1, ledger.metadata("agr-1", 1).replace("\"pat\"", "\"mallory\""));

    Broken broken = verify().broken();

    assertThat(broken.agreementId()).isEqualTo("agr-1");
    assertThat(broken.sequence()).isEqualTo(1);
    assertThat(broken.problem()).startsWith("the payload or covered metadata changed");
  }

  @Test
  void aChangedSequenceNumberIsNamed() {
    ledger.jdbc.update("UPDATE DomainEventEntry SET sequenceNumber = 7 WHERE aggregateIdentifier = 'agr-1' AND sequenceNumber = 2");

    Broken broken = verify().broken();

    assertThat(broken.agreementId()).isEqualTo("agr-1");
    assertThat(broken.sequence()).isEqualTo(7L);
    assertThat(broken.problem()).startsWith("sequence 7 follows 1: sequence 2 is missing; the payload or covered metadata changed: "
        + "the sequenceNumber column differs from what was sealed");
  }

  @Test
  void aDeletedEventIsNamed() {
    ledger.jdbc.update("DELETE FROM DomainEventEntry WHERE aggregateIdentifier = 'agr-1' AND sequenceNumber = 1");

    assertThat(verify().broken()).isEqualTo(new Broken("agr-1", 2L, "sequence 2 follows 0: sequence 1 is missing"));
  }

  @Test
  void aForgedEventIsNamed() {
    // A copy of agr-3's first event, passed off as its second.
    ledger.jdbc.update("INSERT INTO DomainEventEntry (eventIdentifier, aggregateIdentifier, sequenceNumber, type, timeStamp, "
        + "payloadType, payloadRevision, payload, metaData) SELECT 'forged', aggregateIdentifier, 1, type, timeStamp, "
        + "payloadType, payloadRevision, payload, metaData FROM DomainEventEntry WHERE aggregateIdentifier = 'agr-3'");

    Broken broken = verify().broken();

    assertThat(broken.agreementId()).isEqualTo("agr-3");
    assertThat(broken.sequence()).isEqualTo(1);
    assertThat(broken.problem()).startsWith("previousHash 0000000000000000000000000000000000000000000000000000000000000000 does not link");
  }

  @Test
  void aTruncatedTailIsNamed() {
    ledger.jdbc.update("DELETE FROM DomainEventEntry WHERE globalIndex >= (SELECT MAX(globalIndex) - 1 FROM DomainEventEntry)");

    assertThat(verify().broken()).isEqualTo(new Broken("agr-2", 1L, "taken into the leaf log as leaf 4 but missing from the event store"));
  }

  @Test
  void theLeafLogWitnessesRemovalsBeforeAnyCheckpointSignsThem() {
    ledger.integrity.checkpoints().appendLeaves();
    ledger.jdbc.update("DELETE FROM DomainEventEntry WHERE aggregateIdentifier = 'agr-1' AND sequenceNumber = 2");

    assertThat(verify().broken()).isEqualTo(new Broken("agr-1", 2L, "taken into the leaf log as leaf 5 but missing from the event store"));
  }

  @Test
  void theScheduleSignsOnlyWhenEventsArrived() {
    assertThat(ledger.integrity.checkpoints().recordIfNew()).map(Checkpoint::size).contains(6L);
    assertThat(ledger.integrity.checkpoints().recordIfNew()).isEmpty();
    ledger.draft("agr-4");
    ledger.integrity.checkpoints().appendLeaves();
    assertThat(ledger.integrity.checkpoints().recordIfNew()).map(Checkpoint::size).contains(7L);
  }

  @Test
  void eventsAreStoredWithTheTimeTheirSealRecords() {
    String stored = ledger.jdbc.queryForObject("SELECT timeStamp FROM DomainEventEntry WHERE aggregateIdentifier = ? AND sequenceNumber = ?",
        String.class, "agr-1", 0);

    assertThat(java.time.Instant.parse(stored)).isEqualTo(LedgerHarness.CLOCK.instant());
    assertThat(ledger.metadata("agr-1", 0)).contains("\"ledger.revision\":\"2\"");
  }

  @Test
  void aChangedTimeIsNamed() {
    ledger.jdbc.update("UPDATE DomainEventEntry SET timeStamp = ? WHERE aggregateIdentifier = ? AND sequenceNumber = ?",
        "2026-11-23T15:00:00.000Z", "agr-2", 1);

    assertThat(verify().broken()).isEqualTo(new Broken("agr-2", 1L,
        "the timeStamp column holds 2026-11-23T15:00:00.000Z but the event was sealed at 2026-11-22T15:00:00Z (ledger.recordedAt)"));
  }

  @Test
  void aChangedDisplayNameIsNamed() {
    ledger.setMetadata("agr-1", 1, ledger.metadata("agr-1", 1).replace("\"Pat Program\"", "\"Someone Else\""));

    assertThat(verify().broken())
        .isEqualTo(new Broken("agr-1", 1L, "actor.displayName in the metaData column does not match its recorded digest"));
  }

  @Test
  void aRewrittenLeafLogIsNamed() {
    ledger.jdbc.update("DELETE FROM ledger_leaf WHERE leaf_index = 2");

    Broken expected = new Broken("agr-3", 0L, "leaf 2 is missing from the leaf log: this event, stored among the events it holds, is no longer in it");
    assertThat(verify().broken()).isEqualTo(expected);
    assertThat(ledger.integrity.verifier().verifyAgreement("agr-1").orElseThrow().broken()).as("every agreement's proofs need the whole log")
        .isEqualTo(expected);
    assertThatThrownBy(() -> ledger.integrity.evidence().bundle("agr-1")).isInstanceOf(LedgerBroken.class)
        .hasMessage("no evidence bundle can be proved against the latest checkpoint: " + expected)
        .extracting(e -> ((LedgerBroken) e).verification().broken()).isEqualTo(expected);
    assertThat(ledger.integrity.checkpoints().appendLeaves()).as("a gapped log is not extended").hasSize(4);
  }

  @Test
  void aTamperedCheckpointIsNamed() {
    ledger.jdbc.update("UPDATE ledger_checkpoint SET tree_size = 4");

    assertThat(verify().broken().problem()).endsWith("(4 events): the checkpoint's signature does not verify");
  }

  @Test
  void oneAgreementVerifiesAlone() {
    ledger.setPayload("agr-2", 0, ledger.payload("agr-2", 0).replace("Texas", "Oklahoma"));

    LedgerVerification agr1 = ledger.integrity.verifier().verifyAgreement("agr-1").orElseThrow();
    LedgerVerification agr2 = ledger.integrity.verifier().verifyAgreement("agr-2").orElseThrow();

    assertThat(agr1.verified()).isTrue();
    assertThat(agr1.eventsChecked()).isEqualTo(3);
    assertThat(agr1.head().sequence()).isEqualTo(2);
    assertThat(agr2.verified()).isFalse();
    assertThat(agr2.broken().agreementId()).isEqualTo("agr-2");
    assertThat(ledger.integrity.verifier().verifyAgreement("agr-9")).isEmpty();
  }

  @Test
  void aFailureIsCounted() {
    double before = LedgerHarness.METERS.counter("registry.ledger.verification.failures").count();
    ledger.jdbc.update("DELETE FROM DomainEventEntry WHERE aggregateIdentifier = 'agr-1' AND sequenceNumber = 1");

    verify();

    assertThat(LedgerHarness.METERS.counter("registry.ledger.verification.failures").count()).isEqualTo(before + 1);
  }

  @Test
  void noCheckpointIsSignedOverABrokenLedger() {
    ledger.setPayload("agr-2", 0, ledger.payload("agr-2", 0).replace("Texas", "Oklahoma"));

    assertThatThrownBy(() -> ledger.integrity.checkpoints().record())
        .isInstanceOf(LedgerBroken.class)
        .hasMessageContaining("agreement agr-2, sequence 0");
  }

  @Test
  void consecutiveCheckpointsAreConsistent() {
    Checkpoint older = ledger.integrity.checkpoints().latest().orElseThrow();
    ledger.draft("agr-4");
    Checkpoint newer = ledger.integrity.checkpoints().record();

    List<String> proof = ledger.integrity.checkpoints().consistencyProof(older.size(), newer.size());

    HexFormat hex = HexFormat.of();
    assertThat(newer.size()).isEqualTo(7);
    assertThat(MerkleTree.verifyConsistency(older.size(), newer.size(), hex.parseHex(older.root()), hex.parseHex(newer.root()),
        proof.stream().map(hex::parseHex).toList())).isTrue();
    assertThat(verify().verified()).isTrue();
  }
}
