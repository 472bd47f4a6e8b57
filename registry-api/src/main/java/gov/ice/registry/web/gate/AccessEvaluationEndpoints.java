package gov.ice.registry.web.gate;

import gov.ice.registry.integrity.log.GroupCommit;
import gov.ice.registry.security.Roles;
import gov.ice.registry.web.problem.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The sharing gate over HTTP, in OpenID AuthZEN 1.0 shapes: one evaluation, a batch with the
 * three evaluation semantics, and the discovery document. 200 whenever the registry could
 * evaluate; every other status means deny (503 with Retry-After while the gate's view is behind
 * the ledger or a store is down).
 */
@RestController
@Tag(name = "Sharing gate")
class AccessEvaluationEndpoints {

  static final String EVALUATION = "/api/access/v1/evaluation";
  static final String EVALUATIONS = "/api/access/v1/evaluations";
  static final String WHO = "hasAnyRole('SHARING_GATE_CLIENT', 'PROGRAM_OFFICE', 'IGP', 'AUDITOR')";

  private final GateService gate;
  private final String retryAfterSeconds;

  AccessEvaluationEndpoints(GateService gate, @Value("${registry.http.retry-after-seconds:5}") int retryAfterSeconds) {
    this.gate = gate;
    this.retryAfterSeconds = Integer.toString(retryAfterSeconds);
  }

  @PostMapping(value = EVALUATION, produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize(WHO)
  @Operation(summary = "May ICE share this information with this partner now? Decision, reasons, obligations, advice "
      + "(SHARING_GATE_CLIENT, PROGRAM_OFFICE, IGP, AUDITOR); any status but 200 means deny")
  Mono<ResponseEntity<Object>> evaluate(@RequestBody AuthZen.AuthZenEvaluation body, Authentication caller) {
    return blocking(() -> gate.evaluate(body, caller(caller)));
  }

  @PostMapping(value = EVALUATIONS, produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize(WHO)
  @Operation(summary = "Several evaluations at once: execute_all (the default), deny_on_first_deny, permit_on_first_permit")
  Mono<ResponseEntity<Object>> evaluateAll(@RequestBody AuthZen.AuthZenEvaluations body, Authentication caller) {
    return blocking(() -> {
      String semantic = body.options() == null || body.options().evaluationsSemantic() == null ? "execute_all"
          : body.options().evaluationsSemantic();
      if (!List.of("execute_all", "deny_on_first_deny", "permit_on_first_permit").contains(semantic)) {
        throw new gov.ice.registry.web.agreement.InvalidRequest("options.evaluations_semantic",
            "must be execute_all, deny_on_first_deny or permit_on_first_permit");
      }
      List<AuthZen.AuthZenEvaluation> asked = body.evaluations() == null || body.evaluations().isEmpty()
          ? List.of(new AuthZen.AuthZenEvaluation(body.subject(), body.action(), body.resource(), body.context()))
          : body.evaluations().stream().map(e -> new AuthZen.AuthZenEvaluation(
              e.subject() != null ? e.subject() : body.subject(), e.action() != null ? e.action() : body.action(),
              e.resource() != null ? e.resource() : body.resource(), e.context() != null ? e.context() : body.context())).toList();
      if (asked.size() > 100) {
        throw new gov.ice.registry.web.agreement.InvalidRequest("evaluations", "at most 100 evaluations in one request");
      }
      List<AuthZen.AuthZenDecision> answers = gate.evaluateAll(asked, caller(caller),
          answer -> semantic.equals("deny_on_first_deny") && !answer.decision()
              || semantic.equals("permit_on_first_permit") && answer.decision());
      return new AuthZen.AuthZenDecisions(answers);
    });
  }

  @GetMapping(value = "/.well-known/authzen-configuration", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "AuthZEN discovery: the policy decision point and its endpoints (open)")
  AuthZen.AuthZenConfiguration configuration(ServerWebExchange exchange) {
    var uri = exchange.getRequest().getURI();
    String base = uri.getScheme() + "://" + uri.getAuthority();
    return new AuthZen.AuthZenConfiguration(base, base + EVALUATION, base + EVALUATIONS);
  }

  private static GateService.Caller caller(Authentication authentication) {
    return new GateService.Caller(authentication.getName(), Roles.of(authentication));
  }

  private Mono<ResponseEntity<Object>> blocking(Callable<Object> work) {
    return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic())
        .map(answer -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(answer))
        .onErrorResume(GateService.GateBehind.class, e -> Mono.just(ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
            .header(HttpHeaders.RETRY_AFTER, retryAfterSeconds)
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "gate-behind", "The sharing gate is catching up", e.getMessage()))))
        // A decision the log did not commit is not given: 503, which the caller reads as deny.
        .onErrorResume(GroupCommit.NotLogged.class, e -> Mono.just(ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
            .header(HttpHeaders.RETRY_AFTER, retryAfterSeconds)
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "decision-not-logged", "The sharing gate could not log its decision",
                "The decision log did not commit this decision, so none is given: do not share. Retry later."))));
  }
}
