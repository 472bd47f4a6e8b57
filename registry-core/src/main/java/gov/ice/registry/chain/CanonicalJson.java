package gov.ice.registry.chain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * JSON as the ledger hashes it, with nothing but the JDK, so that the offline verifier runs
 * from the bare jar and an auditor can read every line of what it trusts.
 *
 * <p>Values are {@code Map<String, Object>} (insertion ordered), {@code List<Object>},
 * {@code String}, {@code BigInteger}, {@code Boolean} and {@code null}. Only integers occur
 * in the ledger, so a number with a fraction or exponent is refused rather than given one of
 * the several possible canonical forms.
 *
 * <p>The canonical form is RFC 8785 (JCS) restricted to integers: object members sorted by
 * their names' UTF-16 code units ({@link String#compareTo}), no whitespace, strings escaped
 * only where JSON requires it ({@code \"}, {@code \\}, {@code \b \f \n \r \t}, other
 * characters below U+0020 as six-character escapes with lowercase hex digits), everything else
 * written as UTF-8.
 */
public final class CanonicalJson {

  private CanonicalJson() {}

  /** Parses strict JSON (RFC 8259): no duplicate names, no leading zeros, nothing after the value. */
  public static Object parse(String json) {
    Parser parser = new Parser(json);
    parser.skipWhitespace();
    Object value = parser.value();
    parser.skipWhitespace();
    if (parser.position != json.length()) {
      throw parser.error("unexpected content after the JSON value");
    }
    return value;
  }

  /** The canonical text of {@code value}. */
  public static String canonical(Object value) {
    StringBuilder out = new StringBuilder();
    write(value, out, true);
    return out.toString();
  }

  /** Compact JSON keeping each object's member order: for rewriting stored payloads as they were. */
  public static String compact(Object value) {
    StringBuilder out = new StringBuilder();
    write(value, out, false);
    return out.toString();
  }

  @SuppressWarnings("unchecked")
  private static void write(Object value, StringBuilder out, boolean sorted) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String s) {
      writeString(s, out);
    } else if (value instanceof Boolean b) {
      out.append(b);
    } else if (value instanceof BigInteger || value instanceof Long || value instanceof Integer
        || value instanceof Short || value instanceof Byte) {
      out.append(value);
    } else if (value instanceof BigDecimal d) {
      try {
        out.append(d.toBigIntegerExact());
      } catch (ArithmeticException e) {
        throw new IllegalArgumentException("the ledger holds integers only, not " + d, e);
      }
    } else if (value instanceof Map<?, ?> map) {
      Map<String, Object> members = sorted ? new TreeMap<>() : new LinkedHashMap<>();
      map.forEach((k, v) -> members.put((String) k, v));
      out.append('{');
      boolean first = true;
      for (Map.Entry<String, Object> member : members.entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        writeString(member.getKey(), out);
        out.append(':');
        write(member.getValue(), out, sorted);
      }
      out.append('}');
    } else if (value instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        write(list.get(i), out, sorted);
      }
      out.append(']');
    } else {
      throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
    }
  }

  private static void writeString(String s, StringBuilder out) {
    out.append('"');
    if (!needsEscape(s)) {
      // Most ledger strings need no escape: one copy instead of one append per character.
      out.append(s).append('"');
      return;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private static boolean needsEscape(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == '"' || c == '\\') {
        return true;
      }
    }
    return false;
  }

  /** Thrown for text that is not strict JSON; says where. */
  public static final class MalformedJson extends IllegalArgumentException {

    MalformedJson(String message) {
      super(message);
    }
  }

  private static final class Parser {

    private final String text;
    private int position;

    Parser(String text) {
      this.text = text;
    }

    Object value() {
      if (position >= text.length()) {
        throw error("unexpected end of input");
      }
      char c = text.charAt(position);
      return switch (c) {
        case '{' -> object();
        case '[' -> array();
        case '"' -> string();
        case 't' -> literal("true", Boolean.TRUE);
        case 'f' -> literal("false", Boolean.FALSE);
        case 'n' -> literal("null", null);
        default -> {
          if (c == '-' || (c >= '0' && c <= '9')) {
            yield number();
          }
          throw error("unexpected character '" + c + "'");
        }
      };
    }

    private Map<String, Object> object() {
      position++;
      Map<String, Object> members = new LinkedHashMap<>();
      skipWhitespace();
      if (peek() == '}') {
        position++;
        return members;
      }
      while (true) {
        skipWhitespace();
        if (peek() != '"') {
          throw error("expected a member name");
        }
        String name = string();
        skipWhitespace();
        expect(':');
        skipWhitespace();
        Object value = value();
        if (members.containsKey(name)) {
          throw error("duplicate member \"" + name + "\"");
        }
        members.put(name, value);
        skipWhitespace();
        char c = next();
        if (c == '}') {
          return members;
        }
        if (c != ',') {
          throw error("expected ',' or '}'");
        }
      }
    }

    private List<Object> array() {
      position++;
      List<Object> items = new ArrayList<>();
      skipWhitespace();
      if (peek() == ']') {
        position++;
        return items;
      }
      while (true) {
        skipWhitespace();
        items.add(value());
        skipWhitespace();
        char c = next();
        if (c == ']') {
          return items;
        }
        if (c != ',') {
          throw error("expected ',' or ']'");
        }
      }
    }

    private String string() {
      position++;
      // Most strings hold no escape: take them as one substring.
      for (int end = position; end < text.length(); end++) {
        char c = text.charAt(end);
        if (c == '"') {
          String plain = text.substring(position, end);
          position = end + 1;
          return plain;
        }
        if (c == '\\' || c < 0x20) {
          break;
        }
      }
      StringBuilder out = new StringBuilder();
      while (true) {
        char c = next();
        if (c == '"') {
          return out.toString();
        }
        if (c < 0x20) {
          throw error("unescaped control character in a string");
        }
        if (c != '\\') {
          out.append(c);
          continue;
        }
        char e = next();
        switch (e) {
          case '"' -> out.append('"');
          case '\\' -> out.append('\\');
          case '/' -> out.append('/');
          case 'b' -> out.append('\b');
          case 'f' -> out.append('\f');
          case 'n' -> out.append('\n');
          case 'r' -> out.append('\r');
          case 't' -> out.append('\t');
          case 'u' -> {
            if (position + 4 > text.length()) {
              throw error("truncated \\u escape");
            }
            String hex = text.substring(position, position + 4);
            if (!hex.matches("[0-9a-fA-F]{4}")) {
              throw error("bad \\u escape");
            }
            out.append((char) Integer.parseInt(hex, 16));
            position += 4;
          }
          default -> throw error("bad escape \\" + e);
        }
      }
    }

    private Object number() {
      int start = position;
      if (peek() == '-') {
        position++;
      }
      if (peek() == '0') {
        position++;
        if (isDigit(peek())) {
          throw error("leading zero in a number");
        }
      } else {
        digits();
      }
      boolean integral = true;
      if (peek() == '.') {
        integral = false;
        position++;
        digits();
      }
      if (peek() == 'e' || peek() == 'E') {
        integral = false;
        position++;
        if (peek() == '+' || peek() == '-') {
          position++;
        }
        digits();
      }
      String literal = text.substring(start, position);
      return integral ? new BigInteger(literal) : new BigDecimal(literal);
    }

    private void digits() {
      int start = position;
      while (isDigit(peek())) {
        position++;
      }
      if (position == start) {
        throw error("expected a digit");
      }
    }

    private static boolean isDigit(char c) {
      return c >= '0' && c <= '9';
    }

    private Object literal(String word, Object value) {
      if (!text.startsWith(word, position)) {
        throw error("unexpected literal");
      }
      position += word.length();
      return value;
    }

    void skipWhitespace() {
      while (position < text.length()) {
        char c = text.charAt(position);
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
          return;
        }
        position++;
      }
    }

    private char peek() {
      return position < text.length() ? text.charAt(position) : '\0';
    }

    private char next() {
      if (position >= text.length()) {
        throw error("unexpected end of input");
      }
      return text.charAt(position++);
    }

    private void expect(char c) {
      if (next() != c) {
        throw error("expected '" + c + "'");
      }
    }

    MalformedJson error(String message) {
      return new MalformedJson(message + " at offset " + position);
    }
  }
}
