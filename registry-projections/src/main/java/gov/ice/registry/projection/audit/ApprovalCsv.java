package gov.ice.registry.projection.audit;

import gov.ice.registry.projection.export.SpreadsheetCsv;
import java.util.Arrays;
import java.util.List;

/** Approvals as CSV, written by the registry's one spreadsheet-safe writer ({@link SpreadsheetCsv}). */
public final class ApprovalCsv {

  public static final List<String> COLUMNS = List.of(
      "at", "agreementId", "title", "type", "decision", "office", "party", "signatoryName",
      "actorUsername", "actorDisplayName", "actorRoles", "draftVersion", "comment", "rules", "documentSha256");

  /** Starts a file: Excel takes UTF-8 without it for the locale's legacy code page. */
  public static final String BYTE_ORDER_MARK = SpreadsheetCsv.BYTE_ORDER_MARK;

  private ApprovalCsv() {}

  public static String header() {
    return SpreadsheetCsv.header(COLUMNS);
  }

  public static String row(Approval a) {
    return SpreadsheetCsv.row(Arrays.asList(
        a.at() == null ? null : a.at().toString(), a.agreementId(), a.title(), a.type(), a.decision(), a.office(),
        a.party(), a.signatoryName(), a.actorUsername(), a.actorDisplayName(), String.join(";", a.actorRoles()),
        String.valueOf(a.draftVersion()), a.comment(), String.join(";", a.rules()), a.documentSha256()));
  }
}
