package gov.ice.registry.operations;

import gov.ice.registry.security.SecurityEvents;
import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ThreadLocalAccessor;
import java.security.Principal;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * Puts the request id (the one the ledger records in each event's metadata; {@link RequestIds}
 * chooses it) and the acting user into every log line of a request. A reactive request hops between threads, so the values live
 * in Reactor's context and {@code spring.reactor.context-propagation=auto} restores them into the
 * MDC of whichever thread runs a step (also the bounded elastic threads that run commands).
 * Runs after Spring Security's filter chain, once the user is known.
 */
@Component
class RequestLogContext implements WebFilter, Ordered {

  static final String REQUEST_ID = "request.id";
  static final String USER = "user.name";
  static final String KEY = "registry.log.context";

  static {
    ContextRegistry.getInstance().registerThreadLocalAccessor(new MdcAccessor());
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    String requestId = exchange.getRequest().getId();
    return exchange.getPrincipal().map(Principal::getName).defaultIfEmpty("")
        .flatMap(user -> {
          Map<String, String> values = new HashMap<>();
          values.put(REQUEST_ID, requestId);
          if (!user.isEmpty()) {
            values.put(USER, user);
            exchange.getAttributes().put(SecurityEvents.USER_ATTRIBUTE, user);
          }
          return chain.filter(exchange).contextWrite(Context.of(KEY, Map.copyOf(values)));
        });
  }

  /** After the security chain (order -100): the principal is set by then. */
  @Override
  public int getOrder() {
    return 0;
  }

  /** The two MDC entries as one value of the Reactor context. */
  static final class MdcAccessor implements ThreadLocalAccessor<Map<String, String>> {

    @Override
    public Object key() {
      return KEY;
    }

    @Override
    public Map<String, String> getValue() {
      String requestId = MDC.get(REQUEST_ID);
      if (requestId == null) {
        return null;
      }
      String user = MDC.get(USER);
      return user == null ? Map.of(REQUEST_ID, requestId) : Map.of(REQUEST_ID, requestId, USER, user);
    }

    @Override
    public void setValue(Map<String, String> value) {
      MDC.remove(USER);
      value.forEach(MDC::put);
    }

    @Override
    public void setValue() {
      MDC.remove(REQUEST_ID);
      MDC.remove(USER);
    }
  }
}
