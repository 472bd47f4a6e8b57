package gov.ice.registry.web.agreement;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;

/**
 * The bytes of a bulk import, decoded as UTF-8 strictly: a byte sequence that is not UTF-8 is
 * found and reported by the line (JSON lines) or the row (CSV) that holds it, never stored as
 * U+FFFD. Java's readers replace such bytes silently; these decoders are set to report.
 */
final class ImportInput {

  private static final int BUFFER = 16 * 1024;

  private ImportInput() {}

  /** The body past an optional UTF-8 byte order mark (a spreadsheet's export starts with one). */
  static PushbackInputStream withoutBom(InputStream body) throws IOException {
    PushbackInputStream in = new PushbackInputStream(body, 3);
    byte[] first = in.readNBytes(3);
    boolean bom = first.length == 3 && (first[0] & 0xFF) == 0xEF && (first[1] & 0xFF) == 0xBB && (first[2] & 0xFF) == 0xBF;
    if (!bom) {
      in.unread(first);
    }
    return in;
  }

  /** Whether the body has no byte at all (past the byte order mark). */
  static boolean empty(PushbackInputStream in) throws IOException {
    int first = in.read();
    if (first == -1) {
      return true;
    }
    in.unread(first);
    return false;
  }

  static CharsetDecoder strictUtf8() {
    return StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  /** One line of JSON lines: its text, or where its bytes stop being UTF-8 ({@code text} null). */
  record Line(long number, String text, int badByte) {}

  /**
   * JSON lines, split on LF, CRLF or a lone CR as {@link java.io.BufferedReader#readLine} does,
   * each decoded on its own so a line that is not UTF-8 is refused alone.
   */
  static final class Lines {

    private final InputStream in;
    private final byte[] buffer = new byte[BUFFER];
    private int position;
    private int limit;
    private boolean skipLf;
    private long number;
    private byte[] line = new byte[256];

    Lines(InputStream in) {
      this.in = in;
    }

    /** The next line, or null at the end of the body. */
    Line next() throws IOException {
      int length = 0;
      boolean any = false;
      while (true) {
        if (position == limit) {
          limit = in.read(buffer, 0, buffer.length);
          position = 0;
          if (limit <= 0) {
            limit = 0;
            if (!any) {
              return null;
            }
            break;
          }
        }
        byte b = buffer[position++];
        if (skipLf) {
          skipLf = false;
          if (b == '\n') {
            continue;
          }
        }
        any = true;
        if (b == '\n') {
          break;
        }
        if (b == '\r') {
          skipLf = true;
          break;
        }
        if (length == line.length) {
          line = java.util.Arrays.copyOf(line, line.length * 2);
        }
        line[length++] = b;
      }
      number++;
      ByteBuffer bytes = ByteBuffer.wrap(line, 0, length);
      try {
        return new Line(number, strictUtf8().decode(bytes).toString(), -1);
      } catch (CharacterCodingException e) {
        return new Line(number, null, bytes.position() + 1);
      }
    }
  }

  /**
   * A reader for the CSV parser that decodes strictly: a byte sequence that is not UTF-8 reads
   * as U+FFFD, and its offset in the characters read is kept, so the row that holds it can be
   * refused ({@link #malformedBefore}) rather than stored.
   */
  static final class StrictReader extends Reader {

    private final InputStream in;
    private final CharsetDecoder decoder = strictUtf8();
    private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER).flip();
    private final CharBuffer chars = CharBuffer.allocate(BUFFER).flip();
    private final ArrayDeque<Long> malformed = new ArrayDeque<>();
    private long delivered;
    private boolean endOfInput;
    private boolean flushed;

    StrictReader(InputStream in) {
      this.in = in;
    }

    /** Whether a malformed sequence was read before char offset {@code end}; forgets those. */
    boolean malformedBefore(long end) {
      boolean found = false;
      while (!malformed.isEmpty() && malformed.peekFirst() < end) {
        malformed.pollFirst();
        found = true;
      }
      return found;
    }

    @Override
    public int read(char[] target, int offset, int length) throws IOException {
      if (length == 0) {
        return 0;
      }
      if (!chars.hasRemaining() && !fill()) {
        return -1;
      }
      int n = Math.min(length, chars.remaining());
      chars.get(target, offset, n);
      delivered += n;
      return n;
    }

    /** Decodes at least one char into {@code chars}; false at the end of the input. */
    private boolean fill() throws IOException {
      chars.clear();
      try {
        while (chars.position() == 0) {
          if (flushed) {
            return false;
          }
          CoderResult result = decoder.decode(bytes, chars, endOfInput);
          if (result.isError()) {
            malformed.addLast(delivered + chars.position());
            bytes.position(bytes.position() + result.length());
            chars.put('\uFFFD');
          } else if (result.isUnderflow()) {
            if (endOfInput) {
              decoder.flush(chars);
              flushed = true;
            } else if (chars.position() == 0) {
              readMore();
            }
          }
        }
        return true;
      } finally {
        chars.flip();
      }
    }

    private void readMore() throws IOException {
      bytes.compact();
      int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
      if (n < 0) {
        endOfInput = true;
      } else {
        bytes.position(bytes.position() + n);
      }
      bytes.flip();
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
