package gov.ice.registry.chain;

import gov.ice.registry.chain.EventChain.StoredEvent;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Verifies an evidence bundle offline, with nothing but the JDK:
 * <pre>{@code java -cp registry-core/target/registry-core-<version>.jar gov.ice.registry.chain.VerifyBundle bundle.json}</pre>
 * It checks that the events form an unbroken chain from the agreement's first event (every
 * hash recomputed, every link followed, every personal value against its digest, erasures
 * recorded), that the head event's hash is a leaf of the checkpoint's Merkle tree by the
 * inclusion proof, and that the checkpoint's Ed25519 signature verifies. With {@code
 * --key-fingerprint <hex>} it also requires the signing key to be the one the auditor expects.
 * Exit status 0 when the bundle verifies, 1 when it does not (the first problem is printed),
 * 2 on a usage or reading error.
 */
public final class VerifyBundle {

  private VerifyBundle() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length != 1 && !(args.length == 3 && "--key-fingerprint".equals(args[1]))) {
      err.println("usage: VerifyBundle <bundle.json> [--key-fingerprint <sha256 hex of the public key DER>]");
      return 2;
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(Files.readAllBytes(Path.of(args[0]))))
          .toString();
    } catch (CharacterCodingException e) {
      out.println("NOT VERIFIED: the bundle is not UTF-8");
      return 1;
    } catch (IOException e) {
      err.println("cannot read " + args[0] + ": " + e.getMessage());
      return 2;
    }
    Result result = verify(text, args.length == 3 ? args[2] : null);
    out.println(result.verified() ? "VERIFIED: " + result.summary() : "NOT VERIFIED: " + result.summary());
    return result.verified() ? 0 : 1;
  }

  /** The outcome: verified or not, and a line saying what was checked or what failed first. */
  public record Result(boolean verified, String summary) {

    static Result failed(String problem) {
      return new Result(false, problem);
    }
  }

  /** Verifies a bundle's JSON text; {@code keyFingerprint}, when given, pins the signing key. */
  public static Result verify(String json, String keyFingerprint) {
    EvidenceBundle bundle;
    try {
      bundle = EvidenceBundle.fromJson(json);
    } catch (IllegalArgumentException e) {
      return Result.failed("the bundle is malformed: " + e.getMessage());
    }
    if (bundle.events().isEmpty()) {
      return Result.failed("the bundle holds no events");
    }
    ChainVerifier chain = new ChainVerifier();
    for (StoredEvent event : bundle.events()) {
      if (!event.agreementId().equals(bundle.agreementId())) {
        return Result.failed("sequence " + event.sequence() + " belongs to " + event.agreementId() + ", not " + bundle.agreementId());
      }
      Optional<ChainVerifier.Break> broken = chain.accept(event);
      if (broken.isPresent()) {
        return Result.failed(describe(broken.get()));
      }
    }
    Optional<ChainVerifier.Break> broken = chain.finish();
    if (broken.isPresent()) {
      return Result.failed(describe(broken.get()));
    }
    Checkpoint checkpoint = bundle.checkpoint();
    String problem = checkpoint.problem();
    if (problem != null) {
      return Result.failed(problem);
    }
    if (!checkpoint.publicKey().equals(bundle.publicKey())) {
      return Result.failed("the checkpoint was signed with a key other than the bundle's public key");
    }
    if (keyFingerprint != null && !checkpoint.keyFingerprint().equals(keyFingerprint)) {
      return Result.failed("the checkpoint's key has fingerprint " + checkpoint.keyFingerprint() + ", not the expected " + keyFingerprint);
    }
    EvidenceBundle.InclusionProof proof = bundle.inclusionProof();
    if (proof.treeSize() != checkpoint.size()) {
      return Result.failed("the inclusion proof is for a tree of " + proof.treeSize() + " events, the checkpoint's has " + checkpoint.size());
    }
    StoredEvent head = bundle.events().get(bundle.events().size() - 1);
    List<byte[]> path = new ArrayList<>();
    try {
      for (String hash : proof.path()) {
        path.add(Bytes.unhex(hash, 32));
      }
    } catch (IllegalArgumentException e) {
      return Result.failed("the inclusion proof is malformed: " + e.getMessage());
    }
    byte[] leaf = MerkleTree.leafHash(Bytes.unhex(head.hash(), 32));
    if (!MerkleTree.verifyInclusion(proof.leafIndex(), proof.treeSize(), leaf, path, Bytes.unhex(checkpoint.root(), 32))) {
      return Result.failed("the head event (sequence " + head.sequence() + ", hash " + head.hash()
          + ") is not leaf " + proof.leafIndex() + " of the checkpoint's tree: the inclusion proof does not lead to root " + checkpoint.root());
    }
    return new Result(true, "agreement " + bundle.agreementId() + ": " + bundle.events().size() + " events chained from sequence 0 to "
        + head.sequence() + " (head " + head.hash() + "), included as leaf " + proof.leafIndex() + " of " + checkpoint.size()
        + " in the checkpoint of " + checkpoint.at() + " with root " + checkpoint.root() + ", signed by the Ed25519 key with fingerprint "
        + checkpoint.keyFingerprint());
  }

  private static String describe(ChainVerifier.Break broken) {
    return "agreement " + broken.agreementId() + ", sequence " + broken.sequence() + ": " + broken.problem();
  }
}
