package gov.ice.registry.projection.text;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.microsoft.OfficeParserConfig;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.SecureContentHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xml.sax.SAXException;

/**
 * The text of an attached document, for the search: Apache Tika's standard parsers (PDFBox for
 * PDF, POI for DOCX, the ODF and text parsers), with limits so that a hostile or broken file
 * costs a bounded time and memory and never more:
 * <ul>
 *   <li>at most {@link Limits#maxBytes} bytes are read (a file that never ends is cut there and
 *       not extracted);
 *   <li>at most {@link Limits#maxChars} characters of text are kept (the rest is dropped, the text
 *       marked truncated);
 *   <li>at most {@link Limits#timeout} per file: the parse runs on a thread of its own, which is
 *       interrupted then; every read and every piece of text it produces checks the interrupt;
 *   <li>Tika's {@link SecureContentHandler} refuses output far larger than the input (zip bombs,
 *       also POI's own inflate-ratio check inside DOCX) and XML nested too deeply;
 *   <li>embedded documents (attachments inside a PDF, objects inside a DOCX) are not parsed.
 * </ul>
 * A file that fails any of these, or that no parser reads, gives {@link NotExtracted} with the
 * reason, never an exception. Extraction runs on this extractor's threads: never on a caller's
 * event loop.
 */
public final class DocumentTextExtractor implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(DocumentTextExtractor.class);

  /** The limits of one extraction. */
  public record Limits(long maxBytes, int maxChars, Duration timeout, long maxCompressionRatio, int maxXmlDepth) {
    /** 25 MB in, 1 million characters out, 30 s, 100 times the input, XML 100 deep. */
    public static final Limits DEFAULTS = new Limits(25L * 1024 * 1024, 1_000_000, Duration.ofSeconds(30), 100, 100);
  }

  /** What an extraction gives. */
  public sealed interface Result permits Extracted, NotExtracted {}

  /** The text, and whether it was cut at {@link Limits#maxChars}. */
  public record Extracted(String text, boolean truncated) implements Result {}

  /** "text not extracted", and why. */
  public record NotExtracted(String reason) implements Result {}

  private final Limits limits;
  /** Made at the first document, not at start: loading Tika's parsers takes a moment an instance without documents never needs. */
  private volatile AutoDetectParser parser;
  private final ExecutorService threads;

  public DocumentTextExtractor(Limits limits) {
    this.limits = limits;
    AtomicInteger n = new AtomicInteger();
    this.threads = Executors.newCachedThreadPool(task -> {
      Thread thread = new Thread(task, "document-text-" + n.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }

  public DocumentTextExtractor() {
    this(Limits.DEFAULTS);
  }

  public Limits limits() {
    return limits;
  }

  /**
   * The text of the document {@code content} holds ({@code fileName} and {@code mediaType} as
   * recorded, hints only: the content decides). Blocks the caller up to the time limit; closes
   * {@code content}.
   */
  public Result extract(InputStream content, String fileName, String mediaType) {
    Future<Result> parse = threads.submit(() -> parse(content, fileName, mediaType));
    try {
      return parse.get(limits.timeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      parse.cancel(true);
      return new NotExtracted("extraction took longer than " + limits.timeout().toSeconds() + " s");
    } catch (InterruptedException e) {
      parse.cancel(true);
      Thread.currentThread().interrupt();
      return new NotExtracted("extraction was interrupted");
    } catch (ExecutionException e) {
      return new NotExtracted(describe(e.getCause()));
    } finally {
      closeQuietly(content);
    }
  }

  private Result parse(InputStream content, String fileName, String mediaType) {
    Bounded bounded = new Bounded(content, limits.maxBytes());
    BodyContentHandler text = new BodyContentHandler(limits.maxChars());
    Metadata metadata = new Metadata();
    if (fileName != null) {
      metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
    }
    if (mediaType != null) {
      metadata.set(Metadata.CONTENT_TYPE, mediaType);
    }
    try (TikaInputStream stream = TikaInputStream.get(bounded)) {
      String bomb = zipBomb(stream);
      if (bomb != null) {
        return new NotExtracted(bomb);
      }
      SecureContentHandler secure = new SecureContentHandler(new Interruptible(text), stream);
      secure.setMaximumCompressionRatio(limits.maxCompressionRatio());
      secure.setMaximumDepth(limits.maxXmlDepth());
      // No Parser in the context: embedded documents are left unparsed.
      ParseContext context = new ParseContext();
      // DOCX read as a stream of SAX events, not as a whole DOM in memory.
      OfficeParserConfig office = new OfficeParserConfig();
      office.setUseSAXDocxExtractor(true);
      context.set(OfficeParserConfig.class, office);
      try {
        parser().parse(stream, secure, metadata, context);
      } catch (SAXException e) {
        secure.throwIfCauseOf(e);
        if (!WriteLimitReachedException.isWriteLimitReached(e)) {
          throw e;
        }
        return new Extracted(text.toString(), true);
      }
      return new Extracted(text.toString(), false);
    } catch (Throwable e) {
      // A StackOverflowError of a deeply nested file is this thread's alone; nothing else is kept.
      if (bounded.exceeded) {
        return new NotExtracted("larger than " + limits.maxBytes() + " bytes");
      }
      log.debug("Text not extracted from {}", fileName, e);
      return new NotExtracted(describe(e));
    }
  }

  /**
   * For a ZIP container (DOCX, ODT): a reason if an entry inflates to more than
   * {@link Limits#maxCompressionRatio} times its compressed size (past the first megabyte) or all
   * entries to more than that times the file; null otherwise. Stops inflating at the first sign,
   * so a bomb costs about its ratio limit times its size, never its inflated size.
   */
  private String zipBomb(TikaInputStream stream) throws IOException {
    stream.mark(4);
    byte[] magic = stream.readNBytes(4);
    stream.reset();
    if (magic.length < 4 || magic[0] != 'P' || magic[1] != 'K' || magic[2] != 3 || magic[3] != 4) {
      return null;
    }
    java.nio.file.Path file = stream.getPath();
    long fileSize = java.nio.file.Files.size(file);
    long total = 0;
    byte[] buffer = new byte[64 * 1024];
    try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
      for (var entries = zip.entries(); entries.hasMoreElements(); ) {
        java.util.zip.ZipEntry entry = entries.nextElement();
        long compressed = Math.max(1, entry.getCompressedSize());
        long inflated = 0;
        try (InputStream in = zip.getInputStream(entry)) {
          for (int n; (n = in.read(buffer)) > 0; ) {
            if (Thread.currentThread().isInterrupted()) {
              throw new InterruptedIOException("extraction stopped");
            }
            inflated += n;
            total += n;
            if (inflated > 1024 * 1024 && inflated > compressed * limits.maxCompressionRatio()) {
              return "a zip bomb: " + entry.getName() + " inflates to more than " + limits.maxCompressionRatio()
                  + " times its compressed size";
            }
            if (total > Math.max(1024 * 1024, fileSize * limits.maxCompressionRatio())) {
              return "a zip bomb: its entries inflate to more than " + limits.maxCompressionRatio() + " times the file";
            }
          }
        }
      }
    } catch (java.util.zip.ZipException notAZip) {
      return null;
    }
    return null;
  }

  private AutoDetectParser parser() {
    AutoDetectParser made = parser;
    if (made == null) {
      synchronized (this) {
        made = parser;
        if (made == null) {
          made = new AutoDetectParser();
          parser = made;
        }
      }
    }
    return made;
  }

  static String describe(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? root.getClass().getSimpleName()
        : root.getClass().getSimpleName() + ": " + root.getMessage();
    return message.length() > 300 ? message.substring(0, 300) + "…" : message;
  }

  private static void closeQuietly(InputStream content) {
    try {
      content.close();
    } catch (IOException | RuntimeException ignored) {
      // Nothing more to read from it.
    }
  }

  @Override
  public void close() {
    threads.shutdownNow();
  }

  /** Reads at most {@code max} bytes, then fails; and fails once its thread is interrupted. */
  private static final class Bounded extends FilterInputStream {
    private final long max;
    private long read;
    volatile boolean exceeded;

    Bounded(InputStream in, long max) {
      super(in);
      this.max = max;
    }

    private void check(long more) throws IOException {
      if (Thread.currentThread().isInterrupted()) {
        throw new InterruptedIOException("extraction stopped");
      }
      read += Math.max(0, more);
      if (read > max) {
        exceeded = true;
        throw new IOException("larger than " + max + " bytes");
      }
    }

    @Override
    public int read() throws IOException {
      check(0);
      int b = super.read();
      check(b < 0 ? 0 : 1);
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      check(0);
      int n = super.read(b, off, len);
      check(n);
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      check(0);
      long skipped = super.skip(n);
      check(skipped);
      return skipped;
    }
  }

  /** Stops the parse at its next piece of text once the thread is interrupted (a parser looping without reading). */
  private static final class Interruptible extends org.apache.tika.sax.ContentHandlerDecorator {
    Interruptible(org.xml.sax.ContentHandler handler) {
      super(handler);
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
      if (Thread.currentThread().isInterrupted()) {
        throw new SAXException("extraction stopped");
      }
      super.characters(ch, start, length);
    }

    @Override
    public void startElement(String uri, String localName, String name, org.xml.sax.Attributes atts) throws SAXException {
      if (Thread.currentThread().isInterrupted()) {
        throw new SAXException("extraction stopped");
      }
      super.startElement(uri, localName, name, atts);
    }
  }
}
