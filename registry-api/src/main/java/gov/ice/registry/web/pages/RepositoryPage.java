package gov.ice.registry.web.pages;

import gov.ice.registry.agreement.api.Directorate;
import gov.ice.registry.agreement.api.DisseminationControl;
import gov.ice.registry.projection.access.HandlingView;
import gov.ice.registry.projection.export.Labels;
import gov.ice.registry.projection.export.Labels.Kind;
import gov.ice.registry.projection.export.SpreadsheetCsv;
import gov.ice.registry.web.access.AccessAction;
import gov.ice.registry.web.access.ReadAccess;
import gov.ice.registry.agreement.api.SignatoryAuthority;
import gov.ice.registry.agreement.api.StakeholderOffice;
import org.springframework.web.server.ServerWebExchange;
import gov.ice.registry.projection.repository.AgreementSearch;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code /}: the central repository. The search form is a plain GET form with the JSON API's
 * parameter names ({@code q}, {@code status}, {@code kind}, ... {@code sort}, {@code page}), so a
 * result page can be bookmarked, and the CSV link carries the same query.
 */
@Controller
class RepositoryPage {

  /** The facets in the order the filters show them; any other facet the search counts follows, by name. */
  static final Map<String, String> FACETS = new LinkedHashMap<>();
  /** Facets whose parameter takes one value: a choice of one, with "any". */
  static final Set<String> SINGLE = Set.of("pii", "executedCopy");

  static {
    FACETS.put("status", "Status");
    FACETS.put("kind", "Kind");
    FACETS.put("category", "Information category");
    FACETS.put("partyKind", "Party kind");
    FACETS.put("directorate", "Directorate");
    FACETS.put("country", "Party country");
    FACETS.put("pii", "Personal data (PII)");
    FACETS.put("executedCopy", "Executed copy");
  }

  static final Map<String, String> SORTS = new LinkedHashMap<>();

  static {
    SORTS.put("relevance", "Best match (with search words)");
    SORTS.put("title", "Title, A to Z");
    SORTS.put("-title", "Title, Z to A");
    SORTS.put("-updatedAt", "Recently changed first");
    SORTS.put("-createdAt", "Newest first");
    SORTS.put("status", "Status");
    SORTS.put("nextReviewDue", "Next review due, soonest first");
    SORTS.put("effectiveDate", "Effective date");
  }

  private final PageBackend backend;

  private final ReadAccess access;

  RepositoryPage(PageBackend backend, ReadAccess access) {
    this.access = access;
    this.backend = backend;
  }

  @GetMapping("/")
  Mono<String> repository(@RequestParam MultiValueMap<String, String> parameters, Model model, ServerWebExchange exchange) {
    MultiValueMap<String, String> query = clean(parameters);
    model.addAttribute("selected", selected(query));
    model.addAttribute("q", query.getFirst("q"));
    model.addAttribute("country", query.getFirst("country"));
    model.addAttribute("pii", query.getFirst("pii"));
    // As the API: with search words and no sort asked for, the best matches first.
    model.addAttribute("sort", query.getFirst("sort") != null ? query.getFirst("sort")
        : query.getFirst("q") != null ? "relevance" : "title");
    model.addAttribute("sorts", SORTS);
    model.addAttribute("directorates", Arrays.stream(Directorate.values()).map(Enum::name).toList());
    model.addAttribute("offices", Arrays.stream(StakeholderOffice.values()).map(Enum::name).toList());
    model.addAttribute("authorities", Arrays.stream(SignatoryAuthority.values()).map(Enum::name).toList());
    model.addAttribute("awaiting", query.getFirst("awaiting"));
    model.addAttribute("awaitingSignatureBy", query.getFirst("awaitingSignatureBy"));
    model.addAttribute("csvHref", href("/agreements.csv", query, null));
    return backend.search(query)
        .map(page -> {
          model.addAttribute("result", page);
          model.addAttribute("handlingBanner", HandlingBanners.highest(page.items().stream().map(SearchResult.Item::banner).toList()));
          model.addAttribute("rows", page.items().stream().map(Row::of).toList());
          int last = (int) Math.max(0, (page.total() - 1) / page.size());
          model.addAttribute("lastPage", last);
          model.addAttribute("prevHref", page.page() > 0 ? href("/", query, page.page() - 1) : null);
          model.addAttribute("nextHref", page.page() < last ? href("/", query, page.page() + 1) : null);
          List<Facet> facets = facets(page.facets(), selected(query));
          model.addAttribute("facets", facets);
          model.addAttribute("counted", facets.stream().map(Facet::key).collect(Collectors.toSet()));
          return page;
        })
        .flatMap(page -> access.record(exchange, AccessAction.LIST, page.items().stream().map(SearchResult.Item::id).toList(), "summary", "html")
            .thenReturn("repository"))
        .onErrorResume(e -> {
          Refusal refusal = Refusal.of(e);
          if (refusal == null) {
            return Mono.error(e);
          }
          model.addAttribute("refusal", refusal);
          model.addAttribute("rows", List.of());
          model.addAttribute("facets", List.of());
          model.addAttribute("counted", Set.of());
          return Mono.just("repository");
        });
  }

  /** The columns of the result's CSV; the header shows them in words. */
  static final List<String> CSV_COLUMNS = List.of("id", "title", "kind", "status", "scope", "owningDirectorate", "parties",
      "categories", "pii", "marking", "effectiveDate", "terminationDate", "lastReviewedOn", "nextReviewDue", "version");

  /** Facets whose values are codes, with the kind of code that gives their words. */
  private static final Map<String, Kind> CODED = Map.of("status", Kind.STATUS, "kind", Kind.KIND, "category", Kind.CATEGORY,
      "partyKind", Kind.PARTY_KIND, "directorate", Kind.DIRECTORATE, "scope", Kind.SCOPE, "marking", Kind.MARKING);

  /**
   * The current result, every page of it, as CSV. The search leaves out what the markings deny;
   * DISPLAY ONLY agreements may be seen but not exported, so they are left out here too. The
   * first line is the highest banner among the rows, which is why the rows are gathered first.
   */
  @GetMapping("/agreements.csv")
  Mono<ResponseEntity<Flux<String>>> csv(@RequestParam MultiValueMap<String, String> parameters, ServerWebExchange exchange) {
    MultiValueMap<String, String> query = clean(parameters);
    query.remove("page");
    query.set("size", Integer.toString(AgreementSearch.MAX_SIZE));
    Mono<List<SearchResult.Item>> items = backend.search(pageOf(query, 0)).flatMapMany(first -> {
      int pages = (int) ((first.total() + AgreementSearch.MAX_SIZE - 1) / AgreementSearch.MAX_SIZE);
      Flux<SearchResult> rest = Flux.range(1, Math.max(0, pages - 1)).concatMap(p -> backend.search(pageOf(query, p)));
      return Flux.concat(Flux.just(first), rest).concatMapIterable(SearchResult::items);
    }).collectList();
    return access.reader().zipWith(items).flatMap(readerAndItems -> {
      boolean exempt = access.policy().exempt(readerAndItems.getT1());
      List<SearchResult.Item> exported = readerAndItems.getT2().stream()
          .filter(item -> exempt || !item.controls().contains(DisseminationControl.DISPLAY_ONLY.name()))
          .toList();
      String banner = HandlingBanners.highest(exported.stream().map(SearchResult.Item::banner).toList());
      Flux<String> lines = Flux.concat(
          Flux.just(SpreadsheetCsv.banner(banner), SpreadsheetCsv.columns(Labels.columns(CSV_COLUMNS))),
          Flux.fromIterable(exported).map(RepositoryPage::csvRow));
      return access.record(exchange, readerAndItems.getT1(), AccessAction.EXPORT, exported.stream().map(SearchResult.Item::id).toList(),
              "summary", "csv")
          .thenReturn(ResponseEntity.ok()
              .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
              .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"agreements.csv\"")
              .header(HandlingView.HEADER, banner)
              .body(lines));
    });
  }

  static String csvRow(SearchResult.Item d) {
    return SpreadsheetCsv.row(Arrays.asList(d.id(), d.title(), Labels.of(Kind.KIND, d.kind()), Labels.of(Kind.STATUS, d.status()),
        Labels.of(Kind.SCOPE, d.scope()), Labels.of(Kind.DIRECTORATE, d.owningDirectorate()),
        String.join("; ", d.parties()),
        Labels.all(Kind.CATEGORY, d.categories(), "; "),
        d.pii() == null ? null : "true".equals(d.pii()) ? "Yes" : "No", Labels.of(Kind.MARKING, d.marking()), d.effectiveDate(), d.terminationDate(), d.lastReviewedOn(), d.nextReviewDue(), d.version()));
  }

  private static MultiValueMap<String, String> pageOf(MultiValueMap<String, String> query, int page) {
    MultiValueMap<String, String> copy = new LinkedMultiValueMap<>(query);
    copy.set("page", Integer.toString(page));
    return copy;
  }

  /** Empty fields of the form mean "any": the JSON API would take an empty value as invalid. */
  private static MultiValueMap<String, String> clean(MultiValueMap<String, String> parameters) {
    MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
    // strip, not trim: trim takes a NUL or an escape away too, and the search would take "%00ACTIVE" for ACTIVE.
    parameters.forEach((name, values) -> values.stream().filter(v -> v != null && !v.isBlank()).forEach(v -> query.add(name, v.strip())));
    return query;
  }

  private static Map<String, Set<String>> selected(MultiValueMap<String, String> query) {
    Map<String, Set<String>> selected = new LinkedHashMap<>();
    Set<String> names = new java.util.LinkedHashSet<>(FACETS.keySet());
    names.addAll(query.keySet());
    for (String name : names) {
      selected.put(name, query.getOrDefault(name, List.of()).stream()
          .flatMap(v -> Arrays.stream(v.split(","))).map(String::trim).collect(Collectors.toSet()));
    }
    return selected;
  }

  /**
   * A filter for every facet the search counted, known ones first in their order, then any
   * other by name; a value the user chose stays listed (with 0) even when the result no longer
   * counts it, so it can be unticked.
   */
  static List<Facet> facets(Map<String, Map<String, Long>> counted, Map<String, Set<String>> selected) {
    if (counted == null) {
      return List.of();
    }
    List<String> keys = new ArrayList<>(FACETS.keySet().stream().filter(counted::containsKey).toList());
    counted.keySet().stream().filter(k -> !FACETS.containsKey(k)).sorted().forEach(keys::add);
    List<Facet> facets = new ArrayList<>();
    for (String key : keys) {
      Map<String, Long> counts = new java.util.TreeMap<>(counted.get(key) == null ? Map.of() : counted.get(key));
      Set<String> chosen = selected.getOrDefault(key, Set.of());
      chosen.forEach(v -> counts.putIfAbsent(v, 0L));
      List<FacetValue> values = counts.entrySet().stream()
          .map(e -> new FacetValue(e.getKey(), valueLabel(key, e.getKey()), e.getValue(), chosen.contains(e.getKey())))
          .toList();
      facets.add(new Facet(key, FACETS.getOrDefault(key, key), SINGLE.contains(key), values, chosen.isEmpty()));
    }
    return facets;
  }

  private static String valueLabel(String facet, String value) {
    if (facet.equals("pii")) {
      return "true".equals(value) ? "With PII" : "false".equals(value) ? "Without PII" : value;
    }
    if (facet.equals("executedCopy")) {
      return "true".equals(value) ? "On file" : "false".equals(value) ? "No executed copy on file" : value;
    }
    Kind kind = CODED.get(facet);
    return kind == null ? value : Labels.of(kind, value);
  }

  /** One filter: its parameter name, legend, whether it takes one value, and its values with their counts. */
  public record Facet(String key, String legend, boolean single, List<FacetValue> values, boolean none) {
    /** The USWDS class of the facet's inputs (here, since "__" in a template expression is Thymeleaf's preprocessing). */
    public String inputClass() {
      return single ? "usa-radio__input" : "usa-checkbox__input";
    }

    public String labelClass() {
      return single ? "usa-radio__label" : "usa-checkbox__label";
    }
  }

  /** One value of a filter, with how many agreements of the result have it. */
  public record FacetValue(String value, String label, long count, boolean checked) {
    /** An id for the value's input: letters, digits and hyphens only. */
    public String id(String facet) {
      return facet + "-" + value.replaceAll("[^A-Za-z0-9_-]", "_");
    }
  }

  private static String href(String path, MultiValueMap<String, String> query, Integer page) {
    MultiValueMap<String, String> copy = new LinkedMultiValueMap<>(query);
    copy.remove("page");
    if (page != null) {
      copy.set("page", Integer.toString(page));
    }
    return UriComponentsBuilder.fromPath(path).queryParams(copy).encode().build().toUriString();
  }

  /** One result line as the table shows it. */
  public record Row(String id, String title, String kind, String status, String directorate, String parties, String nextReviewDue,
      String highlight, List<SearchResult.Match> matches) {
    static Row of(SearchResult.Item d) {
      return new Row(d.id(), d.title(), String.valueOf(d.kind()), String.valueOf(d.status()), String.valueOf(d.owningDirectorate()),
          String.join(", ", d.parties()), d.nextReviewDue() == null ? "" : d.nextReviewDue(), d.highlight(),
          d.matches() == null ? List.of() : d.matches());
    }
  }
}
