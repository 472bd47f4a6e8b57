package gov.ice.registry.chain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * The checkpoint key on disk: an Ed25519 private key in a PEM file ({@code -----BEGIN PRIVATE
 * KEY-----}, PKCS#8), as {@code openssl genpkey -algorithm ed25519 -out key.pem} writes it.
 */
public final class SigningKeys {

  private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
  private static final String END = "-----END PRIVATE KEY-----";

  private SigningKeys() {}

  /** Reads the key pair from a PEM file; the public key is derived from the private one. */
  public static KeyPair load(Path pemFile) {
    try {
      return fromPem(Files.readString(pemFile, StandardCharsets.US_ASCII));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the ledger signing key " + pemFile, e);
    }
  }

  /**
   * Reads the key at {@code pemFile}, or generates one there (readable by its owner only) when
   * there is none: the embedded default keeps its key in the data directory across restarts.
   */
  public static KeyPair loadOrGenerate(Path pemFile, SecureRandom random) {
    if (Files.exists(pemFile)) {
      return load(pemFile);
    }
    KeyPair generated = generate(random);
    try {
      Files.createDirectories(pemFile.toAbsolutePath().getParent());
      Path temporary = Files.createTempFile(pemFile.toAbsolutePath().getParent(), ".ledger-key", ".tmp");
      try {
        Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // Not a POSIX file system; the data directory's own permissions protect the key.
      }
      Files.writeString(temporary, toPem(generated.getPrivate()), StandardCharsets.US_ASCII);
      try {
        Files.move(temporary, pemFile);
      } catch (FileAlreadyExistsException e) {
        // Another instance generated one first: use theirs, so every checkpoint has one key.
        Files.deleteIfExists(temporary);
        return load(pemFile);
      }
      return generated;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the ledger signing key " + pemFile, e);
    }
  }

  public static KeyPair generate(SecureRandom random) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
      generator.initialize(NamedParameterSpec.ED25519, random);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Java 17 has Ed25519", e);
    }
  }

  public static String toPem(PrivateKey key) {
    String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded());
    return BEGIN + "\n" + body + "\n" + END + "\n";
  }

  static KeyPair fromPem(String pem) {
    int begin = pem.indexOf(BEGIN);
    int end = pem.indexOf(END);
    if (begin < 0 || end < begin) {
      throw new IllegalArgumentException("not a PEM PKCS#8 private key (" + BEGIN + ")");
    }
    byte[] der = Base64.getMimeDecoder().decode(pem.substring(begin + BEGIN.length(), end));
    try {
      PrivateKey key = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
      byte[] seed = ((EdECPrivateKey) key).getBytes()
          .orElseThrow(() -> new IllegalArgumentException("the private key's bytes are not available"));
      return derive(seed);
    } catch (GeneralSecurityException | ClassCastException e) {
      throw new IllegalArgumentException("not an Ed25519 private key", e);
    }
  }

  /**
   * The JDK has no call that derives an Ed25519 public key from the private one, but its key
   * pair generator draws the 32-byte private key from the random source and computes the public
   * key from it (RFC 8032, 5.1.5): fed the private key, it rebuilds the pair. The result is
   * checked, so a JDK that generated keys otherwise would fail loudly here.
   */
  private static KeyPair derive(byte[] seed) throws GeneralSecurityException {
    SecureRandom replay = new SecureRandom() {
      @Override
      public void nextBytes(byte[] bytes) {
        if (bytes.length != seed.length) {
          throw new IllegalStateException("expected a request for " + seed.length + " bytes");
        }
        System.arraycopy(seed, 0, bytes, 0, seed.length);
      }
    };
    KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
    generator.initialize(NamedParameterSpec.ED25519, replay);
    KeyPair pair = generator.generateKeyPair();
    byte[] rebuilt = ((EdECPrivateKey) pair.getPrivate()).getBytes().orElseThrow();
    if (!Arrays.equals(rebuilt, seed)) {
      throw new IllegalStateException("the JDK's Ed25519 generator did not rebuild the key pair");
    }
    return pair;
  }
}
