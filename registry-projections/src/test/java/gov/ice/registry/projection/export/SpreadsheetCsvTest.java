package gov.ice.registry.projection.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Cells a spreadsheet opens safely in any locale: no formula runs, no cell splits at a semicolon. */
class SpreadsheetCsvTest {

  @Test
  void neutralisesFormulasAfterLeadingWhitespaceAndInFullWidthForms() {
    assertThat(SpreadsheetCsv.cell("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
    assertThat(SpreadsheetCsv.cell("  =1+1")).isEqualTo("'  =1+1");
    assertThat(SpreadsheetCsv.cell("\u3000=1+1")).isEqualTo("'\u3000=1+1");
    assertThat(SpreadsheetCsv.cell("\uFF1DSUM(A1)")).isEqualTo("'\uFF1DSUM(A1)");
    assertThat(SpreadsheetCsv.cell("\uFF0B1")).isEqualTo("'\uFF0B1");
    assertThat(SpreadsheetCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(SpreadsheetCsv.cell("+1-202-555-0142")).isEqualTo("'+1-202-555-0142");
    assertThat(SpreadsheetCsv.cell("-2+3")).isEqualTo("'-2+3");
    assertThat(SpreadsheetCsv.cell("\tcmd")).isEqualTo("'\tcmd");
    assertThat(SpreadsheetCsv.cell("\r\n=cmd")).isEqualTo("\"'\r\n=cmd\"");
    // What the repository page's CSV let through: a leading space, a no-break space, the full-width plus.
    assertThat(SpreadsheetCsv.cell(" =1+1")).isEqualTo("' =1+1");
    assertThat(SpreadsheetCsv.cell("\u00A0=1+1")).isEqualTo("'\u00A0=1+1");
    assertThat(SpreadsheetCsv.cell("\uFF0BSUM(A1)")).isEqualTo("'\uFF0BSUM(A1)");
  }

  @Test
  void prefixesOnlyWhatWouldBeReadAsAFormula() {
    assertThat(SpreadsheetCsv.cell("Concur.")).isEqualTo("Concur.");
    assertThat(SpreadsheetCsv.cell("-5")).isEqualTo("-5");
    assertThat(SpreadsheetCsv.cell("+12.5")).isEqualTo("+12.5");
    assertThat(SpreadsheetCsv.cell("2026-01-15T10:00:00Z")).isEqualTo("2026-01-15T10:00:00Z");
    assertThat(SpreadsheetCsv.cell("a = b")).isEqualTo("a = b");
    assertThat(SpreadsheetCsv.cell("O'Brien")).isEqualTo("O'Brien");
    assertThat(SpreadsheetCsv.cell(null)).isEmpty();
  }

  @Test
  void quotesEveryCellHoldingASemicolonCommaQuoteOrLineBreak() {
    assertThat(SpreadsheetCsv.cell("IGP;AUDITOR")).isEqualTo("\"IGP;AUDITOR\"");
    assertThat(SpreadsheetCsv.cell("S1;S3")).isEqualTo("\"S1;S3\"");
    assertThat(SpreadsheetCsv.cell("too broad, \"bulk\"")).isEqualTo("\"too broad, \"\"bulk\"\"\"");
    assertThat(SpreadsheetCsv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
  }

  @Test
  void startsTheFileWithAByteOrderMarkForExcelAndEndsRowsWithCrLf() {
    assertThat(SpreadsheetCsv.header(java.util.List.of("at", "agreementId"))).isEqualTo("\uFEFFat,agreementId\r\n");
    assertThat(SpreadsheetCsv.row(java.util.Arrays.asList("a;b", null, 3))).isEqualTo("\"a;b\",,3\r\n");
  }
}
