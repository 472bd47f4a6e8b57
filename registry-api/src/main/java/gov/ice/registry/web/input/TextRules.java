package gov.ice.registry.web.input;

/**
 * What text from a client may hold: valid Unicode (no lone surrogate, no noncharacter such as
 * U+FFFF), no control characters except tab and line breaks, and not only invisible characters (a title of zero-width spaces looks empty to every reader but is
 * not blank to {@code @NotBlank}). Shared by request bodies, query parameters and imports.
 */
public final class TextRules {

  private TextRules() {}

  /** Why {@code text} is refused, or null when it is acceptable. */
  public static String problem(String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    boolean visible = false;
    boolean invisible = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isControl(c)) {
        return "must not contain control characters";
      }
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        if (isNoncharacter(text.codePointAt(i))) {
          return "must not contain Unicode noncharacters";
        }
        i++;
        visible = true;
        continue;
      }
      if (Character.isSurrogate(c)) {
        return "must be valid Unicode text (a lone surrogate is not)";
      }
      if (isNoncharacter(c)) {
        return "must not contain Unicode noncharacters";
      }
      if (isInvisible(c)) {
        invisible = true;
      } else if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
        visible = true;
      }
    }
    if (invisible && !visible) {
      return "must not be made only of invisible characters";
    }
    return null;
  }

  /** U+FDD0..U+FDEF and the last two code points of every plane: reserved for a program's internal use, never text. */
  static boolean isNoncharacter(int codePoint) {
    return (codePoint >= 0xFDD0 && codePoint <= 0xFDEF) || (codePoint & 0xFFFE) == 0xFFFE;
  }

  static boolean isControl(char c) {
    return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F);
  }

  /** Format characters (zero-width spaces and joiners, bidi marks, the BOM) and the blank letters that render as nothing. */
  static boolean isInvisible(char c) {
    return Character.getType(c) == Character.FORMAT
        || c == '\u115F' || c == '\u1160' || c == '\u3164' || c == '\uFFA0' || c == '\u2800' || c == '\u034F';
  }
}
