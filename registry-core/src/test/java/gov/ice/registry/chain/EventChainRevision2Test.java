package gov.ice.registry.chain;

import static gov.ice.registry.chain.LedgerSamples.withMetadata;
import static gov.ice.registry.chain.LedgerSamples.withPayload;
import static gov.ice.registry.chain.LedgerSamples.withTimestamp;
import static gov.ice.registry.chain.LedgerSamples.withType;
import static org.assertj.core.api.Assertions.assertThat;

import gov.ice.registry.chain.EventChain.StoredEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The current ledger revision: what it covers beyond revision 1, and how a change of each stored part is named. */
class EventChainRevision2Test {

  private final List<StoredEvent> ledger = LedgerSamples.upgradedLedger();
  private final StoredEvent old = ledger.get(0);
  private final StoredEvent signed = ledger.get(1);

  private String problem(StoredEvent changed) {
    return EventChain.problemWith(changed, 1, old.hash());
  }

  @Test
  void aLedgerSealedUnderBothRevisionsVerifies() {
    ChainVerifier verifier = new ChainVerifier();
    ledger.forEach(e -> assertThat(verifier.accept(e)).isEmpty());

    assertThat(verifier.finish()).isEmpty();
    assertThat(old.ledgerRevision()).isEqualTo("1");
    assertThat(signed.ledgerRevision()).isEqualTo("2");
  }

  @Test
  void theDisplayNameIsSaltedAndHashedAsADigest() {
    String canonical = EventChain.canonicalText(signed);
    @SuppressWarnings("unchecked")
    Map<String, String> seal = (Map<String, String>) CanonicalJson.parse((String) signed.metadata().get(EventChain.DISPLAY_NAME_SEAL));

    assertThat(canonical).startsWith("{\"actor\":{\"displayName\":{\"personal\":\"" + seal.get("digest") + "\"},"
        + "\"roles\":\"PROGRAM_OFFICE\",\"username\":\"pat\"},").contains("\"ledgerRevision\":\"2\",\"parts\":{\"actor\":\"")
        .doesNotContain("Pat Program", "Alex Morgan");
    assertThat(seal.get("digest")).isEqualTo(Bytes.hex(Bytes.sha256(Bytes.unhex(seal.get("salt"), 16), Bytes.utf8("Pat Program"))));
    assertThat(signed.hash()).isEqualTo(Bytes.hex(Bytes.sha256(Bytes.utf8(canonical))));
  }

  @Test
  void eachChangedPartIsNamedByItsColumn() {
    assertThat(problem(withMetadata(signed, EventChain.ACTOR_DISPLAY_NAME, "Someone Else")))
        .isEqualTo("actor.displayName in the metaData column does not match its recorded digest");
    assertThat(problem(withMetadata(signed, EventChain.ACTOR_DISPLAY_NAME, null)))
        .isEqualTo("actor.displayName in the metaData column has a salt but no text value");
    assertThat(problem(withTimestamp(signed, "2026-12-07T15:00:01.251Z")))
        .isEqualTo("the timeStamp column holds 2026-12-07T15:00:01.251Z but the event was sealed at 2026-12-07T15:00:01.250Z (ledger.recordedAt)");
    assertThat(problem(withPayload(signed, signed.payloadJson().replace("EAD", "CEO"))))
        .startsWith("the payload or covered metadata changed: the payload column (or ledger.personal in the metaData column) differs");
    assertThat(problem(withType(signed, LedgerSamples.CLEARED, "1")))
        .startsWith("the payload or covered metadata changed: the payloadType column differs");
    assertThat(problem(withType(signed, LedgerSamples.SIGNED, "2")))
        .startsWith("the payload or covered metadata changed: the payloadRevision column differs");
    assertThat(problem(withMetadata(signed, EventChain.ACTOR_ROLES, "ADMIN")))
        .startsWith("the payload or covered metadata changed: the actor (actor.username, actor.roles or actor.displayName");
    assertThat(problem(withMetadata(signed, EventChain.RECORDED_AT, "2026-12-07T15:00:02.250Z")))
        .startsWith("the payload or covered metadata changed: ledger.recordedAt in the metaData column differs");
    assertThat(problem(withMetadata(signed, EventChain.HASH, "a".repeat(64))))
        .startsWith("the seal changed (ledger.hash or ledger.parts in the metaData column)");
    assertThat(problem(withMetadata(signed, EventChain.REVISION, null)))
        .isEqualTo("ledger.revision in the metaData column was removed or changed: the event carries the ledger.parts of revision 2");
    assertThat(problem(withMetadata(signed, EventChain.REVISION, "3")))
        .startsWith("ledger.revision 3 in the metaData column is not a revision this verifier knows");
    assertThat(problem(withMetadata(signed, EventChain.PARTS, null))).isEqualTo("ledger.parts is missing from the metaData column");
  }

  @Test
  void theStoredTimeMayBeWrittenInAnyIsoFormOfTheSameInstant() {
    assertThat(problem(withTimestamp(signed, "2026-12-07T15:00:01.250000Z"))).isNull();
    assertThat(problem(withTimestamp(signed, null))).as("a bundle has no time column; its hash covers ledger.recordedAt").isNull();
  }

  @Test
  void aDisplayNameAddedToAnEventSealedWithoutOneIsNamed() {
    StoredEvent scheduled = new StoredEvent("agr-s", 0, LedgerSamples.CLEARED, "1", "{\"agreementId\":\"agr-s\"}",
        EventChain.seal("agr-s", 0, LedgerSamples.CLEARED, "1", "{\"agreementId\":\"agr-s\"}", "2026-12-07T15:00:00Z", "system", null,
            "SYSTEM", EventChain.GENESIS, null));

    assertThat(EventChain.problemWith(scheduled, 0, EventChain.GENESIS)).isNull();
    assertThat(EventChain.problemWith(withMetadata(scheduled, EventChain.ACTOR_DISPLAY_NAME, "Mallory"), 0, EventChain.GENESIS))
        .isEqualTo("actor.displayName in the metaData column holds a value, but the event was sealed without one");
  }

  @Test
  void anErasedDisplayNameStillVerifiesButNeedsARecordedErasure() {
    @SuppressWarnings("unchecked")
    Map<String, Object> seal = (Map<String, Object>) CanonicalJson.parse((String) signed.metadata().get(EventChain.DISPLAY_NAME_SEAL));
    StoredEvent erased = withMetadata(withMetadata(signed, EventChain.ACTOR_DISPLAY_NAME, null), EventChain.DISPLAY_NAME_SEAL,
        CanonicalJson.canonical(Map.of("digest", seal.get("digest"))));

    assertThat(problem(erased)).isNull();
    ChainVerifier verifier = new ChainVerifier();
    verifier.accept(old);
    verifier.accept(erased);
    assertThat(verifier.finish()).get().extracting(ChainVerifier.Break::problem)
        .isEqualTo("personal data was removed but no PersonalDataErased event records the erasure");
  }

  @Test
  void anEvidenceBundleCarriesTheCoveredMetadataOfEachRevisionAndNoMore() {
    Checkpoint checkpoint = new Checkpoint(1, "0".repeat(64), "2026-12-07T16:00:00Z", "sig", "key");
    EvidenceBundle bundle = new EvidenceBundle("agr-u", ledger, checkpoint, new EvidenceBundle.InclusionProof(0, 1, List.of()), "key");

    EvidenceBundle read = EvidenceBundle.fromJson(bundle.toJson());

    assertThat(read.events().get(0).metadata().keySet()).isEqualTo(
        java.util.Set.of(EventChain.HASH, EventChain.PREVIOUS_HASH, EventChain.RECORDED_AT, EventChain.PERSONAL,
            EventChain.ACTOR_USERNAME, EventChain.ACTOR_ROLES));
    assertThat(Map.<String, Object>copyOf(read.events().get(1).metadata())).containsEntry(EventChain.ACTOR_DISPLAY_NAME, "Pat Program")
        .containsKeys(EventChain.REVISION, EventChain.DISPLAY_NAME_SEAL, EventChain.PARTS).doesNotContainKey("requestId");
    ChainVerifier verifier = new ChainVerifier();
    read.events().forEach(e -> assertThat(verifier.accept(e)).isEmpty());
    String smuggled = bundle.toJson().replaceFirst("\"actor.roles\":", "\"actor.displayName\":\"Pat\",\"actor.roles\":");
    assertThat(smuggled).isNotEqualTo(bundle.toJson());
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> EvidenceBundle.fromJson(smuggled))
        .hasMessage("an event's metadata holds actor.displayName, which no hash covers");
  }
}
