package gov.ice.registry.document;

import org.springframework.http.HttpStatus;

/**
 * An upload or a download the registry refuses before anything is stored or sent: too large
 * (413), a type it does not accept (415), content withdrawn (410), or an unknown document (404).
 * The problem mapping answers it as problem+json with {@link #slug()} as its type.
 */
public class DocumentRefused extends RuntimeException {

  private final HttpStatus status;
  private final String slug;
  private final String title;

  public DocumentRefused(HttpStatus status, String slug, String title, String detail) {
    super(detail);
    this.status = status;
    this.slug = slug;
    this.title = title;
  }

  static DocumentRefused unsupported(String detail) {
    return new DocumentRefused(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "document-type-refused", "Document type not accepted", detail);
  }

  static DocumentRefused tooLarge(long maxBytes) {
    return new DocumentRefused(HttpStatus.PAYLOAD_TOO_LARGE, "document-too-large", "Document too large",
        "The document exceeds the limit of " + maxBytes + " bytes (REGISTRY_DOCUMENTS_MAX_SIZE).");
  }

  public HttpStatus status() {
    return status;
  }

  public String slug() {
    return slug;
  }

  public String title() {
    return title;
  }
}
