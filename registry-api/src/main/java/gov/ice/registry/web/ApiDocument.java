package gov.ice.registry.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the OpenAPI document says beyond what springdoc reads from the endpoints: who the API is,
 * how callers authenticate, the problem+json every error answers with, and the 201 of the
 * endpoints that create an agreement.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocument {

  static final String PROBLEM = "Problem";
  private static final String PROBLEM_JSON = "application/problem+json";
  private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;

  @Bean
  OpenAPI registryApi() {
    return new OpenAPI()
        .info(new Info()
            .title("ISAA Registry API")
            .version("0.1.0")
            .description("The system of record for ICE's information sharing and access agreements: commands that take an "
                + "agreement from draft to ACTIVE and through its life, each an event in an audit ledger, and queries over "
                + "the central repository, reviews, deadlines, notices and approvals. Errors are RFC 9457 problem details.")
            .license(new License().name("Internal use by U.S. Immigration and Customs Enforcement")
                .identifier("LicenseRef-ICE-Internal")))
        .components(new Components()
            .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                .description("The embedded default: a user of the users file"))
            .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                .description("Production: a JWT from the OAuth2/OIDC issuer, with the registry's roles in its roles claim"))
            .addSchemas(PROBLEM, problemSchema()))
        .addSecurityItem(new SecurityRequirement().addList("basic"))
        .addSecurityItem(new SecurityRequirement().addList("bearer"));
  }

  @Bean
  OpenApiCustomizer problemsAndCreation() {
    return api -> {
      if (api.getPaths() == null) {
        return;
      }
      api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        boolean command = method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT;
        problem(responses, "400", "Malformed or invalid input; `violations` names each field");
        problem(responses, "401", "Not authenticated");
        problem(responses, "403", "Not allowed for this user's role or office");
        if (path.contains("{")) {
          problem(responses, "404", "No such agreement (or resource)");
        }
        if (command) {
          problem(responses, "409", "A lifecycle rule refuses the action (`rules` names them), or a stale If-Match");
          problem(responses, "413", "Body too large");
        }
        problem(responses, "503", "The store is unavailable; retry after Retry-After seconds");
        if (method == PathItem.HttpMethod.POST && ("/api/agreements".equals(path) || "/api/agreements/import".equals(path))) {
          created(operation, "/api/agreements".equals(path));
        }
      }));
    };
  }

  /** A draft always creates; an import answers 200 for a reference imported before, or a dry run. */
  private static void created(Operation operation, boolean onlyCreates) {
    ApiResponse ok = operation.getResponses().get("200");
    if (ok == null) {
      return;
    }
    ApiResponse created = new ApiResponse().description("Created: the agreement's summary")
        .content(ok.getContent())
        .headers(Map.of(
            "Location", new Header().description("The new agreement").schema(new StringSchema()),
            "ETag", new Header().description("The agreement's version, for If-Match").schema(new StringSchema())));
    operation.getResponses().addApiResponse("201", created);
    if (onlyCreates) {
      operation.getResponses().remove("200");
    }
  }

  private static void problem(ApiResponses responses, String status, String description) {
    responses.putIfAbsent(status, new ApiResponse().description(description)
        .content(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref(PROBLEM_REF)))));
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static Schema problemSchema() {
    ObjectSchema violation = new ObjectSchema();
    violation.addProperty("field", new StringSchema().description("JSON path of the field or the query parameter"));
    violation.addProperty("message", new StringSchema().description("What is wrong with it"));
    Schema problem = new ObjectSchema()
        .description("RFC 9457 problem details")
        .addProperty("type", new StringSchema().format("uri").example("https://isaa-registry/problems/invalid-request"))
        .addProperty("title", new StringSchema().example("Invalid request"))
        .addProperty("status", new IntegerSchema().example(400))
        .addProperty("detail", new StringSchema().example("title: must be text (a JSON string)"))
        .addProperty("instance", new StringSchema().format("uri"))
        .addProperty("violations", new ArraySchema().items(violation))
        .addProperty("rules", new ArraySchema().items(new StringSchema()).description("Handbook rule ids behind a refusal, e.g. S3"))
        .addProperty("code", new StringSchema().description("The refusal's code, for a 400 or 409 from a lifecycle rule"));
    return problem;
  }
}
