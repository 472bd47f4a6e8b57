package gov.ice.registry.web.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses a body larger than {@code registry.http.max-body-size} from its Content-Length,
 * before a byte of it is read. A chunked body without a length is stopped by the codecs'
 * {@code spring.codec.max-in-memory-size} instead, and mapped to the same 413.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class BodySizeLimit implements WebFilter {

  private final long maxBytes;
  private final ObjectMapper mapper;

  BodySizeLimit(@Value("${registry.http.max-body-size:256KB}") DataSize maxBodySize, ObjectMapper mapper) {
    this.maxBytes = maxBodySize.toBytes();
    this.mapper = mapper;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    long length = exchange.getRequest().getHeaders().getContentLength();
    if (length > maxBytes) {
      return Problems.write(exchange, mapper, tooLarge(maxBytes), Map.of("Connection", "close"));
    }
    return chain.filter(exchange);
  }

  static org.springframework.http.ProblemDetail tooLarge(long maxBytes) {
    return Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "body-too-large", "Request body too large",
        "The request body exceeds the limit of " + maxBytes + " bytes.");
  }
}
