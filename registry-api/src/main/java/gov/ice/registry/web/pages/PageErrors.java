package gov.ice.registry.web.pages;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.server.ServerWebExchange;

/**
 * A page that fails answers with a page, not with the JSON API's problem: the refusal's words
 * where there are some, a request id to quote otherwise. Ahead of the API's handler, for the
 * pages' controllers only.
 */
@ControllerAdvice(basePackageClasses = PageErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

  private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

  @ExceptionHandler(NotFoundPage.class)
  String notFound(NotFoundPage e, ServerWebExchange exchange, Model model) {
    exchange.getResponse().setStatusCode(HttpStatus.NOT_FOUND);
    model.addAttribute("title", "Not found");
    model.addAttribute("message", e.getMessage());
    return "error-page";
  }

  @ExceptionHandler(ForbiddenPage.class)
  String forbidden(ForbiddenPage e, ServerWebExchange exchange, Model model) {
    exchange.getResponse().setStatusCode(HttpStatus.FORBIDDEN);
    model.addAttribute("title", "Not allowed");
    model.addAttribute("message", e.getMessage());
    return "error-page";
  }

  @ExceptionHandler(Throwable.class)
  String other(Throwable e, ServerWebExchange exchange, Model model) {
    Refusal refusal = Refusal.of(e);
    if (refusal != null) {
      exchange.getResponse().setStatusCode(refusal.status());
      model.addAttribute("title", refusal.title());
      model.addAttribute("message", refusal.detail());
      return "error-page";
    }
    log.error("Page failed: {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), e);
    exchange.getResponse().setStatusCode(HttpStatus.INTERNAL_SERVER_ERROR);
    model.addAttribute("title", "Something went wrong");
    model.addAttribute("message", "The registry failed unexpectedly; the error is logged with request " + exchange.getRequest().getId() + ".");
    return "error-page";
  }

  /** No such agreement (or no such page). */
  static final class NotFoundPage extends RuntimeException {
    NotFoundPage(String message) {
      super(message);
    }
  }

  /** The user's roles do not allow this page. */
  static final class ForbiddenPage extends RuntimeException {
    ForbiddenPage(String message) {
      super(message);
    }
  }
}
