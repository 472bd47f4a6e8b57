package gov.ice.registry.integrity;

import gov.ice.registry.chain.EventChain.StoredEvent;
import gov.ice.registry.chain.EvidenceBundle;
import java.util.List;
import java.util.Optional;

/**
 * Builds an agreement's evidence bundle: its events as stored, the latest checkpoint, and the
 * audit path of its head event. When the latest checkpoint does not cover the head yet, one is
 * recorded first, so a bundle always proves the agreement as it stands.
 */
public final class EvidenceExport {

  private final EventTable events;
  private final Checkpoints checkpoints;

  EvidenceExport(EventTable events, Checkpoints checkpoints) {
    this.events = events;
    this.checkpoints = checkpoints;
  }

  /**
   * Empty when the agreement has no events; throws {@link LedgerBroken} when a needed checkpoint
   * cannot be signed, or when leaves the latest checkpoint covers are missing from the leaf log.
   */
  public Optional<EvidenceBundle> bundle(String agreementId) {
    List<StoredEvent> stored = events.ofAgreement(agreementId).stream().map(EventTable.Row::event).toList();
    if (stored.isEmpty()) {
      return Optional.empty();
    }
    StoredEvent head = stored.get(stored.size() - 1);
    Checkpoints.Anchored anchored = checkpoints.anchor(agreementId, head.sequence()).orElseGet(() -> {
      checkpoints.record();
      return checkpoints.anchor(agreementId, head.sequence())
          .orElseThrow(() -> new IllegalStateException("a new checkpoint does not cover " + agreementId + "'s head"));
    });
    return Optional.of(new EvidenceBundle(agreementId, stored, anchored.checkpoint(),
        new EvidenceBundle.InclusionProof(anchored.leafIndex(), anchored.checkpoint().size(), anchored.path()),
        checkpoints.publicKey()));
  }
}
