package gov.ice.registry.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * Documents made in the test with Apache PDFBox and Apache POI, holding known words, and hostile
 * ones built the same way: an encrypted PDF, a PDF whose cross-reference offset is wrong, a DOCX
 * that is a zip bomb, an executable named like a PDF.
 */
public final class SampleDocuments {

  private SampleDocuments() {}

  public static byte[] pdf(String words) {
    return pdf(words, false);
  }

  public static byte[] encryptedPdf(String words) {
    return pdf(words, true);
  }

  private static byte[] pdf(String words, boolean encrypted) {
    try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDPage page = new PDPage();
      document.addPage(page);
      try (PDPageContentStream text = new PDPageContentStream(document, page)) {
        text.beginText();
        text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
        text.newLineAtOffset(72, 700);
        text.showText(words);
        text.endText();
      }
      if (encrypted) {
        StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission());
        policy.setEncryptionKeyLength(128);
        document.protect(policy);
      }
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final String[] VOCABULARY = ("agreement party information sharing records detainer custody biometric request"
      + " response audit retention disposition safeguard system access privacy officer review annual quarterly notice state"
      + " federal county sheriff department exchange data category purpose authority signature clearance dissemination"
      + " marking handling protocol report incident breach notification training personnel security control").split(" ");

  /**
   * A PDF of about {@code targetBytes} (uncompressed pages of 50 lines of words drawn with
   * {@code seed}), with {@code phrase} on its first page: what the benchmark attaches.
   */
  public static byte[] pdfOfSize(String phrase, int targetBytes, long seed) {
    java.util.Random random = new java.util.Random(seed);
    try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      long written = 0;
      boolean first = true;
      while (first || written < targetBytes - 2048) {
        PDPage page = new PDPage();
        document.addPage(page);
        try (PDPageContentStream text = new PDPageContentStream(document, page, PDPageContentStream.AppendMode.OVERWRITE, false)) {
          text.beginText();
          text.setFont(font, 9);
          text.setLeading(12);
          text.newLineAtOffset(50, 740);
          for (int line = 0; line < 50; line++) {
            StringBuilder words = new StringBuilder(first && line == 0 ? phrase + " " : "");
            while (words.length() < 90) {
              words.append(VOCABULARY[random.nextInt(VOCABULARY.length)]).append(' ');
            }
            text.showText(words.toString().trim());
            text.newLine();
            written += words.length() + 12;
          }
          text.endText();
        }
        written += 200;
        first = false;
      }
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A PDF whose {@code startxref} points nowhere: readers must rebuild the table, or fail. */
  public static byte[] pdfWithBadXref(String words) {
    String pdf = new String(pdf(words), StandardCharsets.ISO_8859_1);
    int at = pdf.lastIndexOf("startxref");
    String broken = pdf.substring(0, at) + "startxref\n999999999\n%%EOF\n";
    return broken.getBytes(StandardCharsets.ISO_8859_1);
  }

  public static byte[] docx(String words) {
    try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      document.createParagraph().createRun().setText(words);
      document.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A DOCX whose one extra part expands 64 MB of zeros from a few kilobytes. */
  public static byte[] zipBombDocx() {
    try (ByteArrayOutputStream out = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(out)) {
      copyEntries(docx("a harmless first page"), zip);
      zip.putNextEntry(new ZipEntry("word/media/image1.bin"));
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 64; i++) {
        zip.write(zeros);
      }
      zip.closeEntry();
      zip.finish();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A ZIP archive with a DOCX's name and no Word content. */
  public static byte[] plainZip() {
    try (ByteArrayOutputStream out = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("notes.txt"));
      zip.write("not a document".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
      zip.finish();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The start of a Windows executable: the MZ header and a PE signature where it points. */
  public static byte[] executable() {
    byte[] exe = new byte[1024];
    exe[0] = 'M';
    exe[1] = 'Z';
    exe[0x3c] = (byte) 0x80;
    exe[0x80] = 'P';
    exe[0x81] = 'E';
    return exe;
  }

  private static void copyEntries(byte[] docx, ZipOutputStream zip) throws IOException {
    try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(docx))) {
      ZipEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        zip.putNextEntry(new ZipEntry(entry.getName()));
        in.transferTo(zip);
        zip.closeEntry();
      }
    }
  }
}
