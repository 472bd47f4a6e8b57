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
import java.util.List;
import java.util.function.Predicate;
import gov.ice.registry.projection.audit.Approval;
import gov.ice.registry.projection.exigent.ExigentDeadline;
import gov.ice.registry.projection.reviews.ReviewStanding;
import gov.ice.registry.web.access.AccessAction;
import org.springframework.web.server.ServerWebExchange;
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
  /** Rows per page: at 10,000 agreements the unpaged lists were 490 KB and 8 MB of HTML. */
  static final int ROWS = 100;

  private final PageBackend backend;

  WorkListPages(PageBackend backend) {
    this.backend = backend;
  }

  @GetMapping("/reviews")
  Mono<String> reviews(@RequestParam(required = false) String overduePage, @RequestParam(required = false) String duePage, Model model,
      ServerWebExchange exchange) {
    int overdueAsked = page(overduePage);
    int dueAsked = page(duePage);
    return allowed(PageUser::seesWorkLists, "Reviews are for IGP and auditors.")
        .flatMap(me -> backend.hidden())
        .flatMap(hidden -> Mono.zip(backend.countOverdue(hidden), backend.countDueWithin(SOON, hidden)).flatMap(totals -> {
          int overdueAt = Pager.clamp(overdueAsked, totals.getT1());
          int dueAt = Pager.clamp(dueAsked, totals.getT2());
          model.addAttribute("today", backend.today());
          model.addAttribute("overduePager", Pager.of(overdueAt, totals.getT1(),
              at -> UriComponentsBuilder.fromPath("/reviews").queryParam("overduePage", at).queryParam("duePage", dueAt)));
          model.addAttribute("duePager", Pager.of(dueAt, totals.getT2(),
              at -> UriComponentsBuilder.fromPath("/reviews").queryParam("overduePage", overdueAt).queryParam("duePage", at)));
          return Mono.zip(backend.overdue(overdueAt, ROWS, hidden).collectList(), backend.dueWithin(SOON, dueAt, ROWS, hidden).collectList());
        }))
        .flatMap(lists -> {
          model.addAttribute("overdue", lists.getT1());
          model.addAttribute("due", lists.getT2());
          List<String> ids = java.util.stream.Stream.concat(lists.getT1().stream(), lists.getT2().stream())
              .map(ReviewStanding::agreementId).distinct().toList();
          return backend.access().record(exchange, AccessAction.LIST, ids, "reviews", "html").thenReturn("reviews");
        });
  }

  @GetMapping("/deadlines/exigent")
  Mono<String> exigent(Model model, ServerWebExchange exchange) {
    return allowed(PageUser::seesWorkLists, "Exigent deadlines are for IGP and auditors.")
        .flatMap(me -> backend.hidden())
        .flatMap(hidden -> backend.exigentDeadlines(hidden).collectList())
        .flatMap(items -> {
          model.addAttribute("today", backend.today());
          model.addAttribute("items", items);
          return backend.access().record(exchange, AccessAction.LIST,
              items.stream().map(ExigentDeadline::agreementId).distinct().toList(), "exigent deadlines", "html").thenReturn("exigent");
        });
  }

  @GetMapping("/audit/approvals")
  Mono<String> approvals(@RequestParam(required = false) String actor, @RequestParam(required = false) String office,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(required = false) String page, Model model, ServerWebExchange exchange) {
    int at = page(page);
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
        model.addAttribute("total", 0L);
        return Mono.just("approvals");
      }
      model.addAttribute("csvHref", UriComponentsBuilder.fromPath("/audit/approvals.csv")
          .queryParamIfPresent("actor", blank(actor)).queryParamIfPresent("office", blank(office))
          .queryParamIfPresent("from", blank(from)).queryParamIfPresent("to", blank(to)).encode().build().toUriString());
      return backend.hidden().flatMap(hidden -> backend.countApprovals(search, hidden).flatMap(total -> {
        int shown = Pager.clamp(at, total);
        model.addAttribute("total", total);
        model.addAttribute("pager", Pager.of(shown, total, other -> UriComponentsBuilder.fromPath("/audit/approvals")
            .queryParamIfPresent("actor", blank(actor)).queryParamIfPresent("office", blank(office))
            .queryParamIfPresent("from", blank(from)).queryParamIfPresent("to", blank(to)).queryParam("page", other)));
        return backend.approvals(search, shown, ROWS, hidden).collectList();
      })).flatMap(items -> {
        model.addAttribute("items", items);
        return backend.access().record(exchange, AccessAction.LIST,
            items.stream().map(Approval::agreementId).distinct().toList(), "approvals", "html").thenReturn("approvals");
      });
    });
  }

  @GetMapping("/audit/approvals.csv")
  Mono<ResponseEntity<Flux<String>>> approvalsCsv(@RequestParam(required = false) String actor, @RequestParam(required = false) String office,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to, ServerWebExchange exchange) {
    return allowed(PageUser::auditor, "The approvals audit is for auditors.").flatMap(me -> {
      ApprovalSearch search = search(actor, office, from, to);
      return backend.access().reader().flatMap(reader -> backend.access().hidden(reader).map(hidden -> ResponseEntity.ok()
          .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
          .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"approvals.csv\"")
          .body(Flux.concat(Flux.just(ApprovalCsv.headerInWords()), backend.access().recorded(exchange, reader, AccessAction.EXPORT,
              backend.approvals(search, hidden), Approval::agreementId, "approvals", "csv").map(ApprovalCsv::rowInWords)))));
    });
  }

  /** A page number from the address: anything but a small whole number shows the first page. */
  private static int page(String value) {
    if (value == null || !value.matches("\\d{1,6}")) {
      return 0;
    }
    return Integer.parseInt(value);
  }

  /** Where a list is among its pages, and the links to the pages beside it. */
  public record Pager(int page, int pages, long total, int first, int last, String prevHref, String nextHref) {

    /** The page asked for, or the last page when the list has fewer. */
    static int clamp(int page, long total) {
      return (int) Math.min(page, Math.max(0, (total - 1) / ROWS));
    }

    static Pager of(int shown, long total, java.util.function.IntFunction<UriComponentsBuilder> at) {
      int pages = (int) Math.max(1, (total + ROWS - 1) / ROWS);
      return new Pager(shown, pages, total, total == 0 ? 0 : shown * ROWS + 1, (int) Math.min(total, (long) (shown + 1) * ROWS),
          shown > 0 ? at.apply(shown - 1).encode().build().toUriString() : null,
          shown < pages - 1 ? at.apply(shown + 1).encode().build().toUriString() : null);
    }
  }

  /** Days in the registry's zone, both ends inclusive, as the JSON endpoint takes them. */
  private ApprovalSearch search(String actor, String office, String from, String to) {
    refuseUnclean("actor", actor);
    refuseUnclean("office", office);
    Instant start = day(from, "from", false);
    Instant end = day(to, "to", true);
    if (start != null && end != null && !start.isBefore(end)) {
      throw new Refusal.Invalid(Refusal.invalid("to", "is after from"));
    }
    return new ApprovalSearch(blank(actor).orElse(null), blank(office).orElse(null), start, end);
  }

  /** As the API refuses it: a control character never leaves a filter that matches nothing. */
  private static void refuseUnclean(String field, String value) {
    String problem = gov.ice.registry.web.query.QueryParameters.problem(value);
    if (problem != null) {
      throw new Refusal.Invalid(Refusal.invalid(field, problem));
    }
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
