package gov.ice.registry.web.problem;

import static gov.ice.registry.agreement.AgreementFixtures.ruleIds;
import static org.assertj.core.api.Assertions.assertThat;

import gov.ice.registry.agreement.api.AgreementRefused;
import gov.ice.registry.agreement.api.RefusalCode;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** The mapping of what a command can end in to problem details, however deeply it arrives wrapped. */
class ProblemHandlingTest {

  private final ProblemHandling handling = new ProblemHandling(5);
  private final MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/api/agreements"));

  @Test
  void answersAnUnreachableStoreWithServiceUnavailableAndRetryAfter() {
    RuntimeException wrapped = new CompletionException(new CannotCreateTransactionException("no connection",
        new SQLTransientConnectionException("ledger - Connection is not available, request timed out after 2500ms")));
    ResponseEntity<ProblemDetail> response = handling.other(wrapped, exchange);
    assertThat(response.getStatusCode().value()).isEqualTo(503);
    assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("5");
    assertThat(response.getBody().getType().toString()).endsWith("/store-unavailable");
  }

  @Test
  void answersAReadWhoseConnectionDiedWithServiceUnavailable() {
    TransactionSystemException rollbackFailed = new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
    assertThat(handling.other(rollbackFailed, exchange).getStatusCode().value()).isEqualTo(503);
    assertThat(handling.other(new SQLException("terminating connection due to administrator command", "57P01"), exchange)
        .getStatusCode().value()).isEqualTo(503);
  }

  @Test
  void answersALifecycleRefusalWithConflictItsCodeAndRules() {
    RuntimeException wrapped = new CommandExecutionException("refused",
        new AgreementRefused(RefusalCode.SHARING_BLOCKED, "section 1367 data", ruleIds("B1")));
    ResponseEntity<ProblemDetail> response = handling.other(wrapped, exchange);
    assertThat(response.getStatusCode().value()).isEqualTo(409);
    assertThat(response.getBody().getType().toString()).isEqualTo("tag:ice.gov,2026:isaa-registry/problems/sharing-blocked");
    assertThat(response.getBody().getProperties()).containsEntry("code", "SHARING_BLOCKED").containsEntry("rules", List.of("B1"));
  }

  @Test
  void answersInvalidInputRefusalsWithBadRequest() {
    ResponseEntity<ProblemDetail> response =
        handling.other(new AgreementRefused(RefusalCode.DATE_INVALID, "signedOn is in the future", List.of()), exchange);
    assertThat(response.getStatusCode().value()).isEqualTo(400);
  }

  @Test
  void answersAStaleVersionWithConflict() {
    ResponseEntity<ProblemDetail> response = handling.other(new ConflictingAggregateVersionException("a", 0, 1), exchange);
    assertThat(response.getStatusCode().value()).isEqualTo(409);
    assertThat(response.getBody().getType().toString()).endsWith("/version-conflict");
  }
}
