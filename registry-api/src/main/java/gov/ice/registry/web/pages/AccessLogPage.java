package gov.ice.registry.web.pages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.ice.registry.integrity.log.ChainedLog;
import gov.ice.registry.security.CurrentActor;
import gov.ice.registry.web.access.AccessAction;
import gov.ice.registry.web.access.AccessLog;
import gov.ice.registry.web.pages.PageErrors.ForbiddenPage;
import gov.ice.registry.web.pages.WorkListPages.Pager;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code /audit/access}: the access log for a security officer, newest first, {@link WorkListPages#ROWS}
 * a page: who read agreement X ({@code agreementId}), what user Y read ({@code actor}), with the
 * action, outcome and days ({@code from}, {@code to} inclusive, in the registry's zone). The same
 * log and the same rules as {@code GET /api/audit/access}: auditors only, reading it is recorded,
 * and a record of an agreement the markings hide from the reader is shown withheld.
 */
@Controller
class AccessLogPage {

  /** One row as the page shows it. */
  record Row(long sequence, String at, String actor, String agreementId, String action, String outcome, String path,
      String sourceAddress, String requestId, String sections, String format, boolean withheld) {}

  private final AccessLog log;
  private final PageBackend backend;
  private final ObjectMapper mapper;

  AccessLogPage(AccessLog log, PageBackend backend, ObjectMapper mapper) {
    this.log = log;
    this.backend = backend;
    this.mapper = mapper;
  }

  @GetMapping("/audit/access")
  Mono<String> records(@RequestParam(required = false) String agreementId, @RequestParam(required = false) String actor,
      @RequestParam(required = false) String action, @RequestParam(required = false) String outcome,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(required = false) String page, Model model, ServerWebExchange exchange) {
    int asked = page == null || !page.matches("\\d{1,6}") ? 0 : Integer.parseInt(page);
    model.addAttribute("agreementId", agreementId);
    model.addAttribute("actor", actor);
    model.addAttribute("action", action);
    model.addAttribute("outcome", outcome);
    model.addAttribute("from", from);
    model.addAttribute("to", to);
    model.addAttribute("actions", AccessAction.values());
    return CurrentActor.authentication().map(PageUser::of).flatMap(me -> {
      if (!me.auditor()) {
        return Mono.error(new ForbiddenPage("The access log is for auditors."));
      }
      ChainedLog.Filter filter;
      try {
        filter = new ChainedLog.Filter(blank(actor).orElse(null), blank(agreementId).orElse(null), action(action),
            outcome(outcome), day(from, "from", false), day(to, "to", true));
      } catch (Refusal.Invalid invalid) {
        model.addAttribute("refusal", invalid.refusal());
        model.addAttribute("items", List.of());
        model.addAttribute("total", 0L);
        return Mono.just("access-log");
      }
      return backend.access().reader().flatMap(reader -> backend.access().hidden(reader).flatMap(hidden -> (filter.subject() == null
          ? Mono.just(false) : backend.access().hides(reader, hidden, filter.subject())).flatMap(hides -> {
        if (hides) {
          // As for an agreement that does not exist: its readers are not shown to whom its markings keep it from.
          return backend.access().denied(exchange, reader, filter.subject(), "access-log")
              .then(Mono.error(new PageErrors.NotFoundPage("No agreement has the id " + filter.subject() + ".")));
        }
        return Mono.fromCallable(() -> {
              ChainedLog.Page first = log.chained().list(filter, asked, WorkListPages.ROWS);
              int at = Pager.clamp(asked, first.total());
              return at == asked ? first : log.chained().list(filter, at, WorkListPages.ROWS);
            })
            .subscribeOn(Schedulers.boundedElastic())
            .flatMap(found -> backend.access().record(exchange, reader, AccessAction.ACCESS_LOG_READ,
                    filter.subject() == null ? List.of() : List.of(filter.subject()), "access-log", "html")
                .thenReturn(found))
            // The page's agreements the index does not hide may still be ones it has not indexed yet: the ledger answers for those.
            .flatMap(found -> backend.access().withheld(reader, hidden, found.items().stream().map(ChainedLog.StoredEntry::subject).toList())
                .map(withheld -> java.util.Map.entry(found, withheld)))
            .map(pair -> {
              ChainedLog.Page found = pair.getKey();
              Set<String> withheld = pair.getValue();
              model.addAttribute("total", found.total());
              model.addAttribute("items", found.items().stream().map(e -> row(e, withheld)).toList());
              model.addAttribute("pager", Pager.of(found.page(), found.total(), other -> UriComponentsBuilder.fromPath("/audit/access")
                  .queryParamIfPresent("agreementId", blank(agreementId)).queryParamIfPresent("actor", blank(actor))
                  .queryParamIfPresent("action", blank(action)).queryParamIfPresent("outcome", blank(outcome))
                  .queryParamIfPresent("from", blank(from)).queryParamIfPresent("to", blank(to)).queryParam("page", other)));
              return "access-log";
            });
      })));
    });
  }

  private Row row(ChainedLog.StoredEntry e, Set<String> hidden) {
    if (e.subject() != null && hidden.contains(e.subject())) {
      return new Row(e.sequence(), e.at(), e.actor(), null, e.kind(), e.outcome(), null, null, null, null, null, true);
    }
    JsonNode d;
    try {
      d = mapper.readTree(e.body());
    } catch (IOException unreadable) {
      d = mapper.createObjectNode();
    }
    List<String> sections = new java.util.ArrayList<>();
    d.path("sections").forEach(s -> sections.add(s.asText()));
    return new Row(e.sequence(), e.at(), e.actor(), e.subject(), e.kind(), e.outcome(), text(d, "path"), text(d, "sourceAddress"),
        text(d, "requestId"), String.join(", ", sections), text(d, "format"), false);
  }

  private static String text(JsonNode d, String field) {
    JsonNode v = d.path(field);
    return v.isMissingNode() || v.isNull() ? null : v.asText();
  }

  private static String action(String value) {
    Optional<String> v = blank(value);
    if (v.isPresent() && Arrays.stream(AccessAction.values()).noneMatch(a -> a.name().equals(v.get()))) {
      throw new Refusal.Invalid(Refusal.invalid("action", "is one of the actions listed"));
    }
    return v.orElse(null);
  }

  private static String outcome(String value) {
    Optional<String> v = blank(value);
    if (v.isPresent() && !Set.of("ALLOWED", "DENIED").contains(v.get())) {
      throw new Refusal.Invalid(Refusal.invalid("outcome", "is Allowed or Denied"));
    }
    return v.orElse(null);
  }

  /** A day in the registry's zone: its start, or with {@code end} the next day's start (the day inclusive). */
  private Instant day(String value, String field, boolean end) {
    Optional<String> v = blank(value);
    if (v.isEmpty()) {
      return null;
    }
    try {
      LocalDate day = LocalDate.parse(v.get());
      return (end ? day.plusDays(1) : day).atStartOfDay(backend.clock().getZone()).toInstant();
    } catch (DateTimeParseException e) {
      throw new Refusal.Invalid(Refusal.invalid(field, "must be a date (YYYY-MM-DD)"));
    }
  }

  private static Optional<String> blank(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }
}
