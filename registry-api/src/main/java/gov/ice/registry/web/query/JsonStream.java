package gov.ice.registry.web.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import reactor.core.publisher.Flux;

/**
 * A JSON object whose last field is an array written item by item as the store yields them, so a
 * list of every row is never held in memory: {@code {"total": 3, ..., "items": [ ... ]}}. The
 * application's ObjectMapper writes every value, so the fields read as a collected answer would.
 */
final class JsonStream {

  private JsonStream() {}

  /** {@code head} holds the fields before {@code items}, in order. */
  static ResponseEntity<Flux<DataBuffer>> object(ObjectMapper mapper, Map<String, ?> head, Flux<?> items) {
    String fields = write(mapper, new LinkedHashMap<>(head));
    // Opens the object with the head's fields and leaves it open for "items".
    String open = (fields.length() == 2 ? "{" : fields.substring(0, fields.length() - 1) + ",") + "\"items\":[";
    Flux<String> body = Flux.concat(
        Flux.just(open),
        items.index().map(item -> (item.getT1() == 0 ? "" : ",") + write(mapper, item.getT2())),
        Flux.just("]}"));
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
        .body(body.map(s -> DefaultDataBufferFactory.sharedInstance.wrap(s.getBytes(StandardCharsets.UTF_8))));
  }

  private static String write(ObjectMapper mapper, Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
