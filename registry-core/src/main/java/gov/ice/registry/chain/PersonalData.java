package gov.ice.registry.chain;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Personal data in event payloads, and how the ledger hashes it so that it can be erased.
 *
 * <p>Personal values are the {@code name}, {@code title}, {@code organization}, {@code email}
 * and {@code phone} of every element of a {@code pointsOfContact} array, and every {@code signatoryName}, wherever they occur in a
 * payload. The rule goes by member names, not by event type, so an event added later is
 * covered without a change here.
 *
 * <p>When an event is recorded, each non-null personal value gets 16 random bytes of salt; the
 * canonical payload that is hashed carries {@code {"personal": hex(SHA-256(salt || UTF-8
 * value))}} in its place. The salts and digests travel in the event's metadata under
 * {@link EventChain#PERSONAL} as canonical JSON, keyed by RFC 6901 JSON pointers into the
 * payload: {@code {"/profile/terms/pointsOfContact/0/name": {"digest": "..", "salt": ".."}}}.
 * Erasure sets the payload value to null and drops the salt; the digest alone keeps the event's
 * hash checkable, and without the salt it reveals nothing that could be guessed.
 */
public final class PersonalData {

  static final String DIGEST = "digest";
  static final String SALT = "salt";
  static final String PERSONAL = "personal";
  private static final int SALT_BYTES = 16;
  private static final Pattern SALT_HEX = Pattern.compile("[0-9a-f]{" + 2 * SALT_BYTES + "}");
  private static final Pattern INDEX = Pattern.compile("0|[1-9][0-9]{0,8}");
  private static final List<String> CONTACT_FIELDS = List.of("name", "title", "organization", "email", "phone");

  private PersonalData() {}

  /** JSON pointers of every non-null personal value in a payload, in document order. */
  public static List<String> pointersIn(Object payload) {
    List<String> pointers = new ArrayList<>();
    collect(payload, "", pointers);
    return pointers;
  }

  private static void collect(Object node, String path, List<String> pointers) {
    if (node instanceof Map<?, ?> object) {
      object.forEach((name, value) -> {
        String child = path + "/" + escape((String) name);
        if ("pointsOfContact".equals(name) && value instanceof List<?> contacts) {
          for (int i = 0; i < contacts.size(); i++) {
            if (contacts.get(i) instanceof Map<?, ?> contact) {
              for (String field : CONTACT_FIELDS) {
                if (contact.get(field) instanceof String) {
                  pointers.add(child + "/" + i + "/" + field);
                }
              }
            }
          }
        } else if ("signatoryName".equals(name) && value instanceof String) {
          pointers.add(child);
        }
        collect(value, child, pointers);
      });
    } else if (node instanceof List<?> items) {
      for (int i = 0; i < items.size(); i++) {
        collect(items.get(i), path + "/" + i, pointers);
      }
    }
  }

  /** Salts and digests for every personal value of {@code payload}: the value of {@link EventChain#PERSONAL}. */
  static Map<String, Object> salt(Object payload, SecureRandom random) {
    Map<String, Object> personal = new LinkedHashMap<>();
    for (String pointer : pointersIn(payload)) {
      if (random == null) {
        throw new IllegalStateException("the payload holds personal data at " + pointer + " but no SecureRandom was given to salt it");
      }
      byte[] salt = new byte[SALT_BYTES];
      random.nextBytes(salt);
      String value = (String) get(payload, pointer).orElseThrow();
      personal.put(pointer, Map.of(SALT, Bytes.hex(salt), DIGEST, digest(salt, value)));
    }
    return personal;
  }

  /** Salt and digest for one personal value outside the payload (the actor's display name). */
  static Map<String, Object> saltValue(String value, SecureRandom random) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    return Map.of(SALT, Bytes.hex(salt), DIGEST, digest(salt, value));
  }

  static String digest(byte[] salt, String value) {
    return Bytes.hex(Bytes.sha256(salt, Bytes.utf8(value)));
  }

  /**
   * A copy of {@code payload} with every value named in {@code personal} replaced by its digest,
   * as the canonical encoding hashes it. Throws {@link Mismatch} where a value does not match its
   * recorded digest, or has a value but no salt, or the recorded entry is malformed.
   */
  static Object substitute(Object payload, Map<String, Object> personal) {
    Object copy = deepCopy(payload);
    for (Map.Entry<String, Object> entry : personal.entrySet()) {
      String pointer = entry.getKey();
      if (!(entry.getValue() instanceof Map<?, ?> recorded) || !Bytes.isHash(recorded.get(DIGEST))
          || !recorded.keySet().stream().allMatch(k -> DIGEST.equals(k) || SALT.equals(k))) {
        throw new Mismatch("the personal-data entry for " + pointer + " is malformed");
      }
      String digest = (String) recorded.get(DIGEST);
      Object salt = recorded.get(SALT);
      Object parent = parentOf(copy, pointer);
      if (parent == null || !has(parent, last(pointer))) {
        throw new Mismatch("the payload has no personal field " + pointer);
      }
      Object value = read(parent, last(pointer));
      if (salt == null) {
        if (value != null) {
          throw new Mismatch("personal field " + pointer + " was erased (no salt) but still has a value");
        }
      } else {
        if (!(salt instanceof String saltHex) || !SALT_HEX.matcher(saltHex).matches()) {
          throw new Mismatch("the salt of personal field " + pointer + " is malformed");
        }
        if (!(value instanceof String text)) {
          throw new Mismatch("personal field " + pointer + " has a salt but no text value");
        }
        if (!digest(Bytes.unhex(saltHex, SALT_BYTES), text).equals(digest)) {
          throw new Mismatch("personal field " + pointer + " does not match its recorded digest");
        }
      }
      write(parent, last(pointer), Map.of(PERSONAL, digest));
    }
    return copy;
  }

  /** True when some personal value of the entry has been erased: its salt is gone. */
  static boolean anyErased(Map<String, Object> personal) {
    return personal.values().stream().anyMatch(v -> v instanceof Map<?, ?> m && !m.containsKey(SALT));
  }

  /**
   * Erases the personal values of one stored event: each value named in {@code personalJson}
   * becomes null in the payload (member order and everything else kept) and its salt is dropped
   * from the metadata. The event's hash still verifies, through the digests.
   */
  public static Erased erase(String payloadJson, String personalJson) {
    Object payload = CanonicalJson.parse(payloadJson);
    @SuppressWarnings("unchecked")
    Map<String, Object> personal = (Map<String, Object>) CanonicalJson.parse(personalJson);
    Map<String, Object> kept = new LinkedHashMap<>();
    personal.forEach((pointer, entry) -> {
      Object parent = parentOf(payload, pointer);
      if (parent != null && has(parent, last(pointer))) {
        write(parent, last(pointer), null);
      }
      Map<String, Object> digestOnly = new LinkedHashMap<>();
      digestOnly.put(DIGEST, entry instanceof Map<?, ?> m ? m.get(DIGEST) : null);
      kept.put(pointer, digestOnly);
    });
    return new Erased(CanonicalJson.compact(payload), CanonicalJson.canonical(kept));
  }

  /** A stored event's payload and {@link EventChain#PERSONAL} metadata after erasure. */
  public record Erased(String payloadJson, String personalJson) {}

  /** A personal value that does not agree with what was recorded when its event was hashed. */
  static final class Mismatch extends RuntimeException {

    Mismatch(String message) {
      super(message);
    }
  }

  // RFC 6901 pointers over the parsed JSON of CanonicalJson.

  static Optional<Object> get(Object root, String pointer) {
    Object parent = parentOf(root, pointer);
    return parent != null && has(parent, last(pointer)) ? Optional.ofNullable(read(parent, last(pointer))) : Optional.empty();
  }

  private static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }

  private static List<String> tokens(String pointer) {
    if (!pointer.startsWith("/")) {
      throw new Mismatch("not a JSON pointer: " + pointer);
    }
    return Arrays.stream(pointer.substring(1).split("/", -1)).map(t -> t.replace("~1", "/").replace("~0", "~")).toList();
  }

  private static String last(String pointer) {
    List<String> tokens = tokens(pointer);
    return tokens.get(tokens.size() - 1);
  }

  private static Object parentOf(Object root, String pointer) {
    List<String> tokens = tokens(pointer);
    Object node = root;
    for (String token : tokens.subList(0, tokens.size() - 1)) {
      if (!has(node, token)) {
        return null;
      }
      node = read(node, token);
    }
    return node instanceof Map<?, ?> || node instanceof List<?> ? node : null;
  }

  private static boolean has(Object node, String token) {
    if (node instanceof Map<?, ?> object) {
      return object.containsKey(token);
    }
    if (node instanceof List<?> list && INDEX.matcher(token).matches()) {
      return Integer.parseInt(token) < list.size();
    }
    return false;
  }

  private static Object read(Object node, String token) {
    return node instanceof Map<?, ?> object ? object.get(token) : ((List<?>) node).get(Integer.parseInt(token));
  }

  @SuppressWarnings("unchecked")
  private static void write(Object node, String token, Object value) {
    if (node instanceof Map<?, ?> object) {
      ((Map<String, Object>) object).put(token, value);
    } else {
      ((List<Object>) node).set(Integer.parseInt(token), value);
    }
  }

  private static Object deepCopy(Object node) {
    if (node instanceof Map<?, ?> object) {
      Map<String, Object> copy = new LinkedHashMap<>();
      object.forEach((k, v) -> copy.put((String) k, deepCopy(v)));
      return copy;
    }
    if (node instanceof List<?> items) {
      List<Object> copy = new ArrayList<>();
      items.forEach(item -> copy.add(deepCopy(item)));
      return copy;
    }
    return node;
  }
}
