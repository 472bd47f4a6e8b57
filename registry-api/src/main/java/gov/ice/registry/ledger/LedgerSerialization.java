package gov.ice.registry.ledger;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;

/** How events, snapshots and messages are written to the ledger: JSON with ISO dates. */
final class LedgerSerialization {

  private LedgerSerialization() {}

  static Serializer serializer() {
    ObjectMapper mapper = new ObjectMapper()
        .registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        // A stored event outlives the class that wrote it: a reader tolerates fields it does not know.
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    return JacksonSerializer.builder().objectMapper(mapper).build();
  }
}
