package gov.ice.registry.chain;

import static gov.ice.registry.chain.LedgerSamples.withMetadata;
import static gov.ice.registry.chain.LedgerSamples.withPayload;
import static org.assertj.core.api.Assertions.assertThat;

import gov.ice.registry.chain.EventChain.StoredEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventChainTest {

  private final List<StoredEvent> ledger = LedgerSamples.ledger();
  private final StoredEvent drafted = ledger.get(0);

  @Test
  void theHashIsSha256OfTheDocumentedCanonicalText() {
    String canonical = EventChain.canonicalText(drafted);

    assertThat(canonical).startsWith("{\"actor\":{\"roles\":\"PROGRAM_OFFICE\",\"username\":\"pat\"},\"agreementId\":\"agr-a\","
        + "\"payload\":{\"agreementId\":\"agr-a\",\"draftVersion\":1,\"profile\":{\"terms\":{\"pointsOfContact\":[{\"email\":{\"personal\":\"");
    assertThat(canonical).endsWith(",\"previousHash\":\"" + "0".repeat(64) + "\",\"recordedAt\":\"2026-11-22T15:00:00Z\","
        + "\"revision\":\"1\",\"sequence\":0,\"type\":\"gov.ice.registry.agreement.api.AgreementDrafted\"}");
    assertThat(canonical).doesNotContain("Jordan", "jordan.ellis", "Müller", "555");
    assertThat(drafted.hash()).isEqualTo(Bytes.hex(Bytes.sha256(Bytes.utf8(canonical))));
  }

  @Test
  void personalValuesAreSaltedOneByOne() {
    @SuppressWarnings("unchecked")
    Map<String, Map<String, String>> personal =
        (Map<String, Map<String, String>>) CanonicalJson.parse((String) drafted.metadata().get(EventChain.PERSONAL));

    assertThat(personal.keySet()).containsExactly(
        "/profile/terms/pointsOfContact/0/email", "/profile/terms/pointsOfContact/0/name",
        "/profile/terms/pointsOfContact/1/email", "/profile/terms/pointsOfContact/1/name",
        "/profile/terms/pointsOfContact/1/phone");
    Map<String, String> name = personal.get("/profile/terms/pointsOfContact/0/name");
    assertThat(name.get("digest"))
        .isEqualTo(Bytes.hex(Bytes.sha256(Bytes.unhex(name.get("salt"), 16), Bytes.utf8("Jordan Ellis"))));
    assertThat(personal.values().stream().map(e -> e.get("salt")).distinct()).hasSize(5);
  }

  @Test
  void aSoundEventHasNoProblem() {
    assertThat(EventChain.problemWith(drafted, 0, EventChain.GENESIS)).isNull();
    assertThat(EventChain.problemWith(ledger.get(2), 1, drafted.hash())).isNull();
  }

  @Test
  void namesWhatDiffers() {
    assertThat(EventChain.problemWith(withPayload(drafted, drafted.payloadJson().replace("Sharing", "Sharring")), 0, EventChain.GENESIS))
        .startsWith("the payload or covered metadata changed: the event hashes to ");
    assertThat(EventChain.problemWith(withPayload(drafted, drafted.payloadJson().replace("Jordan", "Jordon")), 0, EventChain.GENESIS))
        .isEqualTo("personal field /profile/terms/pointsOfContact/0/name does not match its recorded digest");
    assertThat(EventChain.problemWith(withMetadata(drafted, EventChain.ACTOR_USERNAME, "mallory"), 0, EventChain.GENESIS))
        .startsWith("the payload or covered metadata changed");
    assertThat(EventChain.problemWith(withMetadata(drafted, EventChain.RECORDED_AT, "2026-11-21T15:00:00Z"), 0, EventChain.GENESIS))
        .startsWith("the payload or covered metadata changed");
    assertThat(EventChain.problemWith(withMetadata(drafted, EventChain.HASH, null), 0, EventChain.GENESIS))
        .isEqualTo("the event carries no ledger hash, previous hash or time in its metadata");
    assertThat(EventChain.problemWith(ledger.get(2), 1, "f".repeat(64)))
        .isEqualTo("previousHash " + drafted.hash() + " does not link to the hash " + "f".repeat(64) + " of sequence 0");
    assertThat(EventChain.problemWith(ledger.get(4), 1, ledger.get(2).hash()))
        .isEqualTo("sequence 2 follows 0: sequence 1 is missing");
    assertThat(EventChain.problemWith(withPayload(drafted, "{not json"), 0, EventChain.GENESIS)).startsWith("the payload column is not JSON");
  }

  @Test
  void theDisplayNameIsNotEvidenceUnderRevision1() {
    assertThat(EventChain.problemWith(withMetadata(drafted, "actor.displayName", "Someone Else"), 0, EventChain.GENESIS)).isNull();
  }

  @Test
  void anEventWithoutPersonalDataNeedsNoSalts() {
    Map<String, String> metadata = EventChain.sealRevision1("agr-c", 0, LedgerSamples.CLEARED, "1", "{\"agreementId\":\"agr-c\"}",
        "2026-11-22T15:00:00Z", null, null, EventChain.GENESIS, null);

    assertThat(metadata).containsOnlyKeys(EventChain.HASH, EventChain.PREVIOUS_HASH, EventChain.RECORDED_AT);
    assertThat(EventChain.canonicalText(new StoredEvent("agr-c", 0, LedgerSamples.CLEARED, "1", "{\"agreementId\":\"agr-c\"}", metadata)))
        .startsWith("{\"actor\":null,");
  }

  @Test
  void erasureBlanksTheValuesAndKeepsTheHashCheckable() {
    PersonalData.Erased erased = PersonalData.erase(drafted.payloadJson(), (String) drafted.metadata().get(EventChain.PERSONAL));
    StoredEvent after = withMetadata(withPayload(drafted, erased.payloadJson()), EventChain.PERSONAL, erased.personalJson());

    assertThat(after.payloadJson()).doesNotContain("Jordan", "jordan.ellis", "Müller", "555").contains("\"party\":\"Texas DPS\"");
    assertThat(erased.personalJson()).doesNotContain("salt");
    assertThat(after.payloadJson()).startsWith("{\"agreementId\":\"agr-a\",\"draftVersion\":1,\"profile\":{\"title\"");
    assertThat(EventChain.problemWith(after, 0, EventChain.GENESIS)).isNull();
    assertThat(EventChain.hashOf(after)).isEqualTo(drafted.hash());
  }

  @Test
  void anErasedValueCannotComeBack() {
    PersonalData.Erased erased = PersonalData.erase(drafted.payloadJson(), (String) drafted.metadata().get(EventChain.PERSONAL));
    StoredEvent restored = withMetadata(drafted, EventChain.PERSONAL, erased.personalJson());

    assertThat(EventChain.problemWith(restored, 0, EventChain.GENESIS))
        .isEqualTo("personal field /profile/terms/pointsOfContact/0/email was erased (no salt) but still has a value");
  }

  @Test
  void findsSignatoryNamesAnywhere() {
    List<StoredEvent> events = new ArrayList<>(ledger);
    assertThat(PersonalData.pointersIn(CanonicalJson.parse(events.get(2).payloadJson()))).containsExactly("/signature/signatoryName");
    assertThat(PersonalData.pointersIn(CanonicalJson.parse("{\"signatures\":[{\"signatoryName\":\"A\"},{\"signatoryName\":null}]}")))
        .containsExactly("/signatures/0/signatoryName");
  }
}
