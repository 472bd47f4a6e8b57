package gov.ice.registry.chain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/** SHA-256, lowercase hex and strict base64: the ledger's only encodings of bytes. */
final class Bytes {

  /** The {@code previousHash} of an agreement's first event. */
  static final String ZERO_HASH = "0".repeat(64);

  private static final HexFormat HEX = HexFormat.of();

  private Bytes() {}

  static byte[] sha256(byte[]... parts) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (byte[] part : parts) {
        digest.update(part);
      }
      return digest.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static String hex(byte[] bytes) {
    return HEX.formatHex(bytes);
  }

  /** Lowercase hex of exactly {@code length} bytes; any other spelling is refused, so no two texts name one hash. */
  static byte[] unhex(String text, int length) {
    if (text == null || text.length() != 2 * length || !isLowerHex(text)) {
      throw new IllegalArgumentException("not " + length + " bytes of lowercase hex: " + text);
    }
    return HEX.parseHex(text);
  }

  static boolean isHash(Object text) {
    return text instanceof String s && s.length() == 64 && isLowerHex(s);
  }

  static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  /**
   * Decodes standard base64 and refuses every text but the one {@link #base64} writes: the
   * decoder ignores stray bits in the last character, and a verifier must not accept two
   * spellings of one signature.
   */
  static byte[] unbase64(String text) {
    byte[] bytes = Base64.getDecoder().decode(text);
    if (!base64(bytes).equals(text)) {
      throw new IllegalArgumentException("not canonical base64");
    }
    return bytes;
  }

  /** Lowercase hex digits only; called for every stored hash, so no regular expression. */
  private static boolean isLowerHex(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
        return false;
      }
    }
    return true;
  }
}
