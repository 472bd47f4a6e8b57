package gov.ice.registry.web.gate;

import gov.ice.registry.security.Roles;
import gov.ice.registry.web.agreement.InvalidRequest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code /gate}: an analyst asks the gate the question a system would, in a form (no script), and
 * reads the answer with its reasons, obligations and the agreements they cite. The same door as
 * the API: {@link GateService}, so the answer is logged the same way.
 */
@Controller
public class GatePage {

  private final GateService gate;

  GatePage(GateService gate) {
    this.gate = gate;
  }

  @GetMapping("/gate")
  @PreAuthorize(AccessEvaluationEndpoints.WHO)
  Mono<String> form(Model model) {
    model.addAttribute("values", Map.of("action", "share", "category", "LAW_ENFORCEMENT", "marking", "NONE"));
    return Mono.just("gate");
  }

  @PostMapping("/gate")
  @PreAuthorize(AccessEvaluationEndpoints.WHO)
  Mono<String> ask(ServerWebExchange exchange, Model model, Authentication caller) {
    return exchange.getFormData().flatMap(form -> Mono.fromCallable(() -> {
      model.addAttribute("values", form.toSingleValueMap());
      try {
        AuthZen.AuthZenDecision answer = gate.evaluate(evaluation(form), new GateService.Caller(caller.getName(), Roles.of(caller)));
        model.addAttribute("answer", answer);
      } catch (InvalidRequest e) {
        model.addAttribute("problem", e.getMessage());
      } catch (GateService.GateBehind e) {
        model.addAttribute("problem", e.getMessage() + " Ask again in a few seconds; until then the answer is deny.");
      }
      return "gate";
    }).subscribeOn(Schedulers.boundedElastic()));
  }

  static AuthZen.AuthZenEvaluation evaluation(MultiValueMap<String, String> f) {
    return new AuthZen.AuthZenEvaluation(
        new AuthZen.AuthZenSubject("party", text(f, "subjectId"), new AuthZen.AuthZenSubjectProperties(text(f, "name"), text(f, "kind"),
            text(f, "country"))),
        new AuthZen.AuthZenAction(text(f, "action"), new AuthZen.AuthZenActionProperties(text(f, "channel"))),
        new AuthZen.AuthZenResource("ice_information", text(f, "category"), new AuthZen.AuthZenResourceProperties(checked(f, "pii"),
            checked(f, "sensitivePii"), text(f, "marking"), checked(f, "bulk"), checked(f, "section1367"),
            checked(f, "protectedApplications"), text(f, "systemOfRecords"), text(f, "purpose"), text(f, "thirdParty"))),
        new AuthZen.AuthZenContext(instant(f, "time"), instant(f, "knownAt")));
  }

  private static String text(MultiValueMap<String, String> f, String name) {
    String v = f.getFirst(name);
    return v == null || v.isBlank() ? null : v.trim();
  }

  private static Boolean checked(MultiValueMap<String, String> f, String name) {
    return "true".equals(f.getFirst(name));
  }

  private static Instant instant(MultiValueMap<String, String> f, String name) {
    String v = text(f, name);
    try {
      return v == null ? null : Instant.parse(v);
    } catch (DateTimeParseException e) {
      throw new InvalidRequest(name, "must be an instant such as 2026-12-07T15:00:00Z");
    }
  }
}
