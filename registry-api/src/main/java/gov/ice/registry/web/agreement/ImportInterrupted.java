package gov.ice.registry.web.agreement;

/**
 * A bulk import that ended before its last row: the registry began to stop, or the ledger could
 * not be reached, or something failed. {@code report} holds exactly the rows decided before
 * {@code notImportedFromLine}, as a finished import reports them (an IMPORTED row is stored);
 * nothing from that line on was imported. The answer says so instead of "nothing was recorded".
 */
public final class ImportInterrupted extends RuntimeException {

  public enum Reason { STOPPING, STORE_UNAVAILABLE, FAILED }

  private final transient ImportReport report;
  private final Reason reason;
  private final long notImportedFromLine;

  ImportInterrupted(ImportReport report, Reason reason, long notImportedFromLine, Throwable cause) {
    super(message(report, reason, notImportedFromLine), cause);
    this.report = report;
    this.reason = reason;
    this.notImportedFromLine = notImportedFromLine;
  }

  public ImportReport report() {
    return report;
  }

  public Reason reason() {
    return reason;
  }

  public long notImportedFromLine() {
    return notImportedFromLine;
  }

  public ImportReport.Interruption interruption() {
    return new ImportReport.Interruption(reason.name(), notImportedFromLine, getMessage());
  }

  private static String message(ImportReport report, Reason reason, long line) {
    String why = switch (reason) {
      case STOPPING -> "The registry is stopping";
      case STORE_UNAVAILABLE -> "The ledger's database could not be reached";
      case FAILED -> "The import failed unexpectedly";
    };
    int stored = report.totals().imported();
    String done = report.rows().isEmpty()
        ? "no row was imported"
        : "the " + report.rows().size() + " row(s) before line " + line + " are reported as decided (" + stored + " imported and stored)";
    String rest = reason == Reason.STORE_UNAVAILABLE
        ? "rows from line " + line + " on were not imported (send them again; a row with an externalReference that did get stored answers ALREADY_IMPORTED)"
        : "rows from line " + line + " on were not imported; send them again";
    return why + ": " + done + "; " + rest + ".";
  }
}
