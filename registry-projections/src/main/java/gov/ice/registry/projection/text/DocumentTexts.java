package gov.ice.registry.projection.text;

import gov.ice.registry.projection.text.DocumentTextExtractor.NotExtracted;
import gov.ice.registry.projection.text.DocumentTextExtractor.Result;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * The text of an attached document by its SHA-256: its bytes from the document store, read by
 * {@link DocumentTextExtractor}. What the search index asks for each {@code DocumentAttached}.
 */
public final class DocumentTexts implements AutoCloseable {

  /** The bytes of attached documents by SHA-256, as the ledger's database keeps them; empty when withdrawn or absent. */
  @FunctionalInterface
  public interface Bytes {
    Optional<InputStream> open(String sha256) throws IOException;
  }

  /** Without a document store: every document is "text not extracted". */
  public static final Bytes NONE = sha256 -> Optional.empty();

  private final Bytes bytes;
  private final DocumentTextExtractor extractor;

  public DocumentTexts(Bytes bytes, DocumentTextExtractor extractor) {
    this.bytes = bytes;
    this.extractor = extractor;
  }

  /** The document's text, or why there is none; never an exception. Blocks up to the extractor's time limit. */
  public Result of(String sha256, long size, String fileName, String mediaType) {
    if (size > extractor.limits().maxBytes()) {
      return new NotExtracted("larger than " + extractor.limits().maxBytes() + " bytes");
    }
    Optional<InputStream> content;
    try {
      content = bytes.open(sha256);
    } catch (IOException | RuntimeException e) {
      return new NotExtracted("the document's bytes could not be read: " + DocumentTextExtractor.describe(e));
    }
    if (content.isEmpty()) {
      return new NotExtracted("no bytes stored under " + sha256);
    }
    return extractor.extract(content.get(), fileName, mediaType);
  }

  @Override
  public void close() {
    extractor.close();
  }
}
