package gov.ice.registry.projection.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import gov.ice.registry.projection.text.DocumentTextExtractor.Extracted;
import gov.ice.registry.projection.text.DocumentTextExtractor.Limits;
import gov.ice.registry.projection.text.DocumentTextExtractor.NotExtracted;
import gov.ice.registry.projection.text.DocumentTextExtractor.Result;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Text comes out of a PDF made with PDFBox and a DOCX made with POI; hostile and broken files
 * give "text not extracted" with a reason, within the time limit, and the extractor goes on
 * working after each.
 */
class DocumentTextExtractorTest {

  static final String PDF = "application/pdf";
  static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  /** Small limits, so that a limit is reached quickly. */
  static final Limits LIMITS = new Limits(2L * 1024 * 1024, 100_000, Duration.ofSeconds(5), 100, 100);
  /** Whatever happens inside, the caller has its answer by then. */
  static final Duration ANSWER = LIMITS.timeout().plusSeconds(10);

  static DocumentTextExtractor extractor;

  @BeforeAll
  static void start() {
    extractor = new DocumentTextExtractor(LIMITS);
  }

  @AfterAll
  static void stop() {
    extractor.close();
  }

  private static Result extract(byte[] bytes, String name, String type) {
    return assertTimeoutPreemptively(ANSWER, () -> extractor.extract(new ByteArrayInputStream(bytes), name, type));
  }

  /** The extractor still reads a good file after whatever came before. */
  private static void stillWorks() {
    Result after = extract(TestDocuments.pdf("still reading after that"), "after.pdf", PDF);
    assertThat(after).isInstanceOf(Extracted.class);
    assertThat(((Extracted) after).text()).contains("still reading after that");
  }

  @Test
  void readsThePdfsAndDocxsWords() {
    Result pdf = extract(TestDocuments.pdf("Memorandum of agreement on fingerprint reconciliation",
        "between the parties, signed in Galveston"), "moa.pdf", PDF);
    assertThat(pdf).isInstanceOf(Extracted.class);
    assertThat(((Extracted) pdf).text()).contains("fingerprint reconciliation", "Galveston");
    assertThat(((Extracted) pdf).truncated()).isFalse();

    Result docx = extract(TestDocuments.docx("Annex B: biometric wombat covenant", "Retention of records for seven years"),
        "annex.docx", DOCX);
    assertThat(docx).isInstanceOf(Extracted.class);
    assertThat(((Extracted) docx).text()).contains("biometric wombat covenant", "seven years");
  }

  @Test
  void keepsAtMostTheLimitOfCharactersAndSaysSo() {
    String[] paragraphs = new String[3000];
    java.util.Arrays.fill(paragraphs, "The parties share records of arrests weekly by secure transfer. ");
    Result long_ = extract(TestDocuments.docx(paragraphs), "long.docx", DOCX);
    assertThat(long_).isInstanceOf(Extracted.class);
    assertThat(((Extracted) long_).truncated()).isTrue();
    assertThat(((Extracted) long_).text().length()).isLessThanOrEqualTo(LIMITS.maxChars());
  }

  @Test
  void aZipBombInsideADocxIsNotExtracted() {
    byte[] bomb = TestDocuments.docxZipBomb(200);
    assertThat(bomb.length).isLessThan(LIMITS.maxBytes() > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) LIMITS.maxBytes());
    long start = System.nanoTime();
    Result result = extract(bomb, "bomb.docx", DOCX);
    assertThat(result).isInstanceOf(NotExtracted.class);
    assertThat(((NotExtracted) result).reason()).containsIgnoringCase("zip bomb");
    // Found at the first sign, long before the time limit: nothing inflated it whole.
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(LIMITS.timeout());
    stillWorks();
  }

  @Test
  void aDeeplyNestedPdfIsNotExtracted() {
    Result result = extract(TestDocuments.deeplyNestedPdf(200_000), "nested.pdf", PDF);
    assertThat(result).isInstanceOfAny(NotExtracted.class, Extracted.class);
    if (result instanceof Extracted text) {
      assertThat(text.text()).isBlank();
    }
    stillWorks();
  }

  @Test
  void aPdfWithABadCrossReferenceTableGivesAnAnswerAndNoMore() {
    Result result = extract(TestDocuments.pdfWithBadXref("broken cross reference"), "broken.pdf", PDF);
    // PDFBox may read the page anyway (it scans the file when the table is wrong), or refuse it.
    assertThat(result).isInstanceOfAny(NotExtracted.class, Extracted.class);
    stillWorks();
  }

  @Test
  void aPdfThatNeverEndsIsCutAtTheSizeLimit() {
    InputStream endless = new InputStream() {
      private final byte[] object = "1 0 obj\n<< /Length 0 >>\nendobj\n".getBytes(StandardCharsets.US_ASCII);
      private long at = -"%PDF-1.4\n".length();

      @Override
      public int read() {
        int b = at < 0 ? "%PDF-1.4\n".charAt((int) (at + 9)) : object[(int) (at % object.length)];
        at++;
        return b;
      }
    };
    Result result = assertTimeoutPreemptively(ANSWER, () -> extractor.extract(endless, "endless.pdf", PDF));
    assertThat(result).isInstanceOf(NotExtracted.class);
    assertThat(((NotExtracted) result).reason()).contains("larger than " + LIMITS.maxBytes() + " bytes");
    stillWorks();
  }

  @Test
  void aFileThatStallsIsStoppedAtTheTimeLimit() {
    InputStream stalled = new InputStream() {
      @Override
      public int read() throws IOException {
        while (!Thread.currentThread().isInterrupted()) {
          LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
        throw new InterruptedIOException("stopped");
      }
    };
    long start = System.nanoTime();
    Result result = assertTimeoutPreemptively(ANSWER, () -> extractor.extract(stalled, "stalled.pdf", PDF));
    assertThat(result).isEqualTo(new NotExtracted("extraction took longer than 5 s"));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(LIMITS.timeout().plusSeconds(3));
    stillWorks();
  }

  @Test
  void anEncryptedPdfIsNotExtractedAndSaysWhy() {
    Result result = extract(TestDocuments.encryptedPdf("secret", "locked words"), "locked.pdf", PDF);
    assertThat(result).isInstanceOf(NotExtracted.class);
    assertThat(((NotExtracted) result).reason()).containsIgnoringCase("password");
    stillWorks();
  }
}
