package gov.ice.registry.chain;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.time.Instant;
import java.util.Objects;

/** Signs checkpoints with the registry's Ed25519 key. */
public final class CheckpointSigner {

  private final KeyPair keyPair;

  public CheckpointSigner(KeyPair keyPair) {
    this.keyPair = Objects.requireNonNull(keyPair, "keyPair");
    if (!"EdDSA".equals(keyPair.getPrivate().getAlgorithm()) && !"Ed25519".equals(keyPair.getPrivate().getAlgorithm())) {
      throw new IllegalArgumentException("checkpoints are signed with Ed25519, not " + keyPair.getPrivate().getAlgorithm());
    }
  }

  /** Signs the tree of {@code size} leaves with {@code root} at {@code at} (truncated to milliseconds). */
  public Checkpoint sign(long size, byte[] root, Instant at) {
    String rootHex = Bytes.hex(root);
    String atText = at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString();
    try {
      Signature signer = Signature.getInstance("Ed25519");
      signer.initSign(keyPair.getPrivate());
      signer.update(Bytes.utf8(Checkpoint.signedText(size, rootHex, atText)));
      return new Checkpoint(size, rootHex, atText, Bytes.base64(signer.sign()), publicKey());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign a checkpoint", e);
    }
  }

  /** The public key, base64 of its X.509 SubjectPublicKeyInfo DER. */
  public String publicKey() {
    return Bytes.base64(keyPair.getPublic().getEncoded());
  }
}
