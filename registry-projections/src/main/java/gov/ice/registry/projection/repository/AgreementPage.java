package gov.ice.registry.projection.repository;

import java.util.List;
import java.util.Map;

/**
 * One page of a search, the number of matches, and the facet counts of all matches (not only
 * this page): by {@code status}, {@code kind}, {@code category}, {@code partyKind},
 * {@code country} (upper-cased), {@code directorate} and {@code pii} ("true"/"false"), each
 * value as stored, as text. An agreement counts once per value it has (a category, a country).
 * {@code highlights}: with free text, an item's id to the passage of its text that matched best,
 * HTML-escaped, the matched words in {@code <mark>}. {@code matches}: with free text, an item's id
 * to its attached documents whose text matched, each with its best passage, marked the same way.
 */
public record AgreementPage(
    List<AgreementDocument> items, long total, int page, int size, Map<String, Map<String, Long>> facets,
    Map<String, String> highlights, Map<String, List<DocumentMatch>> matches) {

  /** An attached document whose text matched, its cleaned file name (null if unknown), and its passage. */
  public record DocumentMatch(String documentId, String fileName, String passage) {}

  public AgreementPage {
    highlights = highlights == null ? Map.of() : Map.copyOf(highlights);
    matches = matches == null ? Map.of() : Map.copyOf(matches);
  }

  public AgreementPage(List<AgreementDocument> items, long total, int page, int size, Map<String, Map<String, Long>> facets,
      Map<String, String> highlights) {
    this(items, total, page, size, facets, highlights, Map.of());
  }

  public AgreementPage(List<AgreementDocument> items, long total, int page, int size, Map<String, Map<String, Long>> facets) {
    this(items, total, page, size, facets, Map.of(), Map.of());
  }
}
