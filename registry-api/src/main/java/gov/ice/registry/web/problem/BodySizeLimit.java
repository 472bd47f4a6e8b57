package gov.ice.registry.web.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses a body larger than {@code registry.http.max-body-size} from its Content-Length. A
 * client that asked {@code Expect: 100-continue} is answered before it sends the body. Any other
 * client is already sending it, and a server that answers and closes mid-upload makes the
 * client's socket reset, losing the answer (Python's urllib, for one): so the body is read and
 * discarded while the answer goes out, up to {@code registry.http.max-discarded-body-size}, beyond
 * which the connection is simply closed after the answer. A chunked body without a length is
 * stopped by the codecs' {@code spring.codec.max-in-memory-size} instead, and mapped to the same 413.
 */
@Component
// After the trusted-proxy check and the request id (RequestIds), so that a 413 carries the id.
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class BodySizeLimit implements WebFilter {

  /** How long a refused body may take to arrive before the answer goes out regardless. */
  private static final Duration DISCARD_TIMEOUT = Duration.ofSeconds(30);

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
    if (length <= limit) {
      return chain.filter(exchange);
    }
    boolean waitsForContinue = "100-continue".equalsIgnoreCase(headers.getFirst(HttpHeaders.EXPECT));
    if (waitsForContinue || length > maxDiscardedBytes) {
      return Problems.write(exchange, mapper, tooLarge(limit), Map.of("Connection", "close"));
    }
    // The answer goes out at once, and the connection stays open while the rest of the body is read
    // and dropped. With "Connection: close" here Reactor Netty closed the connection as soon as the
    // answer was written, with the body still arriving: the client got a reset instead of the 413
    // (about 1 upload of 2 MB in 50 on loopback).
    Mono<Void> refuse = Problems.write(exchange, mapper, tooLarge(limit), Map.of());
    Mono<Void> discard = exchange.getRequest().getBody()
        .doOnNext(DataBufferUtils::release)
        .then()
        .timeout(DISCARD_TIMEOUT)
        .onErrorResume(e -> Mono.empty());
    return Mono.when(discard, refuse);
  }

  static org.springframework.http.ProblemDetail tooLarge(long maxBytes) {
    return Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "body-too-large", "Request body too large",
        "The request body exceeds the limit of " + maxBytes + " bytes.");
  }
}
