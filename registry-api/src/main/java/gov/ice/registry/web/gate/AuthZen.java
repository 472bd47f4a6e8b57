package gov.ice.registry.web.gate;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * OpenID AuthZEN Authorization API 1.0 shapes as the sharing gate reads and answers them: the
 * subject is the partner, the action {@code share}, {@code grant_access} or {@code
 * redisseminate}, the resource an information category with its properties, the context two
 * instants.
 */
final class AuthZen {

  private AuthZen() {}

  record Evaluation(Subject subject, Action action, Resource resource, Context context) {}

  record Subject(String type, String id, SubjectProperties properties) {}

  record SubjectProperties(String name, String kind, String country) {}

  record Action(String name, ActionProperties properties) {}

  record ActionProperties(String channel) {}

  record Resource(String type, String id, ResourceProperties properties) {}

  record ResourceProperties(Boolean pii, Boolean sensitivePii, String marking, Boolean bulk, Boolean section1367,
      Boolean protectedApplications, String systemOfRecords, String purpose, String thirdParty) {}

  record Context(Instant time, Instant knownAt) {}

  /** The batch: defaults at the top, each evaluation overriding them, and the semantics. */
  record Evaluations(Subject subject, Action action, Resource resource, Context context, List<Evaluation> evaluations,
      Options options) {}

  record Options(@JsonProperty("evaluations_semantic") String evaluationsSemantic) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Decision(boolean decision, Map<String, Object> context) {}

  record Decisions(List<Decision> evaluations) {}

  /** The discovery document, {@code /.well-known/authzen-configuration}. */
  record Configuration(
      @JsonProperty("policy_decision_point") String policyDecisionPoint,
      @JsonProperty("access_evaluation_endpoint") String accessEvaluationEndpoint,
      @JsonProperty("access_evaluations_endpoint") String accessEvaluationsEndpoint) {}
}
