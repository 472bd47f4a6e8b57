package gov.ice.registry.projection.repository;

import static org.assertj.core.api.Assertions.assertThat;

import gov.ice.registry.projection.ProjectionDriver;
import gov.ice.registry.projection.TestReadStore;
import gov.ice.registry.projection.mongo.ReadStore;
import gov.ice.registry.projection.reviews.ReviewQueries;
import gov.ice.registry.projection.reviews.ReviewStanding;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

/**
 * The review views' pages and counts, answered by the search index, against the plain scan of the
 * review read model over the same generated corpus: overdue and due within a period, several
 * days, page sizes, pages past the end; as built, after a restart, during and after a rebuild.
 */
class ReviewViewsTest {

  static TestReadStore mongo;
  static ReadStore store;
  static TestSearch search;

  @BeforeAll
  static void indexCorpus() {
    mongo = new TestReadStore();
    store = mongo.store("reviews");
    var events = SearchCorpus.interleaved(SearchCorpus.stories(240, 23));
    new ProjectionDriver(store).apply(events);
    search = TestSearch.start().publish(events);
  }

  @AfterAll
  static void stop() {
    search.close();
    mongo.close();
  }

  @Test
  void pagesAndCountsAsTheScanOfTheReviewReadModel() {
    assertParity();
  }

  @Test
  void answersTheSameAfterARestart() {
    search.stop().open();
    assertParity();
  }

  @Test
  void answersTheSameDuringAndAfterARebuild() {
    search.engine().rebuild(search.head());
    assertParity();
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> !search.engine().rebuilding());
    assertParity();
  }

  private static void assertParity() {
    ReviewQueries indexed = new ReviewQueries(store, search.engine());
    ReviewQueries plain = new ReviewQueries(store);
    int nonEmpty = 0;
    for (LocalDate today : List.of(LocalDate.of(2024, 6, 1), LocalDate.of(2025, 3, 1), LocalDate.of(2026, 3, 1),
        LocalDate.of(2027, 1, 1), LocalDate.of(2028, 12, 31))) {
      List<ReviewStanding> overdue = plain.overdue(today).collectList().block();
      assertPages("overdue " + today, overdue, (page, size) -> indexed.overdue(today, page, size));
      assertThat(indexed.countOverdue(today).block()).isEqualTo(overdue.size());
      for (Period within : List.of(Period.ofDays(90), Period.ofYears(2))) {
        List<ReviewStanding> due = plain.dueWithin(today, within).collectList().block();
        assertPages("due " + today + " within " + within, due, (page, size) -> indexed.dueWithin(today, within, page, size));
        assertThat(indexed.countDueWithin(today, within).block()).isEqualTo(due.size());
        nonEmpty += due.isEmpty() ? 0 : 1;
      }
      nonEmpty += overdue.isEmpty() ? 0 : 1;
    }
    assertThat(nonEmpty).as("views with something in them").isGreaterThan(8);
  }

  private static void assertPages(String view, List<ReviewStanding> all,
      BiFunction<Integer, Integer, Flux<ReviewStanding>> page) {
    for (int size : List.of(6, 200)) {
      for (int p = 0; p <= all.size() / size + 1; p++) {
        List<ReviewStanding> expected = all.stream().skip((long) p * size).limit(size).toList();
        assertThat(page.apply(p, size).collectList().block()).as("%s, page %d of %d", view, p, size)
            .containsExactlyElementsOf(expected);
      }
    }
  }
}
