package gov.ice.registry.document;

import java.text.Normalizer;

/**
 * A file name as the registry stores and shows it: the last segment of any path, in NFC, without
 * control characters or the Unicode direction controls that make {@code evil\u202Efdp.exe} read as
 * {@code evilexe.pdf}, trimmed of spaces and leading dots, at most 200 characters.
 */
final class FileNames {

  static final int MAX_LENGTH = 200;

  private FileNames() {}

  static String clean(String name) {
    String value = name == null ? "" : Normalizer.normalize(name, Normalizer.Form.NFC);
    int slash = Math.max(value.lastIndexOf('/'), value.lastIndexOf('\\'));
    value = value.substring(slash + 1);
    StringBuilder kept = new StringBuilder();
    value.codePoints().filter(c -> !Character.isISOControl(c) && !directionControl(c) && Character.getType(c) != Character.FORMAT
        && Character.getType(c) != Character.UNASSIGNED && Character.getType(c) != Character.PRIVATE_USE
        && Character.getType(c) != Character.SURROGATE).forEach(kept::appendCodePoint);
    value = kept.toString().strip();
    while (value.startsWith(".")) {
      value = value.substring(1).strip();
    }
    if (value.codePointCount(0, value.length()) > MAX_LENGTH) {
      int dot = value.lastIndexOf('.');
      String extension = dot > 0 && value.length() - dot <= 10 ? value.substring(dot) : "";
      value = value.substring(0, value.offsetByCodePoints(0, MAX_LENGTH - extension.length())) + extension;
    }
    return value.isEmpty() ? "document" : value;
  }

  private static boolean directionControl(int c) {
    return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
  }
}
