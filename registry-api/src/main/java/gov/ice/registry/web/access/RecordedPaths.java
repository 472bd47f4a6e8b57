package gov.ice.registry.web.access;

import java.util.Map;

/**
 * The GET paths that return agreement content or lists, as the OpenAPI document writes them, with
 * the action each records in the access log. The catalogue lists them; a test checks that every
 * GET path of the document whose answer holds agreement data is here.
 */
public final class RecordedPaths {

  public static final Map<String, String> API = Map.of(
      "/api/agreements/{id}", "VIEW, AS_OF_VIEW (asOf), DENIED",
      "/api/agreements/{id}/history", "HISTORY, DENIED",
      "/api/agreements/{id}/evidence", "EVIDENCE, DENIED",
      "/api/agreements", "LIST",
      "/api/agreements/{id}/documents", "VIEW, DENIED",
      "/api/agreements/{id}/documents/{documentId}", "DOCUMENT_DOWNLOAD, DENIED",
      "/api/audit/access", "ACCESS_LOG_READ",
      "/api/agreements/{id}/access-log", "ACCESS_LOG_READ");

  /** The pages and files, which the OpenAPI document does not describe. */
  public static final Map<String, String> PAGES = Map.of(
      "/agreements/{id}", "VIEW, AS_OF_VIEW (asOf)",
      "/", "LIST",
      "/agreements.csv", "EXPORT");

  private RecordedPaths() {}
}
