package gov.ice.registry.chain;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The hash chain of one agreement's events: what each event's hash covers, how it is sealed
 * when the event is recorded, and how a stored event is checked.
 *
 * <p>The hash is the lowercase hex SHA-256 of the UTF-8 bytes of the canonical JSON
 * ({@link CanonicalJson}) of this object:
 * <pre>{@code
 * {"actor": null | {"roles": <actor.roles or null>, "username": <actor.username>},
 *  "agreementId": <the aggregate identifier>,
 *  "payload": <the stored payload, each personal value replaced by {"personal": <digest>}>,
 *  "previousHash": <ledger.previousHash>,
 *  "recordedAt": <ledger.recordedAt>,
 *  "revision": <payload revision or null>,
 *  "sequence": <the aggregate sequence number, from 0>,
 *  "type": <payload type: the event's class name>}
 * }</pre>
 * The strings are taken verbatim from the stored event and its metadata. An agreement's first
 * event links to 64 zeros; every later one to the hash of the event before it.
 */
public final class EventChain {

  public static final String HASH = "ledger.hash";
  public static final String PREVIOUS_HASH = "ledger.previousHash";
  public static final String RECORDED_AT = "ledger.recordedAt";
  /** Salts and digests of the personal values, as canonical JSON text: see {@link PersonalData}. */
  public static final String PERSONAL = "ledger.personal";
  /** The same keys as {@code Actor.USERNAME} and {@code Actor.ROLES}: the ledger package knows only the JDK. */
  public static final String ACTOR_USERNAME = "actor.username";
  public static final String ACTOR_ROLES = "actor.roles";

  /** Every metadata key the hash covers; other metadata (display names, trace ids) is not evidence. */
  public static final Set<String> COVERED_METADATA = Set.of(HASH, PREVIOUS_HASH, RECORDED_AT, PERSONAL, ACTOR_USERNAME, ACTOR_ROLES);

  /** The {@code previousHash} of an agreement's first event. */
  public static final String GENESIS = Bytes.ZERO_HASH;

  /** The event that records an erasure; erased values are legitimate only in events before its {@code erasedBefore}. */
  public static final String ERASURE_TYPE = "gov.ice.registry.agreement.api.PersonalDataErased";
  public static final String ERASED_BEFORE = "erasedBefore";

  private EventChain() {}

  /**
   * One event as the event store holds it: the parts the chain covers. {@code metadata} holds
   * at least the covered keys; others are ignored.
   */
  public record StoredEvent(String agreementId, long sequence, String type, String revision, String payloadJson,
      Map<String, ?> metadata) {

    public StoredEvent {
      Objects.requireNonNull(agreementId, "agreementId");
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(payloadJson, "payloadJson");
      metadata = metadata == null ? Map.of() : metadata;
    }

    public String hash() {
      return text(metadata.get(HASH));
    }

    public String previousHash() {
      return text(metadata.get(PREVIOUS_HASH));
    }
  }

  /**
   * The ledger metadata of a new event: its time, actor, salted personal values, link and hash.
   * {@code random} salts personal values and may be null only for payloads without any.
   */
  public static Map<String, String> seal(String agreementId, long sequence, String type, String revision, String payloadJson,
      String recordedAt, String actorUsername, String actorRoles, String previousHash, SecureRandom random) {
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put(RECORDED_AT, Objects.requireNonNull(recordedAt, "recordedAt"));
    metadata.put(PREVIOUS_HASH, Objects.requireNonNull(previousHash, "previousHash"));
    if (actorUsername != null) {
      metadata.put(ACTOR_USERNAME, actorUsername);
      if (actorRoles != null) {
        metadata.put(ACTOR_ROLES, actorRoles);
      }
    }
    Map<String, Object> personal = PersonalData.salt(CanonicalJson.parse(payloadJson), random);
    if (!personal.isEmpty()) {
      metadata.put(PERSONAL, CanonicalJson.canonical(personal));
    }
    StoredEvent unsealed = new StoredEvent(agreementId, sequence, type, revision, payloadJson, metadata);
    metadata.put(HASH, hashOf(unsealed));
    return metadata;
  }

  /** The canonical text the event's hash covers. Throws {@link Broken} when the stored parts cannot be encoded. */
  public static String canonicalText(StoredEvent event) {
    Object payload;
    try {
      payload = CanonicalJson.parse(event.payloadJson());
    } catch (IllegalArgumentException e) {
      throw new Broken("the payload is not JSON: " + e.getMessage());
    }
    Object personal = null;
    if (event.metadata().get(PERSONAL) != null) {
      try {
        personal = CanonicalJson.parse(text(event.metadata().get(PERSONAL)));
      } catch (IllegalArgumentException e) {
        throw new Broken("the personal-data metadata is not JSON: " + e.getMessage());
      }
      if (!(personal instanceof Map<?, ?>)) {
        throw new Broken("the personal-data metadata is not a JSON object");
      }
    }
    if (personal != null) {
      try {
        @SuppressWarnings("unchecked")
        Map<String, Object> entries = (Map<String, Object>) personal;
        payload = PersonalData.substitute(payload, entries);
      } catch (PersonalData.Mismatch e) {
        throw new Broken(e.getMessage());
      }
    }
    Object username = event.metadata().get(ACTOR_USERNAME);
    Map<String, Object> actor = null;
    if (username != null) {
      actor = new LinkedHashMap<>();
      actor.put("roles", text(event.metadata().get(ACTOR_ROLES)));
      actor.put("username", text(username));
    }
    Map<String, Object> hashed = new LinkedHashMap<>();
    hashed.put("actor", actor);
    hashed.put("agreementId", event.agreementId());
    hashed.put("payload", payload);
    hashed.put("previousHash", text(event.metadata().get(PREVIOUS_HASH)));
    hashed.put("recordedAt", text(event.metadata().get(RECORDED_AT)));
    hashed.put("revision", event.revision());
    hashed.put("sequence", event.sequence());
    hashed.put("type", event.type());
    return CanonicalJson.canonical(hashed);
  }

  /** Lowercase hex SHA-256 of the event's canonical text. */
  public static String hashOf(StoredEvent event) {
    return Bytes.hex(Bytes.sha256(Bytes.utf8(canonicalText(event))));
  }

  /**
   * What is wrong with {@code event} as the next link after {@code previousHash} at {@code
   * expectedSequence}, or null when it is sound.
   */
  public static String problemWith(StoredEvent event, long expectedSequence, String previousHash) {
    return problemWith(event, expectedSequence, previousHash, null);
  }

  /**
   * An event's hash recomputed from its stored parts, or why it cannot be: independent of every
   * other event, so a verifier may compute many at once ahead of the link checks.
   */
  public record Recomputed(String hash, String problem) {}

  public static Recomputed recompute(StoredEvent event) {
    try {
      return new Recomputed(hashOf(event), null);
    } catch (Broken e) {
      return new Recomputed(null, e.getMessage());
    }
  }

  /** As {@link #problemWith(StoredEvent, long, String)}, with the hash already recomputed when {@code recomputed} is not null. */
  public static String problemWith(StoredEvent event, long expectedSequence, String previousHash, Recomputed recomputed) {
    if (event.sequence() != expectedSequence) {
      return event.sequence() > expectedSequence
          ? "sequence " + event.sequence() + " follows " + (expectedSequence - 1) + ": sequence " + expectedSequence + " is missing"
          : "sequence " + event.sequence() + " appears again or out of order after " + (expectedSequence - 1);
    }
    if (!Bytes.isHash(event.metadata().get(HASH)) || !Bytes.isHash(event.metadata().get(PREVIOUS_HASH))
        || !(event.metadata().get(RECORDED_AT) instanceof String)) {
      return "the event carries no ledger hash, previous hash or time in its metadata";
    }
    if (!event.previousHash().equals(previousHash)) {
      return "previousHash " + event.previousHash() + " does not link to the hash " + previousHash
          + (expectedSequence == 0 ? " of an agreement's first event" : " of sequence " + (expectedSequence - 1));
    }
    Recomputed hash = recomputed == null ? recompute(event) : recomputed;
    if (hash.problem() != null) {
      return hash.problem();
    }
    if (!hash.hash().equals(event.hash())) {
      return "the payload or covered metadata changed: the event hashes to " + hash.hash() + " but records " + event.hash();
    }
    return null;
  }

  /** Personal values of this event that were erased (their salts are gone). */
  static boolean hasErasedPersonalData(StoredEvent event) {
    Object personal = event.metadata().get(PERSONAL);
    if (personal == null) {
      return false;
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> entries = (Map<String, Object>) CanonicalJson.parse(text(personal));
    return PersonalData.anyErased(entries);
  }

  /** For a {@link #ERASURE_TYPE} event, the first sequence its erasure does not cover. */
  static long erasedBefore(StoredEvent event) {
    Object value = ((Map<?, ?>) CanonicalJson.parse(event.payloadJson())).get(ERASED_BEFORE);
    return value instanceof Number n ? n.longValue() : 0;
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }

  /** An event whose stored parts cannot even be encoded: malformed payload or personal-data metadata. */
  public static final class Broken extends RuntimeException {

    Broken(String message) {
      super(message);
    }
  }
}
