package gov.ice.registry.chain;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A signed statement of the ledger: at {@code at}, its first {@code size} events (in ledger
 * order) formed the Merkle tree with {@code root}. {@code signature} is Ed25519 (RFC 8032) over
 * the UTF-8 bytes of {@link #signedText()}, {@code {"at":"<at>","root":"<root>","size":<size>}};
 * {@code publicKey} is the signer's X.509 SubjectPublicKeyInfo in DER, base64, which {@code
 * openssl pkey -pubin -inform DER} reads.
 */
public record Checkpoint(long size, String root, String at, String signature, String publicKey) {

  /** The exact text that is signed: canonical JSON of {@code at}, {@code root} and {@code size}. */
  public String signedText() {
    return signedText(size, root, at);
  }

  static String signedText(long size, String root, String at) {
    Map<String, Object> signed = new LinkedHashMap<>();
    signed.put("at", at);
    signed.put("root", root);
    signed.put("size", size);
    return CanonicalJson.canonical(signed);
  }

  public Instant instant() {
    return Instant.parse(at);
  }

  /** SHA-256 of the public key's DER, in hex: what an auditor compares with the key the registry publishes. */
  public String keyFingerprint() {
    return Bytes.hex(Bytes.sha256(Bytes.unbase64(publicKey)));
  }

  /**
   * What is wrong with this checkpoint on its own, or null: the fields are well formed (one
   * spelling each) and the signature verifies under the embedded key.
   */
  public String problem() {
    if (size < 0) {
      return "the checkpoint's size is negative";
    }
    if (!Bytes.isHash(root)) {
      return "the checkpoint's root is not 32 bytes of lowercase hex";
    }
    try {
      if (at == null || !Instant.parse(at).toString().equals(at)) {
        return "the checkpoint's time is not an ISO-8601 UTC instant in its canonical form";
      }
    } catch (DateTimeParseException e) {
      return "the checkpoint's time is not an ISO-8601 instant";
    }
    try {
      PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Bytes.unbase64(publicKey)));
      Signature verifier = Signature.getInstance("Ed25519");
      verifier.initVerify(key);
      verifier.update(Bytes.utf8(signedText()));
      return verifier.verify(Bytes.unbase64(signature)) ? null : "the checkpoint's signature does not verify";
    } catch (GeneralSecurityException | IllegalArgumentException | NullPointerException e) {
      return "the checkpoint's key or signature is malformed: " + e.getMessage();
    }
  }
}
