package gov.ice.registry.integrity.log;

/**
 * The answer of {@code GET /api/ledger/verify?log=<name>}: whether every entry's hash, its link
 * to the one before, the log's head and its latest checkpoints agree with the stored entries; how
 * many entries were checked; the head; the latest checkpoint; otherwise the first broken entry.
 */
public record LogVerification(String log, boolean verified, long entriesChecked, LogHead head, LogCheckpointSummary checkpoint,
    BrokenEntry broken) {

  /** The last entry checked. */
  public record LogHead(long sequence, String entryId, String hash) {}

  public record LogCheckpointSummary(long size, String root, String at) {}

  /**
   * The first entry that does not verify: its sequence number where one can be named (a
   * checkpoint whose root does not match names none), its entry id where the row exists, and
   * what differs: {@code EDITED}, {@code DELETED}, {@code INSERTED}, or {@code CHECKPOINT}.
   */
  public record BrokenEntry(Long sequence, String entryId, String finding, String problem) {

    @Override
    public String toString() {
      return (sequence == null ? "" : "entry " + sequence + ": ") + problem;
    }
  }
}
