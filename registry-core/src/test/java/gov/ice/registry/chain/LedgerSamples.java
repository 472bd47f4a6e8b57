package gov.ice.registry.chain;

import gov.ice.registry.chain.EventChain.StoredEvent;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Small chains of sealed events, as the aggregate would record them, for the ledger's tests. */
final class LedgerSamples {

  static final String DRAFTED = "gov.ice.registry.agreement.api.AgreementDrafted";
  static final String SIGNED = "gov.ice.registry.agreement.api.AgreementSigned";
  static final String CLEARED = "gov.ice.registry.agreement.api.ClearanceRequested";

  private LedgerSamples() {}

  static SecureRandom random() {
    return random(42L);
  }

  static SecureRandom random(long seed) {
    try {
      SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
      random.setSeed(seed);
      return random;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String draftedPayload(String id) {
    return "{\"agreementId\":\"" + id + "\",\"draftVersion\":1,\"profile\":{\"title\":\"Sharing with Texas DPS\","
        + "\"terms\":{\"purpose\":\"Locate fugitives.\",\"pointsOfContact\":[{\"name\":\"Jordan Ellis\","
        + "\"email\":\"jordan.ellis@ice.dhs.gov\",\"phone\":null,\"party\":\"ICE\"},{\"name\":\"Ana Müller\","
        + "\"email\":\"ana@dps.texas.gov\",\"phone\":\"+1 512 555 0100\",\"party\":\"Texas DPS\"}]}}}";
  }

  static String signedPayload(String id) {
    return "{\"agreementId\":\"" + id + "\",\"draftVersion\":1,\"signature\":{\"party\":\"ICE\",\"authority\":\"HSI_EAD\","
        + "\"signatoryName\":\"Alex Morgan\",\"position\":\"EAD\",\"signedOn\":\"2026-02-01\"},\"rules\":[\"SIGNATORY_EA\"]}";
  }

  /** Appends the next sealed event of {@code id} to {@code ledger}, linked to the agreement's last one. */
  static StoredEvent append(List<StoredEvent> ledger, String id, String type, String payload, SecureRandom random) {
    long sequence = ledger.stream().filter(e -> e.agreementId().equals(id)).count();
    String previous = ledger.stream().filter(e -> e.agreementId().equals(id)).reduce((a, b) -> b)
        .map(StoredEvent::hash).orElse(EventChain.GENESIS);
    Map<String, String> metadata = EventChain.sealRevision1(id, sequence, type, "1", payload, "2026-11-22T15:00:0" + (sequence % 10) + "Z",
        "pat", "PROGRAM_OFFICE", previous, random);
    Map<String, Object> stored = new HashMap<>(metadata);
    stored.put("actor.displayName", "Pat Program"); // Stored, but not evidence.
    StoredEvent event = new StoredEvent(id, sequence, type, "1", payload, stored);
    ledger.add(event);
    return event;
  }

  /**
   * Appends the next event of {@code id} sealed under the current revision, stored with the time
   * column the registry writes (the sealed time, in Axon's form with milliseconds).
   */
  static StoredEvent appendCurrent(List<StoredEvent> ledger, String id, String type, String payload, SecureRandom random) {
    long sequence = ledger.stream().filter(e -> e.agreementId().equals(id)).count();
    String previous = ledger.stream().filter(e -> e.agreementId().equals(id)).reduce((a, b) -> b)
        .map(StoredEvent::hash).orElse(EventChain.GENESIS);
    String at = "2026-12-07T15:00:0" + (sequence % 10) + ".250Z";
    Map<String, String> metadata = EventChain.seal(id, sequence, type, "1", payload, at, "pat", "Pat Program", "PROGRAM_OFFICE",
        previous, random);
    Map<String, Object> stored = new HashMap<>(metadata);
    stored.put("requestId", "req-" + sequence); // Stored, but not evidence.
    StoredEvent event = new StoredEvent(id, sequence, type, "1", payload, stored, at);
    ledger.add(event);
    return event;
  }

  /** One agreement's events sealed under revision 1 and then, after an upgrade, under the current revision. */
  static List<StoredEvent> upgradedLedger() {
    SecureRandom random = random();
    List<StoredEvent> ledger = new ArrayList<>();
    append(ledger, "agr-u", DRAFTED, draftedPayload("agr-u"), random);
    appendCurrent(ledger, "agr-u", SIGNED, signedPayload("agr-u"), random);
    appendCurrent(ledger, "agr-u", CLEARED, "{\"agreementId\":\"agr-u\",\"draftVersion\":1}", random);
    return ledger;
  }

  static StoredEvent withTimestamp(StoredEvent event, String timestamp) {
    return new StoredEvent(event.agreementId(), event.sequence(), event.type(), event.revision(), event.payloadJson(), event.metadata(),
        timestamp);
  }

  static StoredEvent withType(StoredEvent event, String type, String revision) {
    return new StoredEvent(event.agreementId(), event.sequence(), type, revision, event.payloadJson(), event.metadata(),
        event.timestamp());
  }

  /** Two agreements interleaved, as a ledger in global order: a drafted, b drafted, a signed, b cleared, a cleared. */
  static List<StoredEvent> ledger() {
    SecureRandom random = random();
    List<StoredEvent> ledger = new ArrayList<>();
    append(ledger, "agr-a", DRAFTED, draftedPayload("agr-a"), random);
    append(ledger, "agr-b", DRAFTED, draftedPayload("agr-b"), random);
    append(ledger, "agr-a", SIGNED, signedPayload("agr-a"), random);
    append(ledger, "agr-b", CLEARED, "{\"agreementId\":\"agr-b\",\"draftVersion\":1}", random);
    append(ledger, "agr-a", CLEARED, "{\"agreementId\":\"agr-a\",\"draftVersion\":1}", random);
    return ledger;
  }

  static StoredEvent withPayload(StoredEvent event, String payload) {
    return new StoredEvent(event.agreementId(), event.sequence(), event.type(), event.revision(), payload, event.metadata(),
        event.timestamp());
  }

  static StoredEvent withMetadata(StoredEvent event, String key, Object value) {
    Map<String, Object> metadata = new HashMap<>(event.metadata());
    if (value == null) {
      metadata.remove(key);
    } else {
      metadata.put(key, value);
    }
    return new StoredEvent(event.agreementId(), event.sequence(), event.type(), event.revision(), event.payloadJson(), metadata,
        event.timestamp());
  }
}
