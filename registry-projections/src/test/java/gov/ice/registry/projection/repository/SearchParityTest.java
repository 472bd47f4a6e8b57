package gov.ice.registry.projection.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import gov.ice.registry.agreement.AgreementFixtures.Story;
import gov.ice.registry.agreement.api.AgreementKind;
import gov.ice.registry.agreement.api.AgreementStatus;
import gov.ice.registry.agreement.api.Directorate;
import gov.ice.registry.agreement.api.InformationCategory;
import gov.ice.registry.agreement.api.Party;
import gov.ice.registry.agreement.api.PartyKind;
import gov.ice.registry.projection.ProjectionDriver;
import gov.ice.registry.projection.processing.ProjectionRebuilder.RebuildRunning;
import gov.ice.registry.projection.TestReadStore;
import gov.ice.registry.projection.mongo.ReadStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Lucene search against a plain reference: Java streams over the repository's documents of the
 * same generated corpus (filters alone and combined, every sort both ways, pages up to and past
 * the end, facets, free text), on the index as built, after a restart that reopens it from disk,
 * while a rebuild runs and after it took over.
 */
class SearchParityTest {

  static final int AGREEMENTS = 240;

  static TestReadStore mongo;
  static TestSearch search;
  static List<AgreementDocument> corpus;

  @BeforeAll
  static void indexCorpus() {
    mongo = new TestReadStore();
    ReadStore store = mongo.store("parity");
    List<Story> stories = SearchCorpus.stories(AGREEMENTS, 17);
    new ProjectionDriver(store).apply(SearchCorpus.interleaved(stories));
    search = TestSearch.start().publish(SearchCorpus.interleaved(stories));
    // Every agreement of the read model, whatever its status: the reference's corpus.
    corpus = reactor.core.publisher.Flux.from(store.collection("agreements").find())
        .map(AgreementDocuments::fromDocument).collectList().block();
    assertThat(corpus).hasSize(AGREEMENTS);
  }

  @AfterAll
  static void stop() {
    search.close();
    mongo.close();
  }

  @Test
  void answersAsTheReferenceDoes() {
    assertParity(search.engine());
  }

  @Test
  void answersTheSameAfterARestartWithoutReadingTheLedgerAgain() {
    long position = search.engine().position();
    search.stop().open();
    // Reopened from disk at its committed position: everything is there before any event is read.
    assertThat(search.position()).isEqualTo(position);
    assertThat(search.engine().search(AgreementSearch.all()).total()).isEqualTo(AGREEMENTS);
    assertParity(search.engine());
  }

  @Test
  void answersTheSameDuringAndAfterARebuild() {
    AgreementSearchEngine engine = search.engine();
    engine.rebuild(search.head());
    assertThat(engine.rebuilding()).isTrue();
    assertThatThrownBy(() -> engine.rebuild(search.head())).isInstanceOf(RebuildRunning.class);
    // The live index answers while the new one is built.
    assertParity(engine);
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> !engine.rebuilding());
    assertParity(engine);
  }

  @Test
  void findsStemsPhrasesAndReferencePrefixes() {
    AgreementSearchEngine engine = search.engine();
    // "Share ... records" in every purpose: "sharing" and "shared" stem alike.
    assertThat(engine.search(text("sharing")).total()).isEqualTo(AGREEMENTS);
    assertThat(engine.search(text("shared record")).total()).isEqualTo(AGREEMENTS);
    // A phrase: the words next to each other, in that order.
    long weekly = corpus.stream().filter(d -> d.purpose().endsWith("weekly")).count();
    assertThat(engine.search(text("\"records weekly\"")).total()).isEqualTo(weekly);
    assertThat(engine.search(text("\"weekly records\"")).total()).isZero();
    // Relevance: a word in the title ranks above the same word only in the purpose.
    AgreementPage ranked = engine.search(new AgreementSearch(null, null, null, null, null, null, null, "sheriff", 0, 200,
        AgreementSearch.Sort.parse("relevance")));
    assertThat(ranked.items()).isNotEmpty();
    assertThat(ranked.items().get(0).title().toLowerCase(Locale.ROOT)).contains("sheriff");
    assertThat(ranked.highlights()).hasSize(ranked.items().size())
        .allSatisfy((id, passage) -> assertThat(passage.toLowerCase(Locale.ROOT)).contains("<mark>sheriff</mark>"));
  }

  private static AgreementSearch text(String q) {
    return new AgreementSearch(null, null, null, null, null, null, null, q, 0, 20, null);
  }

  // ---- the reference ----

  private static void assertParity(AgreementSearchEngine engine) {
    List<Filter> filters = filters();
    List<String> sorts = List.of("title", "-title", "status", "-status", "kind", "-kind", "createdAt", "-createdAt",
        "updatedAt", "-updatedAt", "effectiveDate", "-effectiveDate", "nextReviewDue", "-nextReviewDue");
    int checked = 0;
    for (Filter filter : filters) {
      for (String sort : filter == filters.get(0) ? sorts : List.of(sorts.get(checked++ % sorts.size()))) {
        List<AgreementDocument> expected = corpus.stream().filter(filter.matches())
            .sorted(order(sort)).toList();
        // Every filter but the one made to find nothing finds something: an empty answer proves little.
        assertThat(expected.isEmpty()).as(filter.name()).isEqualTo(filter.name().contains("nothing"));
        for (int size : List.of(7, 200)) {
          int pages = expected.size() / size + 2;
          for (int page = 0; page < pages; page++) {
            AgreementSearch s = filter.search(page, size, AgreementSearch.Sort.parse(sort));
            AgreementPage answer = engine.search(s);
            List<String> want = expected.stream().skip((long) page * size).limit(size).map(AgreementDocument::id).toList();
            assertThat(answer.items()).as("%s sorted %s, page %d of %d", filter.name(), sort, page, size)
                .extracting(AgreementDocument::id).containsExactlyElementsOf(want);
            assertThat(answer.total()).as(filter.name()).isEqualTo(expected.size());
            if (page == 0) {
              assertThat(answer.facets()).as("facets of %s", filter.name()).isEqualTo(facets(expected));
            }
          }
        }
      }
    }
  }

  private record Filter(String name, AgreementSearch template, Predicate<AgreementDocument> matches) {
    AgreementSearch search(int page, int size, AgreementSearch.Sort sort) {
      AgreementSearch t = template;
      return new AgreementSearch(t.statuses(), t.kinds(), t.categories(), t.partyKinds(), t.countries(),
          t.directorates(), t.pii(), t.text(), page, size, sort);
    }
  }

  private static List<Filter> filters() {
    List<Filter> filters = new ArrayList<>();
    filters.add(filter("none", null, null, null, null, null, null, null, null));
    filters.add(filter("active", List.of(AgreementStatus.ACTIVE), null, null, null, null, null, null, null));
    filters.add(filter("drafts or withdrawn", List.of(AgreementStatus.DRAFT, AgreementStatus.WITHDRAWN), null, null, null,
        null, null, null, null));
    filters.add(filter("MOU", null, List.of(AgreementKind.MOU), null, null, null, null, null, null));
    filters.add(filter("law enforcement", null, null, List.of(InformationCategory.LAW_ENFORCEMENT), null, null, null, null, null));
    filters.add(filter("tribal or state", null, null, null, List.of(PartyKind.TRIBAL, PartyKind.STATE), null, null, null, null));
    filters.add(filter("gb", null, null, null, null, List.of("gb"), null, null, null));
    filters.add(filter("ERO", null, null, null, null, null, List.of(Directorate.ERO), null, null));
    filters.add(filter("no pii", null, null, null, null, null, null, false, null));
    filters.add(filter("three filters", List.of(AgreementStatus.ACTIVE), null,
        List.of(InformationCategory.LAW_ENFORCEMENT, InformationCategory.HOMELAND_SECURITY), null, List.of("US", "GB"),
        null, true, null));
    for (String q : List.of("sheriff", "HOME office", "c++", "o'odham", "montréal", "payroll agreement", "(pilot)",
        "nothing-like-this")) {
      filters.add(filter("q=" + q, null, null, null, null, null, null, null, q));
    }
    filters.add(filter("q and filters", List.of(AgreementStatus.ACTIVE), null, null, null, null, null, null, "border"));
    return filters;
  }

  private static Filter filter(String name, List<AgreementStatus> statuses, List<AgreementKind> kinds,
      List<InformationCategory> categories, List<PartyKind> partyKinds, List<String> countries,
      List<Directorate> directorates, Boolean pii, String q) {
    AgreementSearch template = new AgreementSearch(statuses, kinds, categories, partyKinds, countries, directorates, pii, q,
        0, 1, null);
    Predicate<AgreementDocument> p = d -> true;
    if (!template.statuses().isEmpty()) {
      p = p.and(d -> template.statuses().contains(d.status()));
    }
    if (!template.kinds().isEmpty()) {
      p = p.and(d -> template.kinds().contains(d.kind()));
    }
    if (!template.categories().isEmpty()) {
      p = p.and(d -> d.categories().stream().anyMatch(template.categories()::contains));
    }
    if (!template.partyKinds().isEmpty()) {
      p = p.and(d -> d.parties().stream().map(Party::kind).anyMatch(template.partyKinds()::contains));
    }
    if (!template.countries().isEmpty()) {
      Set<String> wanted = template.countries().stream().map(c -> c.toUpperCase(Locale.ROOT)).collect(Collectors.toSet());
      p = p.and(d -> countries(d).stream().anyMatch(wanted::contains));
    }
    if (!template.directorates().isEmpty()) {
      p = p.and(d -> template.directorates().contains(d.owningDirectorate()));
    }
    if (pii != null) {
      p = p.and(d -> d.pii() == pii);
    }
    if (q != null) {
      // Every word of q, as the analyzer makes it, among the words of the title, purpose, party names or reference.
      List<String> words = tokens(q);
      p = p.and(d -> !words.isEmpty() && tokens(String.join(" ", Stream.concat(Stream.of(d.title(), d.purpose(),
              d.externalReference()), d.parties().stream().map(Party::name)).filter(Objects::nonNull).toList()))
          .containsAll(words));
    }
    return new Filter(name, template, p);
  }

  private static List<String> tokens(String text) {
    List<String> tokens = new ArrayList<>();
    try (TokenStream stream = SearchSchema.ANALYZER.tokenStream("title", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        tokens.add(term.toString());
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return tokens;
  }

  private static Set<String> countries(AgreementDocument d) {
    return d.parties().stream().map(Party::country).filter(Objects::nonNull).map(c -> c.toUpperCase(Locale.ROOT))
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  /** MongoDB's order: nulls first going up, last going down; ties by id going up. */
  private static Comparator<AgreementDocument> order(String sort) {
    boolean descending = sort.startsWith("-");
    String key = descending ? sort.substring(1) : sort;
    Function<AgreementDocument, Comparable<?>> value = switch (key) {
      case "title" -> d -> d.title().trim().toLowerCase(Locale.ROOT);
      case "status" -> d -> d.status().name();
      case "kind" -> d -> d.kind().name();
      case "createdAt" -> AgreementDocument::createdAt;
      case "updatedAt" -> AgreementDocument::updatedAt;
      case "effectiveDate" -> AgreementDocument::effectiveDate;
      default -> AgreementDocument::nextReviewDue;
    };
    @SuppressWarnings({"unchecked", "rawtypes"})
    Comparator<AgreementDocument> byKey = Comparator.comparing(d -> (Comparable) value.apply(d),
        Comparator.nullsFirst(Comparator.naturalOrder()));
    return (descending ? byKey.reversed() : byKey).thenComparing(AgreementDocument::id);
  }

  private static Map<String, Map<String, Long>> facets(List<AgreementDocument> matches) {
    Map<String, Map<String, Long>> facets = new java.util.LinkedHashMap<>();
    facets.put("status", count(matches, d -> List.of(d.status().name())));
    facets.put("kind", count(matches, d -> List.of(d.kind().name())));
    facets.put("category", count(matches, d -> d.categories().stream().map(Enum::name).distinct().toList()));
    facets.put("partyKind", count(matches, d -> d.parties().stream().map(p -> p.kind().name()).distinct().toList()));
    facets.put("country", count(matches, d -> List.copyOf(countries(d))));
    facets.put("directorate", count(matches, d -> List.of(d.owningDirectorate().name())));
    facets.put("pii", count(matches, d -> List.of(Boolean.toString(d.pii()))));
    // The corpus records no executed copy (its stories are written as events, not signed through the rule).
    facets.put("executedCopy", count(matches, d -> List.of("false")));
    return facets;
  }

  private static Map<String, Long> count(List<AgreementDocument> matches, Function<AgreementDocument, List<String>> values) {
    return matches.stream().flatMap(d -> values.apply(d).stream())
        .collect(Collectors.groupingBy(v -> v, TreeMap::new, Collectors.counting()));
  }
}
