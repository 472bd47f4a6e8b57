package gov.ice.registry.web.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import java.io.IOException;
import java.time.LocalDate;
import org.springframework.boot.web.codec.CodecCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.codec.json.Jackson2JsonDecoder;

/**
 * Request bodies are read strictly: a value of the wrong JSON type is refused rather than
 * converted ({@code 30.999} for a number of days, {@code "true"} or {@code 1} for a flag,
 * {@code 123} for a title), text may not hold control characters nor be made only of invisible
 * ones, and a date must be plausible. Only the HTTP decoder is strict; responses, the ledger's
 * serializer and the read models keep the application's mapper as it is.
 */
@Configuration(proxyBeanMethods = false)
public class StrictJson {

  /** Dates a registry record can plausibly carry; anything outside is a typo or a probe. */
  static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
  private static final java.util.regex.Pattern DATE = java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  static final LocalDate LATEST = LocalDate.of(2199, 12, 31);

  /** The strict mapper, for request bodies read outside the codecs (the rows of a bulk import). */
  public record RequestMapper(ObjectMapper mapper) {}

  @Bean
  RequestMapper strictRequestMapper(ObjectMapper mapper) {
    return new RequestMapper(strict(mapper.copy()));
  }

  @Bean
  // After Spring Boot's own Jackson codec customizer, so this decoder is the one in use.
  @Order(Ordered.LOWEST_PRECEDENCE)
  CodecCustomizer strictJsonRequests(RequestMapper strict) {
    return configurer -> configurer.defaultCodecs().jackson2JsonDecoder(new Jackson2JsonDecoder(strict.mapper()));
  }

  @SuppressWarnings("deprecation") // MapperFeature on a built mapper: its copy is configured before any use.
  static ObjectMapper strict(ObjectMapper mapper) {
    mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
    mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
    mapper.coercionConfigFor(LogicalType.Integer)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    mapper.coercionConfigFor(LogicalType.Float)
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    mapper.coercionConfigFor(LogicalType.Boolean)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
    mapper.coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    mapper.coercionConfigFor(LogicalType.DateTime)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
    // Registered last, so these take precedence over the default String and LocalDate deserializers.
    SimpleModule module = new SimpleModule("registry-strict-input")
        .addDeserializer(String.class, new CleanText())
        .addDeserializer(LocalDate.class, new PlausibleDate())
        .addDeserializer(boolean.class, new StrictFlag(false))
        .addDeserializer(Boolean.class, new StrictFlag(null));
    module.setDeserializerModifier(new BeanDeserializerModifier() {
      @Override
      public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type, BeanDescription description,
          JsonDeserializer<?> deserializer) {
        return new ExactEnum(deserializer, type.getRawClass());
      }
    });
    mapper.registerModule(module);
    return mapper;
  }

  /** A value refused for what it holds rather than its JSON type; the message names no parser internals. */
  public static final class RefusedValue extends MismatchedInputException {

    private final String reason;

    RefusedValue(JsonParser parser, Class<?> type, String reason) {
      super(parser, reason, type);
      this.reason = reason;
    }

    public String reason() {
      return reason;
    }
  }

  static final class CleanText extends StdScalarDeserializer<String> {

    CleanText() {
      super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      String text = StringDeserializer.instance.deserialize(parser, context);
      String problem = TextRules.problem(text);
      if (problem != null) {
        throw new RefusedValue(parser, String.class, problem);
      }
      return text;
    }
  }

  /**
   * An enum value spelled exactly: Jackson's own deserializer trims a name it does not find and
   * tries again, so {@code "CUI "} read as {@code CUI}.
   */
  static final class ExactEnum extends StdDeserializer<Object> implements ContextualDeserializer {

    private final JsonDeserializer<?> delegate;

    ExactEnum(JsonDeserializer<?> delegate, Class<?> type) {
      super(type);
      this.delegate = delegate;
    }

    @Override
    public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      if (parser.hasToken(com.fasterxml.jackson.core.JsonToken.VALUE_STRING)) {
        String text = parser.getText();
        if (!text.equals(text.strip())) {
          throw new RefusedValue(parser, handledType(), "must be one of the values, spelled exactly (no spaces around it)");
        }
      }
      return delegate.deserialize(parser, context);
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) throws JsonMappingException {
      JsonDeserializer<?> contextual = delegate instanceof ContextualDeserializer c ? c.createContextual(context, property) : delegate;
      return contextual == delegate ? this : new ExactEnum(contextual, handledType());
    }
  }

  /**
   * A flag is true or false. An explicit null is neither and is refused (Jackson read it as false);
   * an absent flag keeps its default: false, or null where the flag is optional.
   */
  static final class StrictFlag extends StdScalarDeserializer<Boolean> {

    private final Boolean absent;

    StrictFlag(Boolean absent) {
      super(Boolean.class);
      this.absent = absent;
    }

    @Override
    public Boolean deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      if (parser.hasToken(com.fasterxml.jackson.core.JsonToken.VALUE_TRUE)) {
        return Boolean.TRUE;
      }
      if (parser.hasToken(com.fasterxml.jackson.core.JsonToken.VALUE_FALSE)) {
        return Boolean.FALSE;
      }
      throw new RefusedValue(parser, Boolean.class, "must be true or false");
    }

    @Override
    public Boolean getNullValue(DeserializationContext context) throws JsonMappingException {
      throw new RefusedValue(context.getParser(), Boolean.class, "must be true or false, not null");
    }

    @Override
    public Object getAbsentValue(DeserializationContext context) {
      return absent;
    }
  }

  static final class PlausibleDate extends StdScalarDeserializer<LocalDate> {

    PlausibleDate() {
      super(LocalDate.class);
    }

    @Override
    public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      if (!parser.hasToken(com.fasterxml.jackson.core.JsonToken.VALUE_STRING)) {
        throw new RefusedValue(parser, LocalDate.class, "must be a date as YYYY-MM-DD");
      }
      // Jackson's own reader takes a date-time and drops its time; a date is asked, so a date it must be.
      if (!DATE.matcher(parser.getText()).matches()) {
        throw new RefusedValue(parser, LocalDate.class, "must be a date as YYYY-MM-DD");
      }
      LocalDate date = LocalDateDeserializer.INSTANCE.deserialize(parser, context);
      if (date != null && (date.isBefore(EARLIEST) || date.isAfter(LATEST))) {
        throw new RefusedValue(parser, LocalDate.class, "must be a date from " + EARLIEST + " to " + LATEST);
      }
      return date;
    }
  }
}
