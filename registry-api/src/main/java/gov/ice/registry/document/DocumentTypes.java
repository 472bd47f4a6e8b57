package gov.ice.registry.document;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.tika.Tika;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;

/**
 * Decides an upload's media type from its content, with Apache Tika's detection (tika-core: magic
 * bytes and name globs, no parsers), and refuses what the registry does not keep. Accepted: PDF,
 * DOCX, ODT and plain text. Refused: anything whose content is another type (an executable with a
 * {@code .pdf} name is an executable), archives, a declared type that contradicts the content,
 * encrypted PDFs, encrypted or legacy Office files (an encrypted OOXML file is an OLE2 container,
 * not a ZIP), and ZIP containers that are not what they claim or that would expand out of all
 * proportion (a zip bomb): the entries' declared sizes are read from the central directory, never
 * expanded.
 */
final class DocumentTypes {

  static final String PDF = "application/pdf";
  static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  static final String ODT = "application/vnd.oasis.opendocument.text";
  static final String TEXT = "text/plain";

  private static final Set<String> ACCEPTED = Set.of(PDF, DOCX, ODT, TEXT);

  /** What the content alone may say for each accepted type: a DOCX is a ZIP to the magic bytes. */
  private static final Map<String, Set<String>> CONTENT_FOR = Map.of(
      PDF, Set.of(PDF),
      TEXT, Set.of(TEXT),
      DOCX, Set.of("application/zip", "application/x-tika-ooxml", DOCX),
      ODT, Set.of(ODT, "application/zip"));

  /** Declared types that say nothing about the content. */
  private static final Set<String> UNDECLARED = Set.of("application/octet-stream", "binary/octet-stream");

  static final int MAX_ZIP_ENTRIES = 10_000;
  static final long MAX_EXPANDED_BYTES = 512L << 20;
  static final long MAX_RATIO = 100;

  private final Tika tika = new Tika();

  /** The media type to store {@code file} under; throws {@link DocumentRefused} (415) otherwise. */
  String check(Path file, String fileName, String declared) throws IOException {
    String byContent = detect(file, null);
    String byContentAndName = detect(file, fileName);
    if (!ACCEPTED.contains(byContentAndName)) {
      throw DocumentRefused.unsupported("The content is " + byContent + "; the registry keeps PDF, DOCX, ODT and plain text only.");
    }
    if (!CONTENT_FOR.get(byContentAndName).contains(byContent)) {
      throw DocumentRefused.unsupported("The name says " + byContentAndName + " but the content is " + byContent + ".");
    }
    String declaredType = declared == null ? null : MediaType.parse(declared) == null ? declared : MediaType.parse(declared).getBaseType().toString();
    if (declaredType != null && !UNDECLARED.contains(declaredType) && !declaredType.equals(byContentAndName)) {
      throw DocumentRefused.unsupported("The file was declared " + declaredType + " but its content is " + byContentAndName + ".");
    }
    switch (byContentAndName) {
      case PDF -> refuseEncryptedPdf(file);
      case DOCX -> checkContainer(file, "word/document.xml", "[Content_Types].xml");
      case ODT -> checkContainer(file, "content.xml", "mimetype");
      default -> { }
    }
    return byContentAndName;
  }

  private String detect(Path file, String name) throws IOException {
    Metadata metadata = new Metadata();
    if (name != null) {
      metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
    }
    try (InputStream in = TikaInputStream.get(file)) {
      return MediaType.parse(tika.detect(in, metadata)).getBaseType().toString();
    }
  }

  /**
   * A PDF's encryption dictionary is named by {@code /Encrypt} in its trailer (or its
   * cross-reference stream's dictionary), which is never compressed: a scan of the raw bytes finds
   * it wherever incremental updates put it.
   */
  private static void refuseEncryptedPdf(Path file) throws IOException {
    byte[] marker = "/Encrypt".getBytes(StandardCharsets.US_ASCII);
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[1 << 16];
      int matched = 0;
      int n;
      while ((n = in.read(buffer)) > 0) {
        for (int i = 0; i < n; i++) {
          matched = buffer[i] == marker[matched] ? matched + 1 : buffer[i] == marker[0] ? 1 : 0;
          if (matched == marker.length) {
            throw DocumentRefused.unsupported("The PDF is encrypted or password-protected; attach an unprotected copy.");
          }
        }
      }
    }
  }

  private static void checkContainer(Path file, String... required) throws IOException {
    long compressed = Files.size(file);
    long expanded = 0;
    int entries = 0;
    try (ZipFile zip = new ZipFile(file.toFile())) {
      for (String name : required) {
        if (zip.getEntry(name) == null) {
          throw DocumentRefused.unsupported("The file is a ZIP archive, not a document: it lacks " + name + ".");
        }
      }
      Enumeration<? extends ZipEntry> all = zip.entries();
      while (all.hasMoreElements()) {
        ZipEntry entry = all.nextElement();
        entries++;
        long size = entry.getSize();
        expanded += size < 0 ? 0 : size;
        if (entries > MAX_ZIP_ENTRIES || expanded > MAX_EXPANDED_BYTES || expanded > MAX_RATIO * Math.max(compressed, 1024)) {
          throw DocumentRefused.unsupported("The document would expand to more than its content allows (a zip bomb).");
        }
      }
    } catch (java.util.zip.ZipException e) {
      throw DocumentRefused.unsupported("The document's ZIP container is damaged: " + e.getMessage());
    }
  }
}
