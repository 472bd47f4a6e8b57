package gov.ice.registry.chain;

import gov.ice.registry.chain.EventChain.StoredEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies an evidence bundle offline, with nothing but the JDK:
 * <pre>{@code java -cp registry-core/target/registry-core-<version>.jar gov.ice.registry.chain.VerifyBundle bundle.json}</pre>
 * It checks that the events form an unbroken chain from the agreement's first event (every
 * hash recomputed, every link followed, every personal value against its digest, erasures
 * recorded), that the head event's hash is a leaf of the checkpoint's Merkle tree by the
 * inclusion proof, and that the checkpoint's Ed25519 signature verifies. With {@code
 * --key-fingerprint <hex>} it also requires the signing key to be the one the auditor expects.
 * With {@code --documents <dir>} it also checks the agreement's documents: every document a
 * {@code DocumentAttached} event names must be in {@code <dir>} as a file named by its SHA-256,
 * whose bytes hash to that name, unless a {@code DocumentContentWithdrawn} event withdrew its
 * content (the evidence export's {@code ?include=documents} ZIP holds them under {@code documents/}).
 * Exit status 0 when the bundle verifies, 1 when it does not (the first problem is printed),
 * 2 on a usage or reading error.
 */
public final class VerifyBundle {

  private VerifyBundle() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    String keyFingerprint = null;
    Path documents = null;
    for (int i = 1; i < args.length; i++) {
      if ("--key-fingerprint".equals(args[i]) && i + 1 < args.length && keyFingerprint == null) {
        keyFingerprint = args[++i];
      } else if ("--documents".equals(args[i]) && i + 1 < args.length && documents == null) {
        documents = Path.of(args[++i]);
      } else {
        args = new String[0];
        break;
      }
    }
    if (args.length < 1) {
      err.println("usage: VerifyBundle <bundle.json> [--key-fingerprint <sha256 hex of the public key DER>] [--documents <dir>]");
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
    Result result = verify(text, keyFingerprint);
    if (result.verified() && documents != null) {
      result = verifyDocuments(text, documents, result);
    }
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

  static final String DOCUMENT_ATTACHED = "gov.ice.registry.agreement.api.DocumentAttached";
  static final String CONTENT_WITHDRAWN = "gov.ice.registry.agreement.api.DocumentContentWithdrawn";

  /**
   * After {@link #verify}: each document the (verified) events attach is in {@code directory}
   * under its SHA-256 and hashes to it, unless its content was withdrawn.
   */
  public static Result verifyDocuments(String json, Path directory, Result verified) {
    EvidenceBundle bundle = EvidenceBundle.fromJson(json);
    Map<String, String> attached = new LinkedHashMap<>();
    Set<String> withdrawn = new HashSet<>();
    for (StoredEvent event : bundle.events()) {
      if (event.type().equals(DOCUMENT_ATTACHED) || event.type().equals(CONTENT_WITHDRAWN)) {
        @SuppressWarnings("unchecked")
        Map<String, Object> payload = (Map<String, Object>) CanonicalJson.parse(event.payloadJson());
        String documentId = String.valueOf(payload.get("documentId"));
        if (event.type().equals(DOCUMENT_ATTACHED)) {
          attached.put(documentId, String.valueOf(payload.get("sha256")));
        } else {
          withdrawn.add(documentId);
        }
      }
    }
    int checked = 0;
    for (Map.Entry<String, String> document : attached.entrySet()) {
      if (withdrawn.contains(document.getKey())) {
        continue;
      }
      String sha256 = document.getValue();
      Path file = directory.resolve(sha256);
      if (!Files.isRegularFile(file)) {
        return Result.failed("document " + document.getKey() + " (SHA-256 " + sha256 + ") is not in " + directory);
      }
      String actual;
      try (InputStream in = Files.newInputStream(file)) {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[1 << 16];
        int n;
        while ((n = in.read(buffer)) > 0) {
          digest.update(buffer, 0, n);
        }
        actual = Bytes.hex(digest.digest());
      } catch (IOException | NoSuchAlgorithmException e) {
        return Result.failed("cannot read " + file + ": " + e.getMessage());
      }
      if (!actual.equals(sha256)) {
        return Result.failed("document " + document.getKey() + ": the file " + file + " hashes to " + actual + ", not " + sha256);
      }
      checked++;
    }
    return new Result(true, verified.summary() + "; " + checked + " documents match their SHA-256"
        + (withdrawn.isEmpty() ? "" : ", " + withdrawn.size() + " withdrawn"));
  }

  private static String describe(ChainVerifier.Break broken) {
    return "agreement " + broken.agreementId() + ", sequence " + broken.sequence() + ": " + broken.problem();
  }
}
