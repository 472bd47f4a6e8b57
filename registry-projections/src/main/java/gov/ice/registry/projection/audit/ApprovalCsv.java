package gov.ice.registry.projection.audit;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Approvals as CSV (RFC 4180, CRLF line ends). A cell that a spreadsheet would run as a formula
 * (starting with =, +, -, @, tab or CR) is prefixed with an apostrophe: auditors open these files.
 */
public final class ApprovalCsv {

  public static final List<String> COLUMNS = List.of(
      "at", "agreementId", "title", "type", "decision", "office", "party", "signatoryName",
      "actorUsername", "actorDisplayName", "actorRoles", "draftVersion", "comment", "rules");

  private ApprovalCsv() {}

  public static String header() {
    return String.join(",", COLUMNS) + "\r\n";
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
    String safe = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    boolean quote = safe.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r') || !safe.equals(safe.strip());
    return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
  }
}
