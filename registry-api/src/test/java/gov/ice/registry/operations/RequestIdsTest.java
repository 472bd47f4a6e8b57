package gov.ice.registry.operations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class RequestIdsTest {

  static HttpHeaders headers(String name, String value) {
    HttpHeaders headers = new HttpHeaders();
    headers.set(name, value);
    return headers;
  }

  @Test
  void honoursAWellFormedRequestId() {
    assertThat(RequestIds.chosen(headers("X-Request-Id", "abc-123_x.y"))).contains("abc-123_x.y");
  }

  @Test
  void refusesARequestIdTooLongOrWithUnsafeCharacters() {
    assertThat(RequestIds.chosen(headers("X-Request-Id", "a".repeat(65)))).isEmpty();
    assertThat(RequestIds.chosen(headers("X-Request-Id", "x\r\nforged: line"))).isEmpty();
    assertThat(RequestIds.chosen(headers("X-Request-Id", "<script>"))).isEmpty();
    assertThat(RequestIds.chosen(headers("X-Request-Id", ""))).isEmpty();
  }

  @Test
  void takesTheTraceIdOfAWellFormedTraceparent() {
    assertThat(RequestIds.chosen(headers("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")))
        .contains("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(RequestIds.chosen(headers("traceparent", "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-later")))
        .as("a later version may add fields").contains("4bf92f3577b34da6a3ce929d0e0e4736");
  }

  @Test
  void refusesAMalformedTraceparent() {
    assertThat(RequestIds.chosen(headers("traceparent", "00-00000000000000000000000000000000-00f067aa0ba902b7-01"))).isEmpty();
    assertThat(RequestIds.chosen(headers("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01"))).isEmpty();
    assertThat(RequestIds.chosen(headers("traceparent", "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"))).isEmpty();
    assertThat(RequestIds.chosen(headers("traceparent", "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01"))).isEmpty();
    assertThat(RequestIds.chosen(headers("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra"))).isEmpty();
  }

  @Test
  void namesTheAdministrativeAndIrreversibleActionsOnRecord() {
    assertThat(RequestIds.adminAction("POST", "/api/admin/projections/repository/rebuild")).contains("projection-rebuild");
    assertThat(RequestIds.adminAction("POST", "/api/admin/notices/run")).contains("admin-action");
    assertThat(RequestIds.adminAction("POST", "/api/agreements/a1/personal-data/erasure")).contains("personal-data-erasure");
    assertThat(RequestIds.adminAction("POST", "/api/agreements/a1/withdrawal")).contains("agreement-withdrawal");
    assertThat(RequestIds.adminAction("POST", "/agreements/a1/actions/withdraw")).contains("agreement-withdrawal");
    assertThat(RequestIds.adminAction("POST", "/api/agreements/a1/documents/d1/withdrawal")).contains("document-withdrawal");
    assertThat(RequestIds.adminAction("POST", "/api/ledger/checkpoints")).contains("ledger-checkpoint");
  }

  @Test
  void leavesReadsAndOrdinaryCommandsToTheAccessLog() {
    assertThat(RequestIds.adminAction("GET", "/api/admin/projections")).isEmpty();
    assertThat(RequestIds.adminAction("POST", "/api/agreements/a1/concurrences")).isEmpty();
    assertThat(RequestIds.adminAction("POST", "/agreements/a1/actions/sign")).isEmpty();
  }
}
