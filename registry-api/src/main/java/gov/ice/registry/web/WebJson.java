package gov.ice.registry.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import gov.ice.registry.agreement.api.AgreementId;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The HTTP JSON of typed ids: an agreement id is its raw value, in responses as in the ledger
 * ({@code RegistryJson}), so that a history entry's payload reads as the stored event does.
 */
@Configuration(proxyBeanMethods = false)
class WebJson {

  @Bean
  Module typedIdsForHttp() {
    return new SimpleModule("registry-http-typed-ids")
        .addSerializer(AgreementId.class, ToStringSerializer.instance)
        .addDeserializer(AgreementId.class, new StdDeserializer<>(AgreementId.class) {
          @Override
          public AgreementId deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return AgreementId.of(parser.getValueAsString());
          }
        });
  }
}
