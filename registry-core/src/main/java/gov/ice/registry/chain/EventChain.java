package gov.ice.registry.chain;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The hash chain of one agreement's events: what each event's hash covers, how it is sealed
 * when the event is recorded, and how a stored event is checked.
 *
 * <p>The hash is the lowercase hex SHA-256 of the UTF-8 bytes of the canonical JSON
 * ({@link CanonicalJson}) of an object whose members depend on the event's ledger revision,
 * recorded in its metadata under {@link #REVISION} (absent: revision 1). Revision 1:
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
 * Revision 2 adds what revision 1 left out although the history shows it: the actor's display
 * name (salted like every personal value, so it can be erased), and the stored time, whose
 * column must equal {@code ledger.recordedAt} to the millisecond. It also records a fingerprint
 * of each part, so that verification names the part that changed:
 * <pre>{@code
 * {"actor": null | {"displayName": null | {"personal": <digest of ledger.displayName>},
 *                   "roles": <actor.roles or null>, "username": <actor.username or null>},
 *  "agreementId", "payload", "previousHash", "recordedAt", "revision", "sequence", "type": as revision 1,
 *  "ledgerRevision": "2",
 *  "parts": <ledger.parts: {"<member>": <first 16 hex digits of SHA-256 of its canonical JSON>}
 *            for each member above but ledgerRevision>}
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

  /** The same key as {@code Actor.DISPLAY_NAME}. */
  public static final String ACTOR_DISPLAY_NAME = "actor.displayName";
  /** The ledger revision the event was sealed under; absent in events of revision 1. */
  public static final String REVISION = "ledger.revision";
  /** Salt and digest of the actor's display name, as canonical JSON {@code {"digest": .., "salt": ..}}: see {@link PersonalData}. */
  public static final String DISPLAY_NAME_SEAL = "ledger.displayName";
  /** Fingerprints of the hashed parts (revision 2), as canonical JSON: they name the part an edit changed. */
  public static final String PARTS = "ledger.parts";

  /** The revision new events are sealed under. */
  public static final String CURRENT_REVISION = "2";

  /** The metadata keys the hash of a revision 1 event covers; its other metadata (display name, trace ids) is not evidence. */
  public static final Set<String> COVERED_METADATA = Set.of(HASH, PREVIOUS_HASH, RECORDED_AT, PERSONAL, ACTOR_USERNAME, ACTOR_ROLES);
  /** The metadata keys the hash of a revision 2 event covers; its other metadata (request and trace ids) is not evidence. */
  public static final Set<String> COVERED_METADATA_2 = Set.of(HASH, PREVIOUS_HASH, RECORDED_AT, PERSONAL, ACTOR_USERNAME, ACTOR_ROLES,
      ACTOR_DISPLAY_NAME, REVISION, DISPLAY_NAME_SEAL, PARTS);

  /** Which stored column (or metadata key) each hashed part comes from, to name it in a finding. */
  private static final Map<String, String> PART_COLUMNS = Map.of(
      "actor", "the actor (actor.username, actor.roles or actor.displayName in the metaData column)",
      "agreementId", "the aggregateIdentifier column",
      "payload", "the payload column (or ledger.personal in the metaData column)",
      "previousHash", "ledger.previousHash in the metaData column",
      "recordedAt", "ledger.recordedAt in the metaData column",
      "revision", "the payloadRevision column",
      "sequence", "the sequenceNumber column",
      "type", "the payloadType column");

  /** The {@code previousHash} of an agreement's first event. */
  public static final String GENESIS = Bytes.ZERO_HASH;

  /** The event that records an erasure; erased values are legitimate only in events before its {@code erasedBefore}. */
  public static final String ERASURE_TYPE = "gov.ice.registry.agreement.api.PersonalDataErased";
  public static final String ERASED_BEFORE = "erasedBefore";

  private EventChain() {}

  /**
   * One event as the event store holds it: the parts the chain covers. {@code metadata} holds
   * at least the covered keys; others are ignored. {@code timestamp} is the text of the store's
   * time column, or null where it is not known (in an evidence bundle, whose hash covers {@code
   * ledger.recordedAt}).
   */
  public record StoredEvent(String agreementId, long sequence, String type, String revision, String payloadJson,
      Map<String, ?> metadata, String timestamp) {

    public StoredEvent {
      Objects.requireNonNull(agreementId, "agreementId");
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(payloadJson, "payloadJson");
      metadata = metadata == null ? Map.of() : metadata;
    }

    /** An event whose stored time is not known. */
    public StoredEvent(String agreementId, long sequence, String type, String revision, String payloadJson, Map<String, ?> metadata) {
      this(agreementId, sequence, type, revision, payloadJson, metadata, null);
    }

    public String hash() {
      return text(metadata.get(HASH));
    }

    public String previousHash() {
      return text(metadata.get(PREVIOUS_HASH));
    }

    /** The ledger revision the event was sealed under: {@code "1"} when it records none. */
    public String ledgerRevision() {
      Object revision = metadata.get(REVISION);
      return revision == null ? "1" : revision.toString();
    }

    /** The metadata keys this event's hash covers: an evidence bundle carries these and no others. */
    public Set<String> coveredMetadata() {
      return "1".equals(ledgerRevision()) ? COVERED_METADATA : COVERED_METADATA_2;
    }
  }

  /**
   * The ledger metadata of a new event under the current revision: its time, actor, salted
   * personal values and display name, part fingerprints, link and hash. {@code random} salts
   * personal values and the display name and may be null only when there are none.
   */
  public static Map<String, String> seal(String agreementId, long sequence, String type, String revision, String payloadJson,
      String recordedAt, String actorUsername, String actorDisplayName, String actorRoles, String previousHash, SecureRandom random) {
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put(REVISION, CURRENT_REVISION);
    metadata.put(RECORDED_AT, Objects.requireNonNull(recordedAt, "recordedAt"));
    metadata.put(PREVIOUS_HASH, Objects.requireNonNull(previousHash, "previousHash"));
    if (actorUsername != null) {
      metadata.put(ACTOR_USERNAME, actorUsername);
    }
    if (actorRoles != null) {
      metadata.put(ACTOR_ROLES, actorRoles);
    }
    if (actorDisplayName != null) {
      if (random == null) {
        throw new IllegalStateException("the actor has a display name but no SecureRandom was given to salt it");
      }
      metadata.put(ACTOR_DISPLAY_NAME, actorDisplayName);
      metadata.put(DISPLAY_NAME_SEAL, CanonicalJson.canonical(PersonalData.saltValue(actorDisplayName, random)));
    }
    Map<String, Object> personal = PersonalData.salt(CanonicalJson.parse(payloadJson), random);
    if (!personal.isEmpty()) {
      metadata.put(PERSONAL, CanonicalJson.canonical(personal));
    }
    StoredEvent unsealed = new StoredEvent(agreementId, sequence, type, revision, payloadJson, metadata);
    metadata.put(PARTS, CanonicalJson.canonical(fingerprints(hashedParts(unsealed))));
    metadata.put(HASH, hashOf(unsealed));
    return metadata;
  }

  /**
   * The ledger metadata of a new event as registries sealed it before revision 2: kept so that
   * tests and tools can write a ledger as an older registry did.
   */
  public static Map<String, String> sealRevision1(String agreementId, long sequence, String type, String revision, String payloadJson,
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
    Map<String, Object> hashed = hashedParts(event);
    if (!"1".equals(event.ledgerRevision())) {
      hashed.put("ledgerRevision", event.ledgerRevision());
      hashed.put("parts", recordedParts(event));
    }
    return CanonicalJson.canonical(hashed);
  }

  /** The members of the hashed object that come from the stored event, by its revision. */
  private static Map<String, Object> hashedParts(StoredEvent event) {
    String ledgerRevision = event.ledgerRevision();
    if (!"1".equals(ledgerRevision) && !CURRENT_REVISION.equals(ledgerRevision)) {
      throw new Broken("ledger.revision " + ledgerRevision + " in the metaData column is not a revision this verifier knows (1 or 2)");
    }
    if ("1".equals(ledgerRevision) && event.metadata().get(PARTS) != null) {
      throw new Broken("ledger.revision in the metaData column was removed or changed: the event carries the ledger.parts of revision 2");
    }
    Object payload;
    try {
      payload = CanonicalJson.parse(event.payloadJson());
    } catch (IllegalArgumentException e) {
      throw new Broken("the payload column is not JSON: " + e.getMessage());
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
    if ("1".equals(ledgerRevision)) {
      if (username != null) {
        actor = new LinkedHashMap<>();
        actor.put("roles", text(event.metadata().get(ACTOR_ROLES)));
        actor.put("username", text(username));
      }
    } else {
      Object displayName = displayNameDigest(event.metadata());
      Object roles = event.metadata().get(ACTOR_ROLES);
      if (username != null || roles != null || displayName != null) {
        actor = new LinkedHashMap<>();
        actor.put("displayName", displayName);
        actor.put("roles", text(roles));
        actor.put("username", text(username));
      }
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
    return hashed;
  }

  /** {@code {"personal": <digest>}} for a sealed display name, null when the event was sealed without one. */
  private static Object displayNameDigest(Map<String, ?> metadata) {
    Object seal = metadata.get(DISPLAY_NAME_SEAL);
    Object value = metadata.get(ACTOR_DISPLAY_NAME);
    if (seal == null) {
      if (value != null) {
        throw new Broken("actor.displayName in the metaData column holds a value, but the event was sealed without one");
      }
      return null;
    }
    Object recorded;
    try {
      recorded = CanonicalJson.parse(text(seal));
    } catch (IllegalArgumentException e) {
      throw new Broken("ledger.displayName in the metaData column is not JSON: " + e.getMessage());
    }
    Map<String, Object> holder = new LinkedHashMap<>();
    holder.put(ACTOR_DISPLAY_NAME, value == null ? null : text(value));
    try {
      @SuppressWarnings("unchecked")
      Map<String, Object> substituted = (Map<String, Object>) PersonalData.substitute(holder, Map.of("/" + ACTOR_DISPLAY_NAME, recorded));
      return substituted.get(ACTOR_DISPLAY_NAME);
    } catch (PersonalData.Mismatch e) {
      throw new Broken(e.getMessage().replace("personal field /" + ACTOR_DISPLAY_NAME, ACTOR_DISPLAY_NAME + " in the metaData column"));
    }
  }

  /** A short fingerprint of each hashed part: enough to name which one changed, not to prove anything (the hash does that). */
  private static Map<String, Object> fingerprints(Map<String, Object> parts) {
    Map<String, Object> fingerprints = new LinkedHashMap<>();
    parts.forEach((name, value) -> fingerprints.put(name, Bytes.hex(Bytes.sha256(Bytes.utf8(CanonicalJson.canonical(value)))).substring(0, 16)));
    return fingerprints;
  }

  private static Object recordedParts(StoredEvent event) {
    Object parts = event.metadata().get(PARTS);
    if (parts == null) {
      throw new Broken("ledger.parts is missing from the metaData column");
    }
    try {
      return CanonicalJson.parse(text(parts));
    } catch (IllegalArgumentException e) {
      throw new Broken("ledger.parts in the metaData column is not JSON: " + e.getMessage());
    }
  }

  /**
   * Why a revision 2 event does not hash to what it records: the columns whose parts no longer
   * match their fingerprints, or else the seal columns themselves.
   */
  private static String mismatchOf(StoredEvent event, String recomputed) {
    String base = "the event hashes to " + recomputed + " but records " + event.hash();
    if ("1".equals(event.ledgerRevision())) {
      return "the payload or covered metadata changed: " + base;
    }
    Object recorded = recordedParts(event);
    Map<String, Object> now = fingerprints(hashedParts(event));
    List<String> changed = new ArrayList<>();
    if (recorded instanceof Map<?, ?> parts) {
      now.forEach((name, fingerprint) -> {
        if (!fingerprint.equals(parts.get(name))) {
          changed.add(PART_COLUMNS.getOrDefault(name, name));
        }
      });
    }
    if (changed.isEmpty()) {
      return "the seal changed (ledger.hash or ledger.parts in the metaData column): " + base;
    }
    return "the payload or covered metadata changed: " + String.join(", ", changed) + " differs from what was sealed (" + base + ")";
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
      String problem = event.sequence() > expectedSequence
          ? "sequence " + event.sequence() + " follows " + (expectedSequence - 1) + ": sequence " + expectedSequence + " is missing"
          : "sequence " + event.sequence() + " appears again or out of order after " + (expectedSequence - 1);
      // An event moved to another agreement or sequence number no longer hashes as sealed: say which column moved it.
      Recomputed own = recomputed == null ? recompute(event) : recomputed;
      if (!"1".equals(event.ledgerRevision()) && own.hash() != null && Bytes.isHash(event.metadata().get(HASH))
          && !own.hash().equals(event.hash())) {
        try {
          problem += "; " + mismatchOf(event, own.hash());
        } catch (Broken e) {
          problem += "; " + e.getMessage();
        }
      }
      return problem;
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
      try {
        return mismatchOf(event, hash.hash());
      } catch (Broken e) {
        return e.getMessage();
      }
    }
    if (!"1".equals(event.ledgerRevision()) && event.timestamp() != null) {
      return timestampProblem(event);
    }
    return null;
  }

  /** Revision 2 seals the time: the store's time column, which the history shows, must be that instant. */
  private static String timestampProblem(StoredEvent event) {
    String recordedAt = text(event.metadata().get(RECORDED_AT));
    try {
      if (Instant.parse(event.timestamp().trim()).equals(Instant.parse(recordedAt))) {
        return null;
      }
    } catch (DateTimeParseException e) {
      // Either side unreadable is the same finding: the column does not hold the sealed time.
    }
    return "the timeStamp column holds " + event.timestamp() + " but the event was sealed at " + recordedAt + " (ledger.recordedAt)";
  }

  /** Personal values of this event that were erased (their salts are gone). */
  static boolean hasErasedPersonalData(StoredEvent event) {
    Object displayName = event.metadata().get(DISPLAY_NAME_SEAL);
    if (displayName != null && !text(displayName).contains("\"" + PersonalData.SALT + "\"")) {
      return true;
    }
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
