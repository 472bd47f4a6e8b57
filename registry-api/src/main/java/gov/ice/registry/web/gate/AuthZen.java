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

  record AuthZenEvaluation(AuthZenSubject subject, AuthZenAction action, AuthZenResource resource, AuthZenContext context) {}

  record AuthZenSubject(String type, String id, AuthZenSubjectProperties properties) {}

  record AuthZenSubjectProperties(String name, String kind, String country) {}

  record AuthZenAction(String name, AuthZenActionProperties properties) {}

  record AuthZenActionProperties(String channel) {}

  record AuthZenResource(String type, String id, AuthZenResourceProperties properties) {}

  record AuthZenResourceProperties(Boolean pii, Boolean sensitivePii, String marking, Boolean bulk, Boolean section1367,
      Boolean protectedApplications, String systemOfRecords, String purpose, String thirdParty) {}

  record AuthZenContext(Instant time, Instant knownAt) {}

  /** The batch: defaults at the top, each evaluation overriding them, and the semantics. */
  record AuthZenEvaluations(AuthZenSubject subject, AuthZenAction action, AuthZenResource resource, AuthZenContext context, List<AuthZenEvaluation> evaluations,
      AuthZenOptions options) {}

  record AuthZenOptions(@JsonProperty("evaluations_semantic") String evaluationsSemantic) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record AuthZenDecision(boolean decision, Map<String, Object> context) {}

  record AuthZenDecisions(List<AuthZenDecision> evaluations) {}

  /** The discovery document, {@code /.well-known/authzen-configuration}. */
  record AuthZenConfiguration(
      @JsonProperty("policy_decision_point") String policyDecisionPoint,
      @JsonProperty("access_evaluation_endpoint") String accessEvaluationEndpoint,
      @JsonProperty("access_evaluations_endpoint") String accessEvaluationsEndpoint) {}
}
