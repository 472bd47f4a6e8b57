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
import gov.ice.registry.agreement.api.ApprovingAuthority;
import gov.ice.registry.agreement.api.ExemptionNumber;
import gov.ice.registry.agreement.api.PartyName;
import gov.ice.registry.agreement.api.RuleId;
import java.io.IOException;
import java.util.function.Function;
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
        .addModule(typedValues())
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

  /**
   * The typed values of the {@code api} package as their plain JSON: an agreement id, a rule id, a
   * party's name and an approving authority as a string, an exemption number as a number. The
   * {@code api} package names no library, so its types carry no Jackson annotations: this module
   * is their one JSON form, for the ledger here and for the HTTP edge, which registers it too.
   * Reading goes through the mapper's own {@code String} deserializer, so a stricter mapper (the
   * HTTP edge's request reader) applies its text rules to these values as well.
   */
  public static SimpleModule typedValues() {
    SimpleModule module = new SimpleModule("registry-typed-values");
    byText(module, AgreementId.class, AgreementId::value, AgreementId::of);
    byText(module, RuleId.class, RuleId::name, RuleId::of);
    byText(module, PartyName.class, PartyName::value, PartyName::of);
    byText(module, ApprovingAuthority.class, ApprovingAuthority::value, ApprovingAuthority::of);
    module.addSerializer(ExemptionNumber.class, new StdSerializer<>(ExemptionNumber.class) {
      @Override
      public void serialize(ExemptionNumber number, JsonGenerator generator, SerializerProvider provider) throws IOException {
        generator.writeNumber(number.value());
      }
    });
    module.addDeserializer(ExemptionNumber.class, new StdDeserializer<>(ExemptionNumber.class) {
      @Override
      public ExemptionNumber deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        return ExemptionNumber.of(context.readValue(parser, int.class));
      }
    });
    return module;
  }

  private static <T> void byText(SimpleModule module, Class<T> type, Function<T, String> text, Function<String, T> parse) {
    module.addSerializer(type, new StdSerializer<>(type) {
      @Override
      public void serialize(T value, JsonGenerator generator, SerializerProvider provider) throws IOException {
        generator.writeString(text.apply(value));
      }
    });
    module.addDeserializer(type, new StdDeserializer<>(type) {
      @Override
      public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
          return type.cast(context.handleUnexpectedToken(type, parser));
        }
        String value = context.readValue(parser, String.class);
        try {
          return parse.apply(value);
        } catch (IllegalArgumentException e) {
          throw context.weirdStringException(value, type, e.getMessage());
        }
      }
    });
  }
}
