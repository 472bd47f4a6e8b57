package gov.ice.registry.web.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses a body larger than {@code registry.http.max-body-size} from its Content-Length. A
 * client that asked {@code Expect: 100-continue} is answered before it sends the body. Any other
 * client is already sending it, and a server that answers and closes mid-upload makes the
 * client's socket reset, losing the answer (Python's urllib, for one): so the body is read and
 * discarded first and the answer follows, up to {@code registry.http.max-discarded-body-size},
 * beyond which the answer goes out at once and the connection is closed. A chunked body without a
 * length is read the same way, to its end before the 413 (mapped from the codecs' limit error).
 */
@Component
// After the trusted-proxy check and the request id (RequestIds), so that a 413 carries the id.
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class BodySizeLimit implements WebFilter {

  /** How long a refused body may take to arrive before the answer goes out regardless. */
  private static final Duration DISCARD_TIMEOUT = Duration.ofSeconds(30);

  /**
   * How long a refused body may pause: a client that sent only the head (or stopped mid-body) and
   * waits for the answer gets it after this, instead of waiting for bytes it will never send.
   * A client writing its whole body keeps bytes arriving well within it.
   */
  private static final Duration DISCARD_IDLE = Duration.ofSeconds(3);

  /** The bulk import streams its body row by row, so it may be larger than any other request's. */
  static final String BULK_IMPORT = "/api/agreements/imports";

  /** A document upload: the file streams to disk, up to the documents' own limit (issue 16). */
  private static final java.util.regex.Pattern DOCUMENT_UPLOAD = java.util.regex.Pattern.compile("(/api)?/agreements/[^/]+/documents");

  /** Room for the multipart framing and the form's small fields around the file. */
  private static final long MULTIPART_OVERHEAD = 64 * 1024;

  private final long maxBytes;
  private final long maxImportBytes;
  private final long maxDocumentBytes;
  private final long maxDiscardedBytes;
  private final ObjectMapper mapper;

  BodySizeLimit(@Value("${registry.http.max-body-size:256KB}") DataSize maxBodySize,
      @Value("${registry.http.max-import-size:64MB}") DataSize maxImportSize,
      @Value("${registry.http.max-discarded-body-size:10MB}") DataSize maxDiscardedBodySize,
      @Value("${registry.documents.max-size:25MB}") DataSize maxDocumentSize, ObjectMapper mapper) {
    this.maxBytes = maxBodySize.toBytes();
    this.maxDocumentBytes = maxDocumentSize.toBytes() + MULTIPART_OVERHEAD;
    this.maxImportBytes = maxImportSize.toBytes();
    this.maxDiscardedBytes = maxDiscardedBodySize.toBytes();
    this.mapper = mapper;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    HttpHeaders headers = exchange.getRequest().getHeaders();
    long length = headers.getContentLength();
    String path = exchange.getRequest().getPath().pathWithinApplication().value();
    long limit = BULK_IMPORT.equals(path) ? maxImportBytes : DOCUMENT_UPLOAD.matcher(path).matches() ? maxDocumentBytes : maxBytes;
    if (length < 0 && limit == maxBytes) {
      return chain.filter(exchange.mutate().request(new ReadToTheEndOverLimit(exchange.getRequest(), limit, maxDiscardedBytes)).build());
    }
    if (length <= limit) {
      return chain.filter(exchange);
    }
    boolean waitsForContinue = "100-continue".equalsIgnoreCase(headers.getFirst(HttpHeaders.EXPECT));
    if (waitsForContinue || length > maxDiscardedBytes) {
      return Problems.write(exchange, mapper, tooLarge(limit), Map.of("Connection", "close"));
    }
    // The answer waits until the whole body is read and dropped. Answered earlier, Reactor Netty
    // ends the exchange with the body still arriving and closes the connection (always when the
    // request said "Connection: close", as urllib's do; and for any body still arriving, 5 MB on
    // loopback): closing a socket with unread bytes sends a reset, and the client loses the 413 it
    // had not read yet (0 of 10 at 5 and 9 MB read it). A client that writes its whole body before
    // reading, as these do, waits no longer for it. A body that stalls is answered after the
    // pause (DISCARD_IDLE) or the timeout, and the connection closed.
    Mono<Boolean> discarded = exchange.getRequest().getBody()
        .timeout(DISCARD_IDLE)
        .doOnNext(DataBufferUtils::release)
        .then(Mono.just(true))
        .timeout(DISCARD_TIMEOUT)
        .onErrorResume(e -> Mono.just(false));
    return discarded.flatMap(whole -> Problems.write(exchange, mapper, tooLarge(limit),
        whole ? Map.of() : Map.of("Connection", "close")));
  }

  /**
   * A body without a length (chunked) that grows past the limit: the buffers past it are read and
   * dropped, and only at its end does the reader see the limit's error (mapped to the same 413), so
   * the answer goes out, as above, once nothing is left unread. Past the discard limit the error
   * comes at once, and the connection is closed after the answer.
   */
  private static final class ReadToTheEndOverLimit extends ServerHttpRequestDecorator {
    private final long limit;
    private final long maxDiscardedBytes;

    ReadToTheEndOverLimit(ServerHttpRequest request, long limit, long maxDiscardedBytes) {
      super(request);
      this.limit = limit;
      this.maxDiscardedBytes = maxDiscardedBytes;
    }

    @Override
    public Flux<DataBuffer> getBody() {
      return Flux.defer(() -> {
        AtomicLong seen = new AtomicLong();
        AtomicLong arrived = new AtomicLong();
        // Past the limit, a pause ends the body: a client that stopped sending and waits is answered.
        return super.getBody()
            .timeout(Mono.never(), buffer -> arrived.addAndGet(buffer.readableByteCount()) > limit ? Mono.delay(DISCARD_IDLE) : Mono.never())
            .onErrorMap(java.util.concurrent.TimeoutException.class, e -> overLimit())
            .concatMap(buffer -> {
              if (seen.addAndGet(buffer.readableByteCount()) <= limit) {
                return Mono.just(buffer);
              }
              DataBufferUtils.release(buffer);
              return seen.get() > maxDiscardedBytes ? Mono.error(overLimit()) : Mono.<DataBuffer>empty();
            })
            .concatWith(Mono.defer(() -> seen.get() > limit ? Mono.error(overLimit()) : Mono.empty()));
      });
    }

    private DataBufferLimitException overLimit() {
      return new DataBufferLimitException("Exceeded limit on max bytes to buffer : " + limit);
    }
  }

  static org.springframework.http.ProblemDetail tooLarge(long maxBytes) {
    return Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "body-too-large", "Request body too large",
        "The request body exceeds the limit of " + maxBytes + " bytes.");
  }
}
