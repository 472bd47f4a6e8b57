package gov.ice.registry.web.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Request bodies are UTF-8 (RFC 8259 for JSON; the registry's CSV and forms too). A body that
 * declares another charset ({@code application/json; charset=UTF-16}) is refused with 415 before
 * it is read; Spring's JSON decoder would otherwise decode it and store what it read. A JSON
 * body that declares no charset but starts as UTF-16 or UTF-32 does (a byte order mark, or a NUL
 * among its first bytes, which UTF-8 JSON never has) is refused with 415 when it is read: Jackson
 * would otherwise detect the encoding and accept it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class Utf8Bodies implements WebFilter {

  private static final Pattern CHARSET = Pattern.compile(";\\s*charset\\s*=\\s*\"?([^\";\\s]*)", Pattern.CASE_INSENSITIVE);

  private final ObjectMapper mapper;

  Utf8Bodies(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    HttpHeaders headers = exchange.getRequest().getHeaders();
    boolean body = headers.getContentLength() > 0 || headers.containsKey(HttpHeaders.TRANSFER_ENCODING);
    if (!body) {
      return chain.filter(exchange);
    }
    MediaType type;
    try {
      type = headers.getContentType();
    } catch (InvalidMediaTypeException unreadable) {
      // A charset Java does not know makes the whole header unreadable to Spring: still a charset that is not UTF-8.
      Matcher charset = CHARSET.matcher(headers.getFirst(HttpHeaders.CONTENT_TYPE));
      boolean other = charset.find() && !charset.group(1).equalsIgnoreCase("UTF-8") && !charset.group(1).equalsIgnoreCase("UTF8");
      return other ? refuse(exchange, charset.group(1)) : chain.filter(exchange);
    }
    if (type == null) {
      return chain.filter(exchange);
    }
    if (type.getParameter("charset") != null && !utf8(type)) {
      return refuse(exchange, type.getParameter("charset"));
    }
    if (!json(type)) {
      return chain.filter(exchange);
    }
    return chain.filter(exchange.mutate().request(new ServerHttpRequestDecorator(exchange.getRequest()) {
      @Override
      public Flux<DataBuffer> getBody() {
        return super.getBody().switchOnFirst((first, body) -> {
          if (first.hasValue() && !startsAsUtf8(first.get())) {
            DataBufferUtils.release(first.get());
            return Flux.error(new ResponseStatusException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "The request body is not UTF-8 (it starts as UTF-16 or UTF-32 does); JSON request bodies must be UTF-8."));
          }
          return body;
        });
      }
    }).build());
  }

  private Mono<Void> refuse(ServerWebExchange exchange, String charset) {
    return Problems.write(exchange, mapper, notUtf8("The request body declares the charset " + charset
        + "; request bodies must be UTF-8 (declare charset=UTF-8, or no charset)."), Map.of());
  }

  private static boolean utf8(MediaType type) {
    try {
      Charset charset = type.getCharset();
      return StandardCharsets.UTF_8.equals(charset);
    } catch (IllegalArgumentException unknownCharset) {
      return false;
    }
  }

  private static boolean json(MediaType type) {
    return MediaType.APPLICATION_JSON.isCompatibleWith(type) || (type.getSubtype().endsWith("+json") && "application".equals(type.getType()));
  }

  /** A byte order mark of UTF-16 or UTF-32, or a NUL in the first four bytes, is not UTF-8 JSON. */
  static boolean startsAsUtf8(DataBuffer buffer) {
    int start = buffer.readPosition();
    int length = Math.min(4, buffer.readableByteCount());
    if (length >= 2) {
      int b0 = buffer.getByte(start) & 0xFF;
      int b1 = buffer.getByte(start + 1) & 0xFF;
      if ((b0 == 0xFE && b1 == 0xFF) || (b0 == 0xFF && b1 == 0xFE)) {
        return false;
      }
    }
    for (int i = 0; i < length; i++) {
      if (buffer.getByte(start + i) == 0) {
        return false;
      }
    }
    return true;
  }

  static org.springframework.http.ProblemDetail notUtf8(String detail) {
    return Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported Media Type", detail);
  }
}
