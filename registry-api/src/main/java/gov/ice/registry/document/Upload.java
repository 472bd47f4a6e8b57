package gov.ice.registry.document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * One received upload: the file written to a temporary file while it was hashed, and the form's
 * other fields. The temporary file is the caller's to {@link #discard()} once the bytes are stored.
 *
 * @param fileName the name as the client sent it, not yet cleaned
 * @param declaredType the part's Content-Type, if it had one
 */
public record Upload(Path file, String sha256, long size, String fileName, String declaredType, Map<String, String> fields) {

  public void discard() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
