package gov.ice.registry.web.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every GET path of the committed OpenAPI document whose answer holds agreement data records its reads. */
class RecordedPathsTest {

  /** The schemas that carry agreement content or agreement lists. */
  private static final Set<String> AGREEMENT_DATA = Set.of("AgreementView", "AgreementSearchResponse", "AgreementSearchItem",
      "HistoryEntry", "Approvals", "Reviews", "ExigentDeadlines", "Notices", "WorkPage", "Timeline", "GateView", "EvidenceBundle",
      "DocumentView", "LedgerVerification", "SharingDecisionPage");

  @Test
  void everyGetPathReturningAgreementDataIsRecorded() throws Exception {
    JsonNode document = new ObjectMapper().readTree(Path.of("src/main/resources/openapi/registry.json").toFile());
    List<String> unrecorded = new ArrayList<>();
    List<String> withAgreementData = new ArrayList<>();
    document.path("paths").fields().forEachRemaining(path -> {
      JsonNode get = path.getValue().path("get");
      if (get.isMissingNode()) {
        return;
      }
      String answer = get.path("responses").toString();
      boolean agreementData = AGREEMENT_DATA.stream().anyMatch(schema -> answer.contains("/" + schema + "\""))
          || path.getKey().endsWith("/evidence") || path.getKey().endsWith("/access-log")
          || path.getKey().endsWith("/documents") || path.getKey().endsWith("/documents/{documentId}");
      if (agreementData) {
        withAgreementData.add(path.getKey());
        if (!RecordedPaths.API.containsKey(path.getKey())) {
          unrecorded.add(path.getKey());
        }
      }
    });

    assertThat(withAgreementData).contains("/api/agreements/{id}", "/api/agreements", "/api/agreements/{id}/history",
        "/api/agreements/{id}/documents/{documentId}", "/api/audit/approvals", "/api/reviews/due", "/api/reviews/overdue",
        "/api/deadlines/exigent", "/api/notices", "/api/work", "/api/agreements/{id}/timeline", "/api/agreements/{id}/gate-view",
        "/api/ledger/verify");
    assertThat(unrecorded).as("GET paths returning agreement data that the access log does not record").isEmpty();
  }
}
