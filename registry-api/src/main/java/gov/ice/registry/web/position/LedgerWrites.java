package gov.ice.registry.web.position;

import gov.ice.registry.agreement.api.AgreementId;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.web.server.ServerWebExchange;

/**
 * The agreements one request's commands wrote to, kept on the exchange so that the answer can name
 * the ledger position of their last event. The command path adds to it as each command commits; a
 * bulk import adds from the thread that imports its rows, hence the concurrent set.
 */
public final class LedgerWrites {

  static final String ATTRIBUTE = LedgerWrites.class.getName();

  private final Set<AgreementId> agreements = ConcurrentHashMap.newKeySet();

  /** The writes of this exchange, or null outside a request the position filter saw (tests, jobs). */
  public static LedgerWrites of(ServerWebExchange exchange) {
    return exchange.getAttribute(ATTRIBUTE);
  }

  public void wrote(AgreementId agreement) {
    agreements.add(agreement);
  }

  Set<AgreementId> agreements() {
    return Set.copyOf(agreements);
  }
}
