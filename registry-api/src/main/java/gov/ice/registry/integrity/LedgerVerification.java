package gov.ice.registry.integrity;

/**
 * The answer of {@code GET /api/ledger/verify}: whether every hash, link, leaf and the latest
 * checkpoints agree with the stored events, how many events were checked, the head (the last
 * event checked), the latest checkpoint, and otherwise the first broken entry.
 */
public record LedgerVerification(boolean verified, long eventsChecked, Head head, CheckpointSummary checkpoint, Broken broken) {

  /** The last event checked: an agreement's head, or the ledger's latest event. */
  public record Head(String agreementId, long sequence, String hash) {}

  /** The latest checkpoint: how many events it covers, its root and when it was signed. */
  public record CheckpointSummary(long size, String root, String at) {}

  /**
   * The first entry that does not verify: the agreement and sequence number where one can be
   * named (a checkpoint whose root does not match names neither), and what differs.
   */
  public record Broken(String agreementId, Long sequence, String problem) {

    @Override
    public String toString() {
      return (agreementId == null ? "" : "agreement " + agreementId + (sequence == null ? "" : ", sequence " + sequence) + ": ") + problem;
    }
  }
}
