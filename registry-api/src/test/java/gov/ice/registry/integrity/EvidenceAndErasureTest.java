package gov.ice.registry.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import gov.ice.registry.chain.EventChain;
import gov.ice.registry.chain.EvidenceBundle;
import gov.ice.registry.chain.VerifyBundle;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EvidenceAndErasureTest {

  private LedgerHarness ledger;

  @BeforeEach
  void recordLedger() {
    ledger = new LedgerHarness();
    ledger.draft("agr-1");
    ledger.draft("agr-2");
    ledger.revise("agr-1");
  }

  @AfterEach
  void close() {
    ledger.close();
  }

  @Test
  void anExportedBundleVerifiesOfflineAndAChangedByteDoesNot() {
    EvidenceBundle bundle = ledger.integrity.evidence().bundle("agr-1").orElseThrow();
    String json = bundle.toJson();

    VerifyBundle.Result verified = VerifyBundle.verify(json, null);
    assertThat(verified.verified()).as(verified.summary()).isTrue();
    assertThat(bundle.events()).hasSize(2);
    assertThat(bundle.checkpoint().size()).as("a checkpoint was recorded to cover the head").isEqualTo(3);
    assertThat(bundle.inclusionProof().leafIndex()).isEqualTo(2);

    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    int inPurpose = json.indexOf("identify removable aliens");
    bytes[inPurpose] ^= 0x01;
    VerifyBundle.Result changed = VerifyBundle.verify(new String(bytes, StandardCharsets.UTF_8), null);
    assertThat(changed.verified()).isFalse();
    assertThat(changed.summary()).startsWith("agreement agr-1, sequence 0: the payload or covered metadata changed");
  }

  @Test
  void aBundleReusesACheckpointThatCoversTheHead() {
    ledger.integrity.checkpoints().record();
    ledger.draft("agr-3");

    EvidenceBundle bundle = ledger.integrity.evidence().bundle("agr-2").orElseThrow();

    assertThat(bundle.checkpoint().size()).isEqualTo(3);
    assertThat(VerifyBundle.verify(bundle.toJson(), null).verified()).isTrue();
    assertThat(ledger.integrity.evidence().bundle("agr-9")).isEmpty();
  }

  @Test
  void erasureRemovesPersonalDataFromTheStoreAndTheLedgerStillVerifies() {
    ledger.integrity.checkpoints().record();
    assertThat(ledger.payload("agr-1", 0)).contains("Jordan Rivera", "jordan.rivera@ice.example", "+1-202-555-0142");

    ledger.erase("agr-1");
    int rewritten = ledger.integrity.eraser().erase("agr-1");

    assertThat(rewritten).isEqualTo(2);
    for (long sequence = 0; sequence < 3; sequence++) {
      assertThat(ledger.payload("agr-1", sequence)).doesNotContain("Jordan", "jordan.rivera", "555-0142");
      // The salts of the agreement's personal values are gone; the acting user's display name is audit evidence and keeps its own.
      assertThat(personalSalts(ledger.metadata("agr-1", sequence))).doesNotContain("salt");
    }
    assertThat(ledger.payload("agr-1", 0)).contains("\"party\":\"ICE\"");
    assertThat(ledger.payload("agr-2", 0)).contains("Jordan Rivera");
    LedgerVerification verification = ledger.integrity.verifier().verifyLedger();
    assertThat(verification.verified()).as("%s", verification.broken()).isTrue();
    EvidenceBundle bundle = ledger.integrity.evidence().bundle("agr-1").orElseThrow();
    assertThat(VerifyBundle.verify(bundle.toJson(), null).verified()).isTrue();
    assertThat(bundle.toJson()).doesNotContain("Jordan Rivera");
    assertThat(ledger.integrity.eraser().erase("agr-1")).as("erasing again changes nothing").isZero();
  }

  private static String personalSalts(String metadata) {
    try {
      return LedgerHarness.json().readTree(metadata).path(EventChain.PERSONAL).asText();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void anErasureACrashInterruptedIsCompletedLater() {
    ledger.erase("agr-1");
    assertThat(ledger.payload("agr-1", 0)).as("recorded, not yet carried out").contains("Jordan Rivera");

    int rewritten = ledger.integrity.eraser().erasePending();

    assertThat(rewritten).isEqualTo(2);
    assertThat(ledger.payload("agr-1", 0)).doesNotContain("Jordan Rivera");
    assertThat(ledger.payload("agr-2", 0)).as("no erasure was recorded for agr-2").contains("Jordan Rivera");
    assertThat(ledger.integrity.verifier().verifyLedger().verified()).isTrue();
  }

  @Test
  void anUnrecordedErasureIsNamed() {
    ledger.setPayload("agr-2", 0, ledger.payload("agr-2", 0).replace("\"Jordan Rivera\"", "null"));
    ledger.setMetadata("agr-2", 0, ledger.metadata("agr-2", 0)
        .replaceAll("(\\\\\"/profile/terms/pointsOfContact/0/name\\\\\":\\{\\\\\"digest\\\\\":\\\\\"[0-9a-f]{64}\\\\\"),\\\\\"salt\\\\\":\\\\\"[0-9a-f]{32}\\\\\"", "$1"));

    LedgerVerification verification = ledger.integrity.verifier().verifyLedger();

    assertThat(verification.broken())
        .isEqualTo(new LedgerVerification.Broken("agr-2", 0L, "personal data was removed but no PersonalDataErased event records the erasure"));
  }
}
