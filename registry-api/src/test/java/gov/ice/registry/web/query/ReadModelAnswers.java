package gov.ice.registry.web.query;

import com.fasterxml.jackson.databind.JsonNode;
import gov.ice.registry.support.RegistryClient;
import gov.ice.registry.support.TestUsers;
import java.util.List;

/** What every read model answers an auditor: the read-side ITs compare it before and after a crash, a restart or a rebuild. */
final class ReadModelAnswers {

  static final List<String> QUERIES = List.of("/api/agreements?size=200&sort=createdAt", "/api/audit/approvals",
      "/api/reviews/due?within=P1000D", "/api/deadlines/exigent", "/api/notices");

  private ReadModelAnswers() {}

  static List<JsonNode> of(RegistryClient client) {
    return QUERIES.stream().map(q -> client.as(TestUsers.AUDITOR).get(q).json()).toList();
  }
}
