package gov.ice.registry.serialization;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import gov.ice.registry.agreement.api.AgreementId;
import java.io.IOException;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * The JSON form of everything the registry stores: events in the ledger, and the tests that pin
 * that form down. Stored events outlive the code that wrote them, so this configuration is part
 * of the ledger's format; the approved snapshots under {@code approved/events} fail on any change.
 */
public final class RegistryJson {

  private RegistryJson() {}

  /**
   * A new mapper on each call: Axon's {@link JacksonSerializer} registers its own modules on the
   * mapper it is given, so callers must not share one.
   */
  public static ObjectMapper objectMapper() {
    return JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .addModule(typedIds())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
        // Events written by a newer release must still load after a rollback, and a field an
        // upcaster dropped must not break a replay: unknown properties are ignored on reading.
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        // Record component order is the declared shape of a message; keep it in the store.
        .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
        // Helper predicates on records (SignatureRecord.signedForIce()) are derived, not facts: only
        // record components belong in the ledger.
        .visibility(PropertyAccessor.IS_GETTER, Visibility.NONE)
        .build();
  }

  /** Axon's serializer for events, with {@link #objectMapper()} and {@code @Revision} as the revision. */
  public static JacksonSerializer serializer() {
    return JacksonSerializer.builder().objectMapper(objectMapper()).build();
  }

  private static SimpleModule typedIds() {
    return new SimpleModule("registry-typed-ids")
        .addSerializer(AgreementId.class, new AgreementIdSerializer())
        .addDeserializer(AgreementId.class, new AgreementIdDeserializer());
  }

  /** Written as its raw value, as Axon writes it into the aggregate identifier column. */
  private static final class AgreementIdSerializer extends StdSerializer<AgreementId> {

    AgreementIdSerializer() {
      super(AgreementId.class);
    }

    @Override
    public void serialize(AgreementId id, JsonGenerator generator, SerializerProvider provider) throws IOException {
      generator.writeString(id.value());
    }
  }

  private static final class AgreementIdDeserializer extends StdDeserializer<AgreementId> {

    AgreementIdDeserializer() {
      super(AgreementId.class);
    }

    @Override
    public AgreementId deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      if (parser.currentToken() != JsonToken.VALUE_STRING) {
        return (AgreementId) context.handleUnexpectedToken(AgreementId.class, parser);
      }
      String value = parser.getText();
      try {
        return AgreementId.of(value);
      } catch (IllegalArgumentException e) {
        throw context.weirdStringException(value, AgreementId.class, e.getMessage());
      }
    }
  }
}
