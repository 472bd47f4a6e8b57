package gov.ice.registry.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.event.Level;
import org.slf4j.spi.LoggingEventBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The security events an auditor reads: one log line per event on the logger {@code
 * gov.ice.registry.security.events}, with Elastic Common Schema fields ({@code event.category},
 * {@code event.action}, {@code event.outcome}, {@code event.reason}, {@code client.ip}, ...) as
 * key-value pairs, and the request id ({@code request.id}) and user ({@code user.name}) in the
 * MDC, so that the JSON logs carry them as fields and the plain logs still read as sentences.
 * Counters for the events worth alerting on: {@code registry.sign_ins{outcome}} and {@code
 * registry.access.refusals{status}}.
 */
@Component
public final class SecurityEvents {

  static final Logger LOG = LoggerFactory.getLogger("gov.ice.registry.security.events");
  public static final String REQUEST_ID = "request.id";
  public static final String USER = "user.name";
  /** The exchange attribute holding the authenticated user's name, once the security chain knows it. */
  public static final String USER_ATTRIBUTE = "registry.user";

  private static final int MAX_TEXT = 100;

  private final MeterRegistry meters;

  public SecurityEvents(ObjectProvider<MeterRegistry> meters) {
    this.meters = meters.getIfAvailable(SimpleMeterRegistry::new);
  }

  /** A sign-in succeeded, failed or was refused by the throttle. */
  void signIn(ServerWebExchange exchange, String username, String address, String outcome, String reason, Map<String, Object> more) {
    Counter.builder("registry.sign_ins").description("Password sign-ins (HTTP Basic and the sign-in form), by outcome")
        .tag("outcome", outcome).register(meters).increment();
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("client.ip", address);
    if (reason != null) {
      fields.put("event.reason", reason);
    }
    fields.putAll(more);
    String message = switch (outcome) {
      case "success" -> "Sign-in of " + safe(username) + " from " + address;
      case "throttled" -> "Sign-in of " + safe(username) + " from " + address + " refused: " + reason;
      default -> "Sign-in of " + safe(username) + " from " + address + " failed: " + reason;
    };
    record(exchange, username, "authentication", "sign-in", "success".equals(outcome) ? "success" : "failure",
        "success".equals(outcome) ? Level.INFO : Level.WARN, message, fields);
  }

  /** A request answered 401, 403 or 404 where it matters (see {@link #refusalWorthRecording}). */
  public void accessRefused(ServerWebExchange exchange, String user, int status, String path, String address) {
    Counter.builder("registry.access.refusals").description("Requests refused as unauthenticated (401), forbidden (403) or not found on an agreement (404)")
        .tag("status", Integer.toString(status)).register(meters).increment();
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("http.response.status_code", status);
    fields.put("url.path", path);
    fields.put("client.ip", address);
    String what = switch (status) {
      case 401 -> "not authenticated";
      case 403 -> "forbidden";
      default -> "not found";
    };
    record(exchange, user, status == 401 ? "authentication" : "authorization", "access-refused", "failure", Level.WARN,
        exchange.getRequest().getMethod() + " " + path + " refused (" + status + ", " + what + ")", fields);
  }

  /** An administrative or irreversible action was asked for: rebuild, erasure, withdrawal, admin endpoint. */
  public void adminAction(ServerWebExchange exchange, String user, String action, int status, String path) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("http.response.status_code", status);
    fields.put("url.path", path);
    boolean done = status >= 200 && status < 300;
    record(exchange, user, "configuration", action, done ? "success" : "failure", Level.INFO,
        action + " by " + (user == null ? "an anonymous client" : safe(user)) + ": " + path + " answered " + status, fields);
  }

  /** 401 and 403 anywhere; 404 on an agreement's path (API or page), which is also the answer to a read the markings deny. */
  public static boolean refusalWorthRecording(int status, String path) {
    return status == 401 || status == 403
        || status == 404 && (path.startsWith("/api/agreements/") || path.startsWith("/agreements/"));
  }

  /**
   * One line on the events logger. The request id and user go in the MDC for the line (where
   * the request's context has not put them already), the rest as key-value pairs.
   */
  static void record(ServerWebExchange exchange, String user, String category, String action, String outcome, Level level,
      String message, Map<String, Object> fields) {
    String requestId = exchange == null ? null : exchange.getRequest().getId();
    boolean setId = requestId != null && MDC.get(REQUEST_ID) == null;
    boolean setUser = user != null && !user.isBlank() && MDC.get(USER) == null;
    if (setId) {
      MDC.put(REQUEST_ID, requestId);
    }
    if (setUser) {
      MDC.put(USER, safe(user));
    }
    try {
      LoggingEventBuilder line = LOG.atLevel(level).setMessage(message)
          .addKeyValue("event.category", category)
          .addKeyValue("event.action", action)
          .addKeyValue("event.outcome", outcome);
      fields.forEach(line::addKeyValue);
      line.log();
    } finally {
      if (setUser) {
        MDC.remove(USER);
      }
      if (setId) {
        MDC.remove(REQUEST_ID);
      }
    }
  }

  /** A name as typed by anyone: bounded, and no control characters to forge a log line with. */
  static String safe(String text) {
    if (text == null) {
      return "";
    }
    String bounded = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) + "..." : text;
    StringBuilder clean = new StringBuilder(bounded.length());
    bounded.codePoints().forEach(c -> clean.appendCodePoint(Character.isISOControl(c) ? '?' : c));
    return clean.toString();
  }
}
