package gov.ice.registry.operations;

import gov.ice.registry.security.CheckedSignIn;
import gov.ice.registry.security.SecurityEvents;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;
import reactor.util.context.Context;

/**
 * Gives every request its id, and writes one access-log line when it ends. The id is the
 * caller's {@code X-Request-Id} when it is well formed (1 to 64 letters, digits, {@code .},
 * {@code _}, {@code -}), else the trace id of a well-formed W3C {@code traceparent}, else a new
 * UUID; it becomes the request's own id (what the ledger records in each event's metadata, the
 * logs' {@code request.id} and each problem's {@code requestId}) and goes back in the {@code
 * X-Request-Id} response header. Right after the trusted-proxy check, ahead of every other
 * filter, so that even a refused body or a failed sign-in carries it.
 *
 * <p>The access line (logger {@code gov.ice.registry.access}) gives method, path, status,
 * duration, user and request id. A 401 or 403, a 404 on an agreement, and an administrative or
 * irreversible action also make a line on the security events logger ({@link SecurityEvents}),
 * whichever part of the registry answered.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestIds implements WebFilter {

  static final String HEADER = "X-Request-Id";
  private static final Logger ACCESS = LoggerFactory.getLogger("gov.ice.registry.access");
  private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  /** W3C Trace Context, version 00 exactly; a later version may append fields. */
  private static final Pattern TRACEPARENT = Pattern.compile("([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?");
  private static final Pattern ADMIN = Pattern.compile(
      "/api/admin/projections/([^/]+)/rebuild|/api/admin/.+|/api/ledger/checkpoints|/api/agreements/[^/]+/personal-data/erasure"
          + "|/api/agreements/[^/]+/withdrawal|/api/agreements/[^/]+/documents/[^/]+/withdrawal|/agreements/[^/]+/actions/withdraw");

  private final SecurityEvents events;

  RequestIds(SecurityEvents events) {
    this.events = events;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    String id = chosen(exchange.getRequest().getHeaders()).orElseGet(() -> UUID.randomUUID().toString());
    ServerWebExchange identified = exchange.mutate().request(new ServerHttpRequestDecorator(exchange.getRequest()) {
      @Override
      public String getId() {
        return id;
      }
    }).build();
    identified.getResponse().getHeaders().set(HEADER, id);
    long start = System.nanoTime();
    return chain.filter(identified)
        .contextWrite(Context.of(RequestLogContext.KEY, Map.of(RequestLogContext.REQUEST_ID, id)))
        .doFinally(signal -> ended(identified, start, signal));
  }

  /** The caller's id when it is well formed. */
  static Optional<String> chosen(HttpHeaders headers) {
    String given = headers.getFirst(HEADER);
    if (given != null && REQUEST_ID.matcher(given).matches()) {
      return Optional.of(given);
    }
    String traceparent = headers.getFirst("traceparent");
    if (traceparent != null && traceparent.length() <= 512) {
      Matcher trace = TRACEPARENT.matcher(traceparent);
      if (trace.matches() && !"ff".equals(trace.group(1)) && !("00".equals(trace.group(1)) && trace.group(5) != null)
          && !trace.group(2).matches("0+") && !trace.group(3).matches("0+")) {
        return Optional.of(trace.group(2));
      }
    }
    return Optional.empty();
  }

  private void ended(ServerWebExchange exchange, long start, SignalType signal) {
    String path = exchange.getRequest().getPath().pathWithinApplication().value();
    String method = exchange.getRequest().getMethod().name();
    HttpStatusCode code = exchange.getResponse().getStatusCode();
    int status = code == null ? (signal == SignalType.CANCEL ? 499 : 200) : code.value();
    String user = exchange.getAttribute(SecurityEvents.USER_ATTRIBUTE);
    String address = CheckedSignIn.clientAddress(exchange);
    long millis = (System.nanoTime() - start) / 1_000_000;
    try (MDC.MDCCloseable id = MDC.putCloseable(SecurityEvents.REQUEST_ID, exchange.getRequest().getId());
        MDC.MDCCloseable who = user == null ? null : MDC.putCloseable(SecurityEvents.USER, user)) {
      ACCESS.atInfo()
          .setMessage(method + " " + path + " " + status + " " + millis + " ms" + (user == null ? "" : " " + user))
          .addKeyValue("http.request.method", method)
          .addKeyValue("url.path", path)
          .addKeyValue("http.response.status_code", status)
          .addKeyValue("event.duration", millis * 1_000_000)
          .addKeyValue("client.ip", address)
          .log();
      if (SecurityEvents.refusalWorthRecording(status, path)) {
        events.accessRefused(exchange, user, status, path, address);
      }
      adminAction(method, path).ifPresent(action -> events.adminAction(exchange, user, action, status, path));
    }
  }

  /** The administrative or irreversible action a request asks for, if it asks for one. */
  static Optional<String> adminAction(String method, String path) {
    Matcher admin = ADMIN.matcher(path);
    if ("GET".equals(method) || "HEAD".equals(method) || !admin.matches()) {
      return Optional.empty();
    }
    if (admin.group(1) != null) {
      return Optional.of("projection-rebuild");
    }
    if (path.endsWith("/personal-data/erasure")) {
      return Optional.of("personal-data-erasure");
    }
    if (path.contains("/documents/")) {
      return Optional.of("document-withdrawal");
    }
    if (path.endsWith("/withdrawal") || path.endsWith("/actions/withdraw")) {
      return Optional.of("agreement-withdrawal");
    }
    if (path.startsWith("/api/ledger/checkpoints")) {
      return Optional.of("ledger-checkpoint");
    }
    return Optional.of("admin-action");
  }
}
