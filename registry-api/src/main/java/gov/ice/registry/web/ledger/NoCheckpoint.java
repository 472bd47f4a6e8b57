package gov.ice.registry.web.ledger;

/** No checkpoint has been recorded yet. */
public class NoCheckpoint extends RuntimeException {

  NoCheckpoint() {
    super("No checkpoint has been recorded yet; POST /api/ledger/checkpoints records one.");
  }
}
