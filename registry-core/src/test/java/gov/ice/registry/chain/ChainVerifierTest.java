package gov.ice.registry.chain;

import static gov.ice.registry.chain.LedgerSamples.withPayload;
import static org.assertj.core.api.Assertions.assertThat;

import gov.ice.registry.chain.ChainVerifier.Break;
import gov.ice.registry.chain.EventChain.StoredEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChainVerifierTest {

  private final List<StoredEvent> ledger = LedgerSamples.ledger();

  private static Optional<Break> verify(List<StoredEvent> events) {
    ChainVerifier verifier = new ChainVerifier();
    events.forEach(verifier::accept);
    return verifier.finish();
  }

  @Test
  void anUntouchedLedgerVerifiesAndKnowsItsHeads() {
    ChainVerifier verifier = new ChainVerifier();
    ledger.forEach(verifier::accept);

    assertThat(verifier.finish()).isEmpty();
    assertThat(verifier.eventsChecked()).isEqualTo(5);
    assertThat(verifier.heads().keySet()).containsExactly("agr-a", "agr-b");
    assertThat(verifier.heads().get("agr-a").sequence()).isEqualTo(2);
    assertThat(verifier.heads().get("agr-a").hash()).isEqualTo(ledger.get(4).hash());
  }

  @Test
  void namesTheFirstBrokenEntry() {
    List<StoredEvent> changed = new ArrayList<>(ledger);
    changed.set(2, withPayload(ledger.get(2), ledger.get(2).payloadJson().replace("HSI_EAD", "ERO_EAD")));
    changed.set(3, withPayload(ledger.get(3), ledger.get(3).payloadJson().replace("1", "2")));

    Break broken = verify(changed).orElseThrow();

    assertThat(broken.agreementId()).isEqualTo("agr-a");
    assertThat(broken.sequence()).isEqualTo(1);
    assertThat(broken.problem()).startsWith("the payload or covered metadata changed");
  }

  @Test
  void aDeletedEventBreaksTheSequence() {
    List<StoredEvent> deleted = new ArrayList<>(ledger);
    deleted.remove(2);

    assertThat(verify(deleted)).contains(new Break("agr-a", 2, "sequence 2 follows 0: sequence 1 is missing"));
  }

  @Test
  void aDeletedFirstEventIsMissed() {
    List<StoredEvent> deleted = new ArrayList<>(ledger);
    deleted.remove(1);

    assertThat(verify(deleted)).contains(new Break("agr-b", 1, "sequence 1 follows -1: sequence 0 is missing"));
  }

  @Test
  void erasureMustBeRecorded() {
    StoredEvent drafted = ledger.get(0);
    PersonalData.Erased erased = PersonalData.erase(drafted.payloadJson(), (String) drafted.metadata().get(EventChain.PERSONAL));
    List<StoredEvent> silentlyErased = new ArrayList<>(ledger);
    silentlyErased.set(0, LedgerSamples.withMetadata(withPayload(drafted, erased.payloadJson()), EventChain.PERSONAL, erased.personalJson()));

    assertThat(verify(silentlyErased))
        .contains(new Break("agr-a", 0, "personal data was removed but no PersonalDataErased event records the erasure"));

    List<StoredEvent> recorded = new ArrayList<>(silentlyErased);
    LedgerSamples.append(recorded, "agr-a", EventChain.ERASURE_TYPE,
        "{\"agreementId\":\"agr-a\",\"reason\":\"Privacy Act request\",\"requestReference\":\"PRIV-1\",\"erasedBefore\":3}",
        LedgerSamples.random());

    assertThat(verify(recorded)).isEmpty();
  }
}
