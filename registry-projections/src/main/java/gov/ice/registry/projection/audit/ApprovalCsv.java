package gov.ice.registry.projection.audit;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Approvals as CSV (RFC 4180, CRLF line ends, UTF-8 with a byte order mark so Excel reads
 * accents), safe to open in a spreadsheet in any locale: auditors open these files.
 *
 * <ul>
 *   <li>A cell a spreadsheet would run as a formula gets an apostrophe in front: one whose first
 *       visible character is {@code = + - @} or their full-width forms ({@code ＝ ＋ － ＠}), after
 *       any leading whitespace, or that starts with a tab or a line break. A plain number such as
 *       {@code -5} is data, not a formula, and stays as it is.
 *   <li>A cell holding {@code ;} is quoted as well as one holding {@code ,}, a quote or a line
 *       break, since locales that use a comma for decimals separate cells with semicolons.
 * </ul>
 */
public final class ApprovalCsv {

  public static final List<String> COLUMNS = List.of(
      "at", "agreementId", "title", "type", "decision", "office", "party", "signatoryName",
      "actorUsername", "actorDisplayName", "actorRoles", "draftVersion", "comment", "rules");

  /** Starts a file: Excel takes UTF-8 without it for the locale's legacy code page. */
  public static final String BYTE_ORDER_MARK = "\uFEFF";

  private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?\\d+([.,]\\d+)?");
  private static final String FORMULA_STARTS = "=+-@\uFF1D\uFF0B\uFF0D\uFF20";

  private ApprovalCsv() {}

  public static String header() {
    return BYTE_ORDER_MARK + String.join(",", COLUMNS) + "\r\n";
  }

  public static String row(Approval a) {
    return Stream.of(
            a.at() == null ? null : a.at().toString(), a.agreementId(), a.title(), a.type(), a.decision(), a.office(),
            a.party(), a.signatoryName(), a.actorUsername(), a.actorDisplayName(), String.join(";", a.actorRoles()),
            String.valueOf(a.draftVersion()), a.comment(), String.join(";", a.rules()))
        .map(ApprovalCsv::cell)
        .collect(Collectors.joining(",")) + "\r\n";
  }

  static String cell(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    String safe = readAsFormula(value) ? "'" + value : value;
    boolean quote = safe.chars().anyMatch(c -> c == ',' || c == ';' || c == '"' || c == '\n' || c == '\r')
        || !safe.equals(safe.strip());
    return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
  }

  static boolean readAsFormula(String value) {
    char first = value.charAt(0);
    if (first == '\t' || first == '\r' || first == '\n') {
      return true;
    }
    String visible = value.strip();
    if (visible.isEmpty() || PLAIN_NUMBER.matcher(visible).matches()) {
      return false;
    }
    return FORMULA_STARTS.indexOf(visible.charAt(0)) >= 0;
  }
}
