package gov.ice.registry.web.agreement;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The answer to a bulk import (API.md): how many rows ended each way, and one entry per row
 * with every problem of a rejected one. {@code line} is the row's line in the file: for CSV the
 * header is line 1 and a row's number counts records, so a cell holding a line break does not
 * shift the rows after it.
 */
public record ImportReport(Totals totals, List<Row> rows) {

  public enum Outcome { IMPORTED, WOULD_IMPORT, ALREADY_IMPORTED, REJECTED }

  public record Totals(int imported, int wouldImport, int alreadyImported, int rejected) {}

  /** {@code field} is the JSON path in an import body ({@code parties[0].kind}), or null for the row as a whole. */
  @Schema(name = "ImportProblem")
  public record Problem(String field, String message, List<String> rules) {}

  public record Row(long line, Outcome outcome, String id, String externalReference, List<Problem> problems) {}

  /**
   * Why an import ended before its last row ({@link ImportInterrupted}): {@code reason} is
   * {@code STOPPING}, {@code STORE_UNAVAILABLE} or {@code FAILED}; nothing from
   * {@code notImportedFromLine} on was imported.
   */
  @Schema(name = "ImportInterruption")
  public record Interruption(
      @Schema(allowableValues = {"STOPPING", "STORE_UNAVAILABLE", "FAILED"}, example = "STOPPING") String reason,
      long notImportedFromLine,
      @Schema(example = "The registry is stopping: the 200 row(s) before line 201 are reported as decided (200 imported and stored); "
          + "rows from line 201 on were not imported; send them again.") String detail) {}

  /**
   * The last line of a report streamed as JSON lines, after one line per row: the totals, and
   * {@code interrupted} when the import ended early (absent otherwise).
   */
  @Schema(name = "ImportReportEnd")
  public record End(Totals totals, @JsonInclude(JsonInclude.Include.NON_NULL) Interruption interrupted) {}

  static ImportReport of(List<Row> rows) {
    int[] counts = new int[Outcome.values().length];
    rows.forEach(row -> counts[row.outcome().ordinal()]++);
    return new ImportReport(new Totals(counts[Outcome.IMPORTED.ordinal()], counts[Outcome.WOULD_IMPORT.ordinal()],
        counts[Outcome.ALREADY_IMPORTED.ordinal()], counts[Outcome.REJECTED.ordinal()]), rows);
  }
}
