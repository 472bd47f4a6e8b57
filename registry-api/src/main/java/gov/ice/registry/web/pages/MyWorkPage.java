package gov.ice.registry.web.pages;

import gov.ice.registry.projection.work.WorkQueries;
import gov.ice.registry.security.CurrentActor;
import gov.ice.registry.web.pages.WorkListPages.Pager;
import java.time.LocalDate;
import gov.ice.registry.projection.work.WorkEntry;
import gov.ice.registry.web.access.AccessAction;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * {@code /work}: what awaits the signed-in person, the page they land on after signing in (an
 * auditor, with no queue, lands on the repository). The same queue as {@code GET /api/work},
 * {@link WorkListPages#ROWS} items a page, each with why, since when in business days, and a link.
 */
@Controller
class MyWorkPage {

  private final WorkQueries work;
  private final PageBackend backend;

  MyWorkPage(WorkQueries work, PageBackend backend) {
    this.work = work;
    this.backend = backend;
  }

  @GetMapping("/work")
  Mono<String> work(@RequestParam(required = false) String page, Model model, ServerWebExchange exchange) {
    int asked = page == null || !page.matches("\\d{1,6}") ? 0 : Integer.parseInt(page);
    LocalDate today = LocalDate.now(backend.clock());
    return CurrentActor.authentication().map(PageUser::of)
        .flatMap(me -> backend.hidden().flatMap(hidden -> work.queue(me.roles(), today, asked, WorkListPages.ROWS, hidden)
            .flatMap(found -> {
              int at = Pager.clamp(asked, found.total());
              return at == asked ? Mono.just(found) : work.queue(me.roles(), today, at, WorkListPages.ROWS, hidden);
            })))
        .flatMap(found -> {
          model.addAttribute("today", today);
          model.addAttribute("items", found.items());
          model.addAttribute("pager", Pager.of(found.page(), found.total(),
              at -> UriComponentsBuilder.fromPath("/work").queryParam("page", at)));
          return backend.access().record(exchange, AccessAction.LIST,
              found.items().stream().map(WorkEntry::agreementId).distinct().toList(), "work", "html").thenReturn("work");
        });
  }
}
