package gov.ice.registry.web.pages;

import java.util.List;
import java.util.stream.Collectors;

/**
 * RFC 4180 rows (CRLF), with cells a spreadsheet would run as a formula prefixed with {@code '},
 * as the JSON API's CSV does (README, "Queries over HTTP").
 */
final class Csv {

  private Csv() {}

  static String row(List<?> cells) {
    return cells.stream().map(Csv::cell).collect(Collectors.joining(",")) + "\r\n";
  }

  private static String cell(Object value) {
    String text = value == null ? "" : value.toString();
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
      text = "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
  }
}
