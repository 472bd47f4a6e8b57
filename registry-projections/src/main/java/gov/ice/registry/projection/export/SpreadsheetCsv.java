package gov.ice.registry.projection.export;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The registry's one CSV writer: RFC 4180 rows with CRLF line ends, files in UTF-8 starting with a
 * byte order mark (Excel otherwise reads them in the locale's legacy code page), and cells safe to
 * open in a spreadsheet in any locale, since auditors and analysts open these files:
 *
 * <ul>
 *   <li>A cell a spreadsheet would run as a formula gets an apostrophe in front: one whose first
 *       visible character is {@code = + - @} or their full-width forms ({@code ＝ ＋ － ＠}), after
 *       any leading whitespace (a no-break or ideographic space included), or that starts with a tab
 *       or a line break. A plain number such as {@code -5} is data, not a formula, and stays as is.
 *   <li>A cell holding {@code ;} is quoted as well as one holding {@code ,}, a quote or a line
 *       break, since locales that use a comma for decimals separate cells with semicolons; so is
 *       one with leading or trailing whitespace, which a spreadsheet would otherwise trim.
 * </ul>
 *
 * <p>Our own code rather than jackson-dataformat-csv's generator: the generator quotes only for
 * its separator, quote and line breaks, and has no notion of formulas, so both rules above would
 * be written around it anyway; what is left is a join.
 */
public final class SpreadsheetCsv {

  /** Starts a file: Excel takes UTF-8 without it for the locale's legacy code page. */
  public static final String BYTE_ORDER_MARK = "\uFEFF";

  private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?\\d+([.,]\\d+)?");
  private static final String FORMULA_STARTS = "=+-@\uFF1D\uFF0B\uFF0D\uFF20";

  private SpreadsheetCsv() {}

  /** The first line of a file: the byte order mark and the column names. */
  public static String header(List<String> columns) {
    return BYTE_ORDER_MARK + row(columns);
  }

  /**
   * The first line of a file whose rows carry handling markings: the byte order mark and the
   * banner, so a file opened or printed says how to handle it; {@link #columns} follow.
   */
  public static String banner(String banner) {
    return BYTE_ORDER_MARK + row(List.of(banner));
  }

  /** The column names after a {@link #banner} line. */
  public static String columns(List<String> columns) {
    return row(columns);
  }

  /** One row; a null cell is empty. */
  public static String row(List<?> cells) {
    return cells.stream().map(c -> cell(c == null ? null : c.toString())).collect(Collectors.joining(",")) + "\r\n";
  }

  public static String cell(String value) {
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
    // strip() leaves U+00A0 (no-break space), which spreadsheets skip like any other space.
    String visible = value.replace('\u00A0', ' ').strip();
    if (visible.isEmpty() || PLAIN_NUMBER.matcher(visible).matches()) {
      return false;
    }
    return FORMULA_STARTS.indexOf(visible.charAt(0)) >= 0;
  }
}
