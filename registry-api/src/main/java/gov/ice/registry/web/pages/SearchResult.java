package gov.ice.registry.web.pages;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One page of the central repository's search, read from the search's JSON shape ({@code items},
 * {@code total}, {@code page}, {@code size}, {@code facets}) rather than from its Java type, so the
 * pages follow the API's answer whatever type carries it, and show every facet it counts.
 */
record SearchResult(List<Item> items, long total, int page, int size, Map<String, Map<String, Long>> facets) {

  static SearchResult of(JsonNode json) {
    List<Item> items = new ArrayList<>();
    json.path("items").forEach(item -> items.add(Item.of(item)));
    Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
    json.path("facets").fields().forEachRemaining(facet -> {
      Map<String, Long> counts = new LinkedHashMap<>();
      facet.getValue().fields().forEachRemaining(count -> counts.put(count.getKey(), count.getValue().asLong()));
      facets.put(facet.getKey(), counts);
    });
    return new SearchResult(items, json.path("total").asLong(), json.path("page").asInt(), Math.max(1, json.path("size").asInt(20)), facets);
  }

  /** An attached document whose text matched the search words, with its passage (HTML-escaped, words in {@code <mark>}). */
  record Match(String documentId, String fileName, String passage) {}

  /** One agreement of the result, with what the table and the CSV show. */
  record Item(String id, String title, String kind, String status, String scope, String owningDirectorate, List<String> parties,
      List<String> categories, String pii, String marking, String effectiveDate, String terminationDate, String lastReviewedOn,
      String nextReviewDue, String version, String highlight, String banner, List<String> controls, List<Match> matches) {

    static Item of(JsonNode d) {
      List<String> parties = new ArrayList<>();
      d.path("parties").forEach(p -> parties.add(p.path("name").asText()));
      List<String> categories = new ArrayList<>();
      d.path("categories").forEach(c -> categories.add(c.asText()));
      return new Item(text(d, "id"), text(d, "title"), text(d, "kind"), text(d, "status"), text(d, "scope"), text(d, "owningDirectorate"),
          parties, categories, text(d, "pii"), text(d, "marking"), text(d, "effectiveDate"), text(d, "terminationDate"),
          text(d, "lastReviewedOn"), text(d, "nextReviewDue"), text(d, "version"), text(d, "highlight"),
          text(d.path("handling"), "banner"), controls(d.path("handling").path("disseminationControls")), matches(d.path("matches")));
    }

    private static List<Match> matches(JsonNode matches) {
      List<Match> found = new ArrayList<>();
      matches.forEach(m -> found.add(new Match(text(m, "documentId"), text(m, "fileName"), text(m, "passage"))));
      return found;
    }

    private static List<String> controls(JsonNode controls) {
      List<String> names = new ArrayList<>();
      controls.forEach(c -> names.add(c.asText()));
      return names;
    }

    private static String text(JsonNode d, String field) {
      JsonNode v = d.get(field);
      return v == null || v.isNull() ? null : v.asText();
    }
  }
}
