package gov.ice.registry.document;

import java.io.IOException;

/** The edge's door to {@link DocumentTypes} and {@link FileNames}: the checks an upload passes before it is stored. */
public final class DocumentTypeCheck {

  private final DocumentTypes types = new DocumentTypes();

  /** The media type to store {@code upload} under; throws {@link DocumentRefused} (415) otherwise. */
  public String mediaTypeOf(Upload upload) throws IOException {
    return types.check(upload.file(), FileNames.clean(upload.fileName()), upload.declaredType());
  }

  public String cleanName(String fileName) {
    return FileNames.clean(fileName);
  }
}
