package gov.ice.registry.web.pages;

import gov.ice.registry.projection.audit.ApprovalCsv;
import gov.ice.registry.projection.audit.ApprovalSearch;
import gov.ice.registry.security.CurrentActor;
import gov.ice.registry.web.pages.PageErrors.ForbiddenPage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.function.Predicate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * IGP's and the auditors' lists: {@code /reviews} (overdue, and due within 90 days),
 * {@code /deadlines/exigent}, and {@code /audit/approvals} with its CSV. The same roles as their
 * JSON endpoints.
 */
@Controller
class WorkListPages {

  private static final Period SOON = Period.ofDays(90);

  private final PageBackend backend;

  WorkListPages(PageBackend backend) {
    this.backend = backend;
  }

  @GetMapping("/reviews")
  Mono<String> reviews(Model model) {
    return allowed(PageUser::seesWorkLists, "Reviews are for IGP and auditors.")
        .flatMap(me -> Mono.zip(backend.overdue().collectList(), backend.dueWithin(SOON).collectList()))
        .map(lists -> {
          model.addAttribute("today", backend.today());
          model.addAttribute("overdue", lists.getT1());
          model.addAttribute("due", lists.getT2());
          return "reviews";
        });
  }

  @GetMapping("/deadlines/exigent")
  Mono<String> exigent(Model model) {
    return allowed(PageUser::seesWorkLists, "Exigent deadlines are for IGP and auditors.")
        .flatMap(me -> backend.exigentDeadlines().collectList())
        .map(items -> {
          model.addAttribute("today", backend.today());
          model.addAttribute("items", items);
          return "exigent";
        });
  }

  @GetMapping("/audit/approvals")
  Mono<String> approvals(@RequestParam(required = false) String actor, @RequestParam(required = false) String office,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model) {
    model.addAttribute("actor", actor);
    model.addAttribute("office", office);
    model.addAttribute("from", from);
    model.addAttribute("to", to);
    return allowed(PageUser::auditor, "The approvals audit is for auditors.").flatMap(me -> {
      ApprovalSearch search;
      try {
        search = search(actor, office, from, to);
      } catch (Refusal.Invalid invalid) {
        model.addAttribute("refusal", invalid.refusal());
        model.addAttribute("items", java.util.List.of());
        return Mono.just("approvals");
      }
      model.addAttribute("csvHref", UriComponentsBuilder.fromPath("/audit/approvals.csv")
          .queryParamIfPresent("actor", blank(actor)).queryParamIfPresent("office", blank(office))
          .queryParamIfPresent("from", blank(from)).queryParamIfPresent("to", blank(to)).encode().build().toUriString());
      return backend.approvals(search).collectList().map(items -> {
        model.addAttribute("items", items);
        return "approvals";
      });
    });
  }

  @GetMapping("/audit/approvals.csv")
  Mono<ResponseEntity<Flux<String>>> approvalsCsv(@RequestParam(required = false) String actor, @RequestParam(required = false) String office,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
    return allowed(PageUser::auditor, "The approvals audit is for auditors.").map(me -> {
      ApprovalSearch search = search(actor, office, from, to);
      return ResponseEntity.ok()
          .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
          .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"approvals.csv\"")
          .body(Flux.concat(Flux.just(ApprovalCsv.header()), backend.approvals(search).map(ApprovalCsv::row)));
    });
  }

  /** Days in the registry's zone, both ends inclusive, as the JSON endpoint takes them. */
  private ApprovalSearch search(String actor, String office, String from, String to) {
    Instant start = day(from, "from", false);
    Instant end = day(to, "to", true);
    if (start != null && end != null && !start.isBefore(end)) {
      throw new Refusal.Invalid(Refusal.invalid("to", "is after from"));
    }
    return new ApprovalSearch(blank(actor).orElse(null), blank(office).orElse(null), start, end);
  }

  private Instant day(String value, String field, boolean end) {
    if (blank(value).isEmpty()) {
      return null;
    }
    try {
      LocalDate day = LocalDate.parse(value.trim());
      return (end ? day.plusDays(1) : day).atStartOfDay(backend.clock().getZone()).toInstant();
    } catch (DateTimeParseException e) {
      throw new Refusal.Invalid(Refusal.invalid(field, "must be a date (YYYY-MM-DD)"));
    }
  }

  private static java.util.Optional<String> blank(String value) {
    return value == null || value.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(value.trim());
  }

  private static Mono<PageUser> allowed(Predicate<PageUser> rule, String otherwise) {
    return CurrentActor.authentication().map(PageUser::of).map(me -> {
      if (!rule.test(me)) {
        throw new ForbiddenPage(otherwise);
      }
      return me;
    });
  }
}
