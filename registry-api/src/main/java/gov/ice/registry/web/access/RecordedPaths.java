package gov.ice.registry.web.access;

import java.util.Map;

/**
 * The GET paths that return agreement content or lists, as the OpenAPI document writes them, with
 * the action each records in the access log. The catalogue lists them; a test checks that every
 * GET path of the document whose answer holds agreement data is here.
 */
public final class RecordedPaths {

  public static final Map<String, String> API = Map.ofEntries(
      Map.entry("/api/agreements/{id}", "VIEW, AS_OF_VIEW (asOf), DENIED"),
      Map.entry("/api/agreements/{id}/history", "HISTORY, DENIED"),
      Map.entry("/api/agreements/{id}/evidence", "EVIDENCE, DENIED"),
      Map.entry("/api/agreements", "LIST"),
      Map.entry("/api/agreements/{id}/documents", "VIEW, DENIED"),
      Map.entry("/api/agreements/{id}/documents/{documentId}", "DOCUMENT_DOWNLOAD, DENIED"),
      Map.entry("/api/agreements/{id}/timeline", "VIEW, DENIED"),
      Map.entry("/api/agreements/{id}/gate-view", "GATE_VIEW, DENIED"),
      Map.entry("/api/ledger/verify", "VIEW, DENIED (agreementId)"),
      Map.entry("/api/audit/approvals", "LIST, EXPORT (format=csv)"),
      Map.entry("/api/reviews/overdue", "LIST"),
      Map.entry("/api/reviews/due", "LIST"),
      Map.entry("/api/deadlines/exigent", "LIST"),
      Map.entry("/api/notices", "LIST"),
      Map.entry("/api/work", "LIST"),
      Map.entry("/api/sharing-decisions", "LIST (a decision naming a hidden agreement is withheld)"),
      Map.entry("/api/sharing-decisions/{id}", "VIEW"),
      Map.entry("/api/audit/access", "ACCESS_LOG_READ"),
      Map.entry("/api/agreements/{id}/access-log", "ACCESS_LOG_READ"));

  /** The pages and files, which the OpenAPI document does not describe. */
  public static final Map<String, String> PAGES = Map.ofEntries(
      Map.entry("/agreements/{id}", "VIEW, AS_OF_VIEW (asOf), DENIED"),
      Map.entry("/agreements/{id}/draft", "VIEW, DENIED"),
      Map.entry("/agreements/{id}/evidence.json", "EVIDENCE, DENIED"),
      Map.entry("/", "LIST"),
      Map.entry("/agreements.csv", "EXPORT"),
      Map.entry("/reviews", "LIST"),
      Map.entry("/deadlines/exigent", "LIST"),
      Map.entry("/audit/approvals", "LIST"),
      Map.entry("/audit/approvals.csv", "EXPORT"),
      Map.entry("/work", "LIST"),
      Map.entry("/audit/access", "ACCESS_LOG_READ"));

  private RecordedPaths() {}
}
