package gov.ice.registry.web.position;

import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's side of {@link ReadYourWrites}: the position commands answer, and the one queries accept. */
@Configuration(proxyBeanMethods = false)
class ReadYourWritesDocument {

  private static final String POSITION = "The ledger position of the command's last event: pass it to a later query "
      + "(header " + ReadYourWrites.HEADER + " or ?after=) to read what this command wrote";
  private static final String WAIT = "Answer only once the read model this query reads has handled this ledger position "
      + "(as a command's " + ReadYourWrites.HEADER + " answered); waits at most 2 s, then 503 with Retry-After";

  @Bean
  OpenApiCustomizer readYourWritesInTheDocument() {
    return api -> {
      if (api.getPaths() == null) {
        return;
      }
      api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
        if (method == PathItem.HttpMethod.GET) {
          List<String> readModels = ReadYourWrites.readModelsOf(path);
          if (readModels == null || !readModels.isEmpty()) {
            operation.addParametersItem(new Parameter().in("query").name(ReadYourWrites.PARAMETER).required(false)
                .description(WAIT).schema(new IntegerSchema().format("int64").minimum(java.math.BigDecimal.ZERO)));
            operation.addParametersItem(new Parameter().in("header").name(ReadYourWrites.HEADER).required(false)
                .description(WAIT).schema(new IntegerSchema().format("int64").minimum(java.math.BigDecimal.ZERO)));
          }
        } else if (operation.getResponses() != null) {
          operation.getResponses().forEach((status, response) -> {
            if (status.startsWith("2")) {
              named(response);
            }
          });
        }
      }));
    };
  }

  private static void named(ApiResponse response) {
    // Another customizer may have set the headers as an immutable map.
    Map<String, Header> headers = response.getHeaders() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(response.getHeaders());
    headers.put(ReadYourWrites.HEADER, new Header().description(POSITION).schema(new IntegerSchema().format("int64")));
    response.setHeaders(headers);
  }
}
