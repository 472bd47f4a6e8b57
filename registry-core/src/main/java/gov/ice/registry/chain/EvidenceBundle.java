package gov.ice.registry.chain;

import gov.ice.registry.chain.EventChain.StoredEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Everything needed to check one agreement's record with no access to the registry: its events
 * from the first to the head, a signed checkpoint, the audit path of the head event's hash in
 * that checkpoint's tree, and the public key.
 *
 * <p>The JSON form is compact and strict: every member is required and no other is allowed,
 * and event metadata carries only the keys the hash of its revision covers ({@link
 * EventChain.StoredEvent#coveredMetadata()}), so that every byte of a bundle is
 * evidence and changing any one of them makes {@link VerifyBundle} fail. {@code jq -c
 * '.events[]'} gives the events as JSON lines.
 */
public record EvidenceBundle(String agreementId, List<StoredEvent> events, Checkpoint checkpoint, InclusionProof inclusionProof,
    String publicKey) {

  public static final String FORMAT = "isaa-evidence-bundle/1";

  private static final Set<String> BUNDLE_MEMBERS = Set.of("format", "agreementId", "events", "checkpoint", "inclusionProof",
      "publicKey");
  private static final Set<String> EVENT_MEMBERS = Set.of("agreementId", "sequence", "type", "revision", "payload", "metadata");
  private static final Set<String> CHECKPOINT_MEMBERS = Set.of("size", "root", "at", "signature", "publicKey");
  private static final Set<String> PROOF_MEMBERS = Set.of("leafIndex", "treeSize", "path");

  public EvidenceBundle {
    events = List.copyOf(events);
  }

  /** The audit path (RFC 6962 PATH) of leaf {@code leafIndex} in the tree of {@code treeSize} leaves, hex. */
  public record InclusionProof(long leafIndex, long treeSize, List<String> path) {

    public InclusionProof {
      path = List.copyOf(path);
    }
  }

  public String toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("format", FORMAT);
    json.put("agreementId", agreementId);
    List<Object> eventsJson = new ArrayList<>();
    for (StoredEvent event : events) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("agreementId", event.agreementId());
      e.put("sequence", event.sequence());
      e.put("type", event.type());
      e.put("revision", event.revision());
      e.put("payload", CanonicalJson.parse(event.payloadJson()));
      Map<String, Object> metadata = new TreeMap<>();
      event.metadata().forEach((key, value) -> {
        if (event.coveredMetadata().contains(key) && value != null) {
          metadata.put(key, value.toString());
        }
      });
      e.put("metadata", metadata);
      eventsJson.add(e);
    }
    json.put("events", eventsJson);
    Map<String, Object> cp = new LinkedHashMap<>();
    cp.put("size", checkpoint.size());
    cp.put("root", checkpoint.root());
    cp.put("at", checkpoint.at());
    cp.put("signature", checkpoint.signature());
    cp.put("publicKey", checkpoint.publicKey());
    json.put("checkpoint", cp);
    Map<String, Object> proof = new LinkedHashMap<>();
    proof.put("leafIndex", inclusionProof.leafIndex());
    proof.put("treeSize", inclusionProof.treeSize());
    proof.put("path", inclusionProof.path());
    json.put("inclusionProof", proof);
    json.put("publicKey", publicKey);
    return CanonicalJson.compact(json);
  }

  /** Reads a bundle; throws {@link IllegalArgumentException} naming the first thing that is not as {@link #toJson()} writes it. */
  public static EvidenceBundle fromJson(String text) {
    Map<String, Object> json = object(CanonicalJson.parse(text), BUNDLE_MEMBERS, "the bundle");
    if (!FORMAT.equals(json.get("format"))) {
      throw new IllegalArgumentException("the bundle's format is not " + FORMAT);
    }
    List<StoredEvent> events = new ArrayList<>();
    for (Object item : list(json.get("events"), "events")) {
      Map<String, Object> e = object(item, EVENT_MEMBERS, "an event");
      Map<String, Object> metadata = new LinkedHashMap<>();
      object(e.get("metadata"), null, "an event's metadata").forEach((key, value) -> metadata.put(key, string(value, key)));
      Object sealedUnder = metadata.get(EventChain.REVISION);
      Set<String> covered = sealedUnder == null ? EventChain.COVERED_METADATA : EventChain.COVERED_METADATA_2;
      metadata.keySet().stream().filter(key -> !covered.contains(key)).findFirst().ifPresent(key -> {
        throw new IllegalArgumentException("an event's metadata holds " + key + ", which no hash covers");
      });
      Object revision = e.get("revision");
      events.add(new StoredEvent(string(e.get("agreementId"), "agreementId"), integer(e.get("sequence"), "sequence"),
          string(e.get("type"), "type"), revision == null ? null : string(revision, "revision"),
          CanonicalJson.compact(object(e.get("payload"), null, "a payload")), metadata));
    }
    Map<String, Object> cp = object(json.get("checkpoint"), CHECKPOINT_MEMBERS, "the checkpoint");
    Checkpoint checkpoint = new Checkpoint(integer(cp.get("size"), "size"), string(cp.get("root"), "root"),
        string(cp.get("at"), "at"), string(cp.get("signature"), "signature"), string(cp.get("publicKey"), "publicKey"));
    Map<String, Object> p = object(json.get("inclusionProof"), PROOF_MEMBERS, "the inclusion proof");
    List<String> path = new ArrayList<>();
    for (Object hash : list(p.get("path"), "path")) {
      path.add(string(hash, "a path hash"));
    }
    InclusionProof proof = new InclusionProof(integer(p.get("leafIndex"), "leafIndex"), integer(p.get("treeSize"), "treeSize"), path);
    return new EvidenceBundle(string(json.get("agreementId"), "agreementId"), events, checkpoint, proof,
        string(json.get("publicKey"), "publicKey"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Object value, Set<String> members, String what) {
    if (!(value instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException(what + " is not a JSON object");
    }
    if (members != null && !map.keySet().equals(members)) {
      throw new IllegalArgumentException(what + " has members " + map.keySet() + "; expected exactly " + members);
    }
    return (Map<String, Object>) map;
  }

  private static List<?> list(Object value, String what) {
    if (!(value instanceof List<?> items)) {
      throw new IllegalArgumentException(what + " is not a JSON array");
    }
    return items;
  }

  private static String string(Object value, String what) {
    if (!(value instanceof String s)) {
      throw new IllegalArgumentException(what + " is not a string");
    }
    return s;
  }

  private static long integer(Object value, String what) {
    if (!(value instanceof java.math.BigInteger n) || n.bitLength() > 62) {
      throw new IllegalArgumentException(what + " is not an integer");
    }
    return n.longValue();
  }
}
