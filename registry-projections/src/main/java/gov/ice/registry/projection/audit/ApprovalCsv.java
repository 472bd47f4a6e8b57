package gov.ice.registry.projection.audit;

import gov.ice.registry.projection.export.Labels;
import gov.ice.registry.projection.export.Labels.Kind;
import gov.ice.registry.projection.export.SpreadsheetCsv;
import java.util.Arrays;
import java.util.List;

/**
 * Approvals as CSV, written by the registry's one spreadsheet-safe writer ({@link SpreadsheetCsv}):
 * with codes for programs ({@link #header()}, {@link #row}: the API's {@code format=csv}) and in the
 * handbook's words for people ({@link #headerInWords()}, {@link #rowInWords}: the page's download).
 */
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

  /** The header for people: the columns in words ({@link Labels}). */
  public static String headerInWords() {
    return SpreadsheetCsv.header(Labels.columns(COLUMNS));
  }

  /** A row for people: types, decisions, offices and roles in words; ids, dates, names and rule ids as they are. */
  public static String rowInWords(Approval a) {
    return SpreadsheetCsv.row(Arrays.asList(
        a.at() == null ? null : a.at().toString(), a.agreementId(), a.title(), Labels.of(Kind.APPROVAL_TYPE, a.type()),
        Labels.of(Kind.APPROVAL_DECISION, a.decision()), office(a.office()), a.party(), a.signatoryName(), a.actorUsername(),
        a.actorDisplayName(), Labels.all(Kind.ROLE, a.actorRoles(), "; "), String.valueOf(a.draftVersion()), a.comment(),
        String.join(";", a.rules())));
  }

  /** The office column in words: a stakeholder office, a signatory authority, a directorate or the Director. */
  public static String office(String office) {
    return office == null ? null : Labels.first(office, Kind.OFFICE, Kind.AUTHORITY, Kind.DIRECTORATE, Kind.APPROVAL_OFFICE);
  }

  public static String row(Approval a) {
    return SpreadsheetCsv.row(Arrays.asList(
        a.at() == null ? null : a.at().toString(), a.agreementId(), a.title(), a.type(), a.decision(), a.office(),
        a.party(), a.signatoryName(), a.actorUsername(), a.actorDisplayName(), String.join(";", a.actorRoles()),
        String.valueOf(a.draftVersion()), a.comment(), String.join(";", a.rules()), a.documentSha256()));
  }
}
