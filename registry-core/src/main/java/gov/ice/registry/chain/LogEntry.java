package gov.ice.registry.chain;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One entry of a hash-chained log kept apart from the ledger (the sharing gate's decisions, the
 * reads of agreements). Its hash is SHA-256 over the UTF-8 bytes of the canonical JSON of every
 * stored field: {@code {"actor","at","body","entryId","kind","log","outcome","previousHash",
 * "sequence","subject"}}, {@code body} being the entry's own canonical JSON as a string. The
 * first entry's {@code previousHash} is 64 zeros. Leaf {@code n} of the log's Merkle tree is the
 * 32 bytes of entry {@code n}'s hash.
 *
 * <p>The index fields ({@code actor}, {@code subject}, {@code kind}, {@code outcome}) are hashed
 * too: they are what an auditor filters on, so editing one must break the chain like editing
 * the body.
 */
public record LogEntry(String log, long sequence, String entryId, String at, String actor, String subject, String kind,
    String outcome, String body, String previousHash) {

  /** The previous hash of a log's first entry. */
  public static final String GENESIS = Bytes.ZERO_HASH;

  /** The text that is hashed. */
  public String hashedText() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("actor", actor);
    fields.put("at", at);
    fields.put("body", body);
    fields.put("entryId", entryId);
    fields.put("kind", kind);
    fields.put("log", log);
    fields.put("outcome", outcome);
    fields.put("previousHash", previousHash);
    fields.put("sequence", sequence);
    fields.put("subject", subject);
    return CanonicalJson.canonical(fields);
  }

  /** The entry's hash, lowercase hex. */
  public String hash() {
    return Bytes.hex(hashBytes());
  }

  public byte[] hashBytes() {
    return Bytes.sha256(Bytes.utf8(hashedText()));
  }

  /** Is {@code json} already in canonical form? Entries store exactly the bytes they hash. */
  public static boolean isCanonical(String json) {
    try {
      return CanonicalJson.canonical(CanonicalJson.parse(json)).equals(json);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
