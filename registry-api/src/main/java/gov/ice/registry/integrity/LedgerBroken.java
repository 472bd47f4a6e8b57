package gov.ice.registry.integrity;

/** The ledger does not verify, so the registry refuses to sign a checkpoint over it, or to export evidence it cannot prove. */
public final class LedgerBroken extends RuntimeException {

  private final transient LedgerVerification verification;

  LedgerBroken(LedgerVerification verification) {
    super("the ledger does not verify, so no checkpoint is signed over it: " + verification.broken());
    this.verification = verification;
  }

  LedgerBroken(String message, LedgerVerification verification) {
    super(message);
    this.verification = verification;
  }

  public LedgerVerification verification() {
    return verification;
  }
}
