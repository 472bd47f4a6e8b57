package gov.ice.registry.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.ice.registry.support.SampleDocuments;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpStatus;

/** The type and name checks an upload passes, on files made in the test. */
class DocumentChecksTest {

  private final DocumentTypes types = new DocumentTypes();

  @TempDir
  Path directory;

  private String check(String name, String declared, byte[] bytes) throws Exception {
    Path file = Files.write(directory.resolve("upload"), bytes);
    return types.check(file, name, declared);
  }

  private void refused(String name, String declared, byte[] bytes, String reason) {
    assertThatThrownBy(() -> check(name, declared, bytes))
        .isInstanceOfSatisfying(DocumentRefused.class, r -> assertThat(r.status()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE))
        .hasMessageContaining(reason);
  }

  @Test
  void acceptsPdfDocxAndTextByTheirContent() throws Exception {
    assertThat(check("a.pdf", "application/pdf", SampleDocuments.pdf("words"))).isEqualTo(DocumentTypes.PDF);
    assertThat(check("a.docx", null, SampleDocuments.docx("words"))).isEqualTo(DocumentTypes.DOCX);
    assertThat(check("a.txt", "application/octet-stream", "plain words".getBytes(StandardCharsets.UTF_8))).isEqualTo(DocumentTypes.TEXT);
  }

  @Test
  void refusesWhatTheContentBelies() {
    refused("setup.pdf", "application/pdf", SampleDocuments.executable(), "The content is application/x-msdownload");
    refused("a.pdf", "application/pdf", SampleDocuments.encryptedPdf("secret"), "encrypted");
    refused("a.docx", null, SampleDocuments.zipBombDocx(), "zip bomb");
    refused("a.docx", null, SampleDocuments.plainZip(), "lacks word/document.xml");
    refused("a.zip", null, SampleDocuments.plainZip(), "PDF, DOCX, ODT and plain text only");
    refused("a.pdf", "text/plain", SampleDocuments.pdf("words"), "declared text/plain");
  }

  @Test
  void cleansFileNames() {
    assertThat(FileNames.clean("../../etc/passwd")).isEqualTo("passwd");
    assertThat(FileNames.clean("C:\\Users\\pat\\MOU.pdf")).isEqualTo("MOU.pdf");
    assertThat(FileNames.clean("invoice\u202Efdp.exe")).isEqualTo("invoicefdp.exe");
    assertThat(FileNames.clean("a\u0000b\u0007c.txt")).isEqualTo("abc.txt");
    assertThat(FileNames.clean("  ..hidden.txt ")).isEqualTo("hidden.txt");
    assertThat(FileNames.clean("/")).isEqualTo("document");
    assertThat(FileNames.clean("x".repeat(300) + ".pdf")).hasSize(FileNames.MAX_LENGTH).endsWith(".pdf");
  }
}
