package gov.ice.registry.projection.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Cells a spreadsheet opens safely in any locale: no formula runs, no cell splits at a semicolon. */
class ApprovalCsvTest {

  @Test
  void neutralisesFormulasAfterLeadingWhitespaceAndInFullWidthForms() {
    assertThat(ApprovalCsv.cell("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
    assertThat(ApprovalCsv.cell("  =1+1")).isEqualTo("'  =1+1");
    assertThat(ApprovalCsv.cell("\u3000=1+1")).isEqualTo("'\u3000=1+1");
    assertThat(ApprovalCsv.cell("\uFF1DSUM(A1)")).isEqualTo("'\uFF1DSUM(A1)");
    assertThat(ApprovalCsv.cell("\uFF0B1")).isEqualTo("'\uFF0B1");
    assertThat(ApprovalCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(ApprovalCsv.cell("+1-202-555-0142")).isEqualTo("'+1-202-555-0142");
    assertThat(ApprovalCsv.cell("-2+3")).isEqualTo("'-2+3");
    assertThat(ApprovalCsv.cell("\tcmd")).isEqualTo("'\tcmd");
    assertThat(ApprovalCsv.cell("\r\n=cmd")).isEqualTo("\"'\r\n=cmd\"");
  }

  @Test
  void prefixesOnlyWhatWouldBeReadAsAFormula() {
    assertThat(ApprovalCsv.cell("Concur.")).isEqualTo("Concur.");
    assertThat(ApprovalCsv.cell("-5")).isEqualTo("-5");
    assertThat(ApprovalCsv.cell("+12.5")).isEqualTo("+12.5");
    assertThat(ApprovalCsv.cell("2026-01-15T10:00:00Z")).isEqualTo("2026-01-15T10:00:00Z");
    assertThat(ApprovalCsv.cell("a = b")).isEqualTo("a = b");
    assertThat(ApprovalCsv.cell("O'Brien")).isEqualTo("O'Brien");
    assertThat(ApprovalCsv.cell(null)).isEmpty();
  }

  @Test
  void quotesEveryCellHoldingASemicolonCommaQuoteOrLineBreak() {
    assertThat(ApprovalCsv.cell("IGP;AUDITOR")).isEqualTo("\"IGP;AUDITOR\"");
    assertThat(ApprovalCsv.cell("S1;S3")).isEqualTo("\"S1;S3\"");
    assertThat(ApprovalCsv.cell("too broad, \"bulk\"")).isEqualTo("\"too broad, \"\"bulk\"\"\"");
    assertThat(ApprovalCsv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
  }

  @Test
  void startsTheFileWithAByteOrderMarkForExcel() {
    assertThat(ApprovalCsv.header()).startsWith("\uFEFFat,agreementId,").endsWith("\r\n");
  }
}
