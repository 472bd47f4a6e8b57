package gov.ice.registry.chain;

import static org.assertj.core.api.Assertions.assertThat;

import gov.ice.registry.chain.EventChain.StoredEvent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyBundleTest {

  private static final KeyPair KEY = SigningKeys.generate(LedgerSamples.random());

  /** The bundle of {@code agreementId} anchored in a checkpoint over the whole sample ledger. */
  static EvidenceBundle bundleOf(List<StoredEvent> ledger, String agreementId) {
    List<byte[]> leaves = ledger.stream().map(e -> Bytes.unhex(e.hash(), 32)).toList();
    MerkleTree tree = MerkleTree.of(leaves);
    CheckpointSigner signer = new CheckpointSigner(KEY);
    Checkpoint checkpoint = signer.sign(tree.size(), tree.root(), Instant.parse("2026-11-22T16:00:00Z"));
    List<StoredEvent> events = ledger.stream().filter(e -> e.agreementId().equals(agreementId)).toList();
    int headIndex = ledger.indexOf(events.get(events.size() - 1));
    List<String> path = tree.inclusionProof(headIndex, tree.size()).stream().map(Bytes::hex).toList();
    return new EvidenceBundle(agreementId, events, checkpoint,
        new EvidenceBundle.InclusionProof(headIndex, tree.size(), path), signer.publicKey());
  }

  @Test
  void anExportedBundleVerifies() {
    for (String id : List.of("agr-a", "agr-b")) {
      VerifyBundle.Result result = VerifyBundle.verify(bundleOf(LedgerSamples.ledger(), id).toJson(), null);

      assertThat(result.verified()).as(result.summary()).isTrue();
      assertThat(result.summary()).startsWith("agreement " + id + ": ");
    }
  }

  @Test
  void theJsonFormCarriesOnlyEvidence() {
    String json = bundleOf(LedgerSamples.ledger(), "agr-a").toJson();

    assertThat(json).startsWith("{\"format\":\"isaa-evidence-bundle/1\",").doesNotContain("displayName", "\n", "\": ", ", \"");
    assertThat(EvidenceBundle.fromJson(json).toJson()).isEqualTo(json);
  }

  @Test
  void aBundleWithAnyOneByteChangedDoesNotVerify() {
    assertEveryByteIsEvidence(bundleOf(LedgerSamples.ledger(), "agr-a").toJson());
  }

  @Test
  void aBundleOfBothRevisionsVerifiesAndAnyOneByteChangedDoesNot() {
    String json = bundleOf(LedgerSamples.upgradedLedger(), "agr-u").toJson();

    VerifyBundle.Result result = VerifyBundle.verify(json, null);

    assertThat(result.verified()).as(result.summary()).isTrue();
    assertThat(json).contains("\"actor.displayName\":\"Pat Program\"", "\"ledger.revision\":\"2\"");
    assertThat(VerifyBundle.verify(json.replace("Pat Program", "Pat Programme"), null).summary())
        .isEqualTo("agreement agr-u, sequence 1: actor.displayName in the metaData column does not match its recorded digest");
    assertEveryByteIsEvidence(json);
  }

  private static void assertEveryByteIsEvidence(String json) {
    byte[] bundle = json.getBytes(StandardCharsets.UTF_8);
    List<String> passed = new ArrayList<>();
    for (int i = 0; i < bundle.length; i++) {
      byte[] changed = bundle.clone();
      changed[i] ^= 0x01;
      String text = new String(changed, StandardCharsets.UTF_8);
      if (VerifyBundle.verify(text, null).verified()) {
        passed.add(i + ": " + text.substring(Math.max(0, i - 30), Math.min(text.length(), i + 30)));
      }
    }

    assertThat(passed).as("changed bytes that still verified").isEmpty();
  }

  @Test
  void namesTheFirstProblem() {
    List<StoredEvent> ledger = LedgerSamples.ledger();
    String json = bundleOf(ledger, "agr-a").toJson();

    assertThat(VerifyBundle.verify(json.replace("Alex Morgan", "Alex Morgen"), null).summary())
        .isEqualTo("agreement agr-a, sequence 1: personal field /signature/signatoryName does not match its recorded digest");
    String otherKey = new CheckpointSigner(SigningKeys.generate(LedgerSamples.random(7L))).publicKey();
    assertThat(VerifyBundle.verify(json, "00".repeat(32)).summary()).startsWith("the checkpoint's key has fingerprint ");
    assertThat(VerifyBundle.verify(json.replace(new CheckpointSigner(KEY).publicKey(), otherKey), null).summary())
        .isEqualTo("the checkpoint's signature does not verify");
  }

  @Test
  void anErasedAgreementStillVerifies() {
    List<StoredEvent> ledger = LedgerSamples.ledger();
    LedgerSamples.append(ledger, "agr-a", EventChain.ERASURE_TYPE,
        "{\"agreementId\":\"agr-a\",\"reason\":\"Privacy Act request\",\"requestReference\":\"PRIV-1\",\"erasedBefore\":3}",
        LedgerSamples.random());
    for (int i = 0; i < ledger.size(); i++) {
      StoredEvent event = ledger.get(i);
      Object personal = event.metadata().get(EventChain.PERSONAL);
      if (personal != null) {
        PersonalData.Erased erased = PersonalData.erase(event.payloadJson(), personal.toString());
        ledger.set(i, LedgerSamples.withMetadata(LedgerSamples.withPayload(event, erased.payloadJson()), EventChain.PERSONAL,
            erased.personalJson()));
      }
    }

    String json = bundleOf(ledger, "agr-a").toJson();
    VerifyBundle.Result result = VerifyBundle.verify(json, null);

    assertThat(result.verified()).as(result.summary()).isTrue();
    assertThat(json).doesNotContain("Alex Morgan", "Jordan", "jordan.ellis");
  }

  @Test
  void theCommandExitsZeroWhenVerifiedAndOneWhenNot(@TempDir Path dir) throws Exception {
    String json = bundleOf(LedgerSamples.ledger(), "agr-b").toJson();
    Path good = Files.writeString(dir.resolve("good.json"), json);
    Path bad = Files.writeString(dir.resolve("bad.json"), json.replace("\"draftVersion\":1}", "\"draftVersion\":2}"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);

    assertThat(VerifyBundle.run(new String[] {good.toString()}, print, print)).isEqualTo(0);
    assertThat(VerifyBundle.run(new String[] {bad.toString()}, print, print)).isEqualTo(1);
    assertThat(VerifyBundle.run(new String[] {}, print, print)).isEqualTo(2);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("VERIFIED: agreement agr-b", "NOT VERIFIED: agreement agr-b, sequence 1");
  }

  /** An agreement with two documents, the second withdrawn, and the bundle's JSON. */
  private static String bundleWithDocuments(byte[] kept, String withdrawnSha256) throws Exception {
    java.security.SecureRandom random = LedgerSamples.random();
    List<StoredEvent> ledger = new ArrayList<>();
    LedgerSamples.appendCurrent(ledger, "agr-d", LedgerSamples.DRAFTED, LedgerSamples.draftedPayload("agr-d"), random);
    LedgerSamples.appendCurrent(ledger, "agr-d", VerifyBundle.DOCUMENT_ATTACHED, "{\"agreementId\":\"agr-d\",\"documentId\":\"doc-1\","
        + "\"sha256\":\"" + Bytes.hex(java.security.MessageDigest.getInstance("SHA-256").digest(kept)) + "\"}", random);
    LedgerSamples.appendCurrent(ledger, "agr-d", VerifyBundle.DOCUMENT_ATTACHED, "{\"agreementId\":\"agr-d\",\"documentId\":\"doc-2\","
        + "\"sha256\":\"" + withdrawnSha256 + "\"}", random);
    LedgerSamples.appendCurrent(ledger, "agr-d", VerifyBundle.CONTENT_WITHDRAWN, "{\"agreementId\":\"agr-d\",\"documentId\":\"doc-2\","
        + "\"sha256\":\"" + withdrawnSha256 + "\",\"reason\":\"court order\"}", random);
    return bundleOf(ledger, "agr-d").toJson();
  }

  @Test
  void documentsBesideTheBundleMustHashToTheNamesTheEventsGive(@TempDir Path directory) throws Exception {
    byte[] kept = "the executed copy".getBytes(StandardCharsets.UTF_8);
    String json = bundleWithDocuments(kept, "c".repeat(64));
    Path bundle = directory.resolve("bundle.json");
    Files.writeString(bundle, json);
    Path documents = Files.createDirectories(directory.resolve("documents"));
    String sha256 = Bytes.hex(java.security.MessageDigest.getInstance("SHA-256").digest(kept));
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    int missing = VerifyBundle.run(new String[] {bundle.toString(), "--documents", documents.toString()},
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));
    assertThat(missing).isEqualTo(1);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("doc-1").contains("is not in");

    Files.write(documents.resolve(sha256), "the executed copy, altered".getBytes(StandardCharsets.UTF_8));
    assertThat(VerifyBundle.verifyDocuments(json, documents, VerifyBundle.verify(json, null)).summary()).contains("hashes to");

    Files.write(documents.resolve(sha256), kept);
    out.reset();
    int verified = VerifyBundle.run(new String[] {bundle.toString(), "--documents", documents.toString()},
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));
    assertThat(verified).as(out.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("1 documents match their SHA-256, 1 withdrawn");
  }
}
