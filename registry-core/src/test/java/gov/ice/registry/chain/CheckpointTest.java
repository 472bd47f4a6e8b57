package gov.ice.registry.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyPair;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpoints are signed and checked the way openssl does it. The key below was made with
 * {@code openssl genpkey -algorithm ed25519}; its public key and the signature were printed by
 * {@code openssl pkey -pubout -outform DER | base64} and {@code openssl pkeyutl -sign -rawin}.
 */
class CheckpointTest {

  private static final String OPENSSL_KEY = """
      -----BEGIN PRIVATE KEY-----
      MC4CAQAwBQYDK2VwBCIEIM2oW3unZ0aHPkM0+FKcf5bs5oNd8EDQQmzIDjrnd21A
      -----END PRIVATE KEY-----
      """;
  private static final String OPENSSL_PUBLIC_KEY = "MCowBQYDK2VwAyEAQHJpBAiy2SdeuhWoRoqt553GlcHhv7jahZMDwTMJpl4=";
  private static final String EMPTY_ROOT = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
  private static final String OPENSSL_SIGNATURE =
      "k9XEFyhBspqYdTqV7zzRTwLpzsGJniEv6dsRj/QRFEmcFO7fdUfaDfPTgsBOWqQxOC4bjWzEtmzGDPCFi2vgBA==";

  @Test
  void readsAnOpensslKeyAndDerivesItsPublicKey() {
    KeyPair pair = SigningKeys.fromPem(OPENSSL_KEY);

    assertThat(Bytes.base64(pair.getPublic().getEncoded())).isEqualTo(OPENSSL_PUBLIC_KEY);
  }

  @Test
  void signsWhatOpensslSigns() {
    Checkpoint checkpoint = new CheckpointSigner(SigningKeys.fromPem(OPENSSL_KEY))
        .sign(0, Bytes.unhex(EMPTY_ROOT, 32), Instant.parse("2026-11-22T15:00:00Z"));

    assertThat(checkpoint.signedText()).isEqualTo("{\"at\":\"2026-11-22T15:00:00Z\",\"root\":\"" + EMPTY_ROOT + "\",\"size\":0}");
    // Ed25519 is deterministic: the same key and message give openssl's signature.
    assertThat(checkpoint.signature()).isEqualTo(OPENSSL_SIGNATURE);
    assertThat(checkpoint.publicKey()).isEqualTo(OPENSSL_PUBLIC_KEY);
    assertThat(checkpoint.problem()).isNull();
  }

  @Test
  void anyChangedFieldBreaksTheSignature() {
    Checkpoint signed = new Checkpoint(0, EMPTY_ROOT, "2026-11-22T15:00:00Z", OPENSSL_SIGNATURE, OPENSSL_PUBLIC_KEY);

    assertThat(signed.problem()).isNull();
    assertThat(new Checkpoint(1, EMPTY_ROOT, signed.at(), OPENSSL_SIGNATURE, OPENSSL_PUBLIC_KEY).problem())
        .isEqualTo("the checkpoint's signature does not verify");
    assertThat(new Checkpoint(0, "f" + EMPTY_ROOT.substring(1), signed.at(), OPENSSL_SIGNATURE, OPENSSL_PUBLIC_KEY).problem())
        .isEqualTo("the checkpoint's signature does not verify");
    assertThat(new Checkpoint(0, EMPTY_ROOT, "2026-11-22T15:00:01Z", OPENSSL_SIGNATURE, OPENSSL_PUBLIC_KEY).problem())
        .isEqualTo("the checkpoint's signature does not verify");
    assertThat(new Checkpoint(0, EMPTY_ROOT.toUpperCase(), signed.at(), OPENSSL_SIGNATURE, OPENSSL_PUBLIC_KEY).problem())
        .isEqualTo("the checkpoint's root is not 32 bytes of lowercase hex");
    assertThat(new Checkpoint(0, EMPTY_ROOT, "2026-11-22T15:00:00.000Z", OPENSSL_SIGNATURE, OPENSSL_PUBLIC_KEY).problem())
        .isEqualTo("the checkpoint's time is not an ISO-8601 UTC instant in its canonical form");
    // The last base64 character carries 4 bits the decoder would ignore: a second spelling is refused.
    String respelled = OPENSSL_SIGNATURE.substring(0, 85) + "B==";
    assertThat(new Checkpoint(0, EMPTY_ROOT, signed.at(), respelled, OPENSSL_PUBLIC_KEY).problem())
        .startsWith("the checkpoint's key or signature is malformed");
  }

  @Test
  void aCheckpointFromAnotherKeyDoesNotPassAsOurs() {
    Checkpoint theirs = new CheckpointSigner(SigningKeys.generate(LedgerSamples.random(7L)))
        .sign(0, Bytes.unhex(EMPTY_ROOT, 32), Instant.parse("2026-11-22T15:00:00Z"));

    assertThat(new Checkpoint(0, EMPTY_ROOT, theirs.at(), theirs.signature(), OPENSSL_PUBLIC_KEY).problem())
        .isEqualTo("the checkpoint's signature does not verify");
    assertThat(theirs.keyFingerprint()).isNotEqualTo(
        new Checkpoint(0, EMPTY_ROOT, theirs.at(), OPENSSL_SIGNATURE, OPENSSL_PUBLIC_KEY).keyFingerprint());
  }

  @Test
  void generatesTheEmbeddedKeyOnceAndKeepsIt(@TempDir Path dataDir) throws Exception {
    Path file = dataDir.resolve("ledger-signing-key.pem");

    KeyPair first = SigningKeys.loadOrGenerate(file, LedgerSamples.random());
    KeyPair again = SigningKeys.loadOrGenerate(file, LedgerSamples.random());

    assertThat(Files.readString(file)).startsWith("-----BEGIN PRIVATE KEY-----\n");
    assertThat(again.getPublic().getEncoded()).isEqualTo(first.getPublic().getEncoded());
    assertThat(Files.getPosixFilePermissions(file)).isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
  }
}
