package gov.ice.registry.projection.reviews;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import gov.ice.registry.projection.TestReadStore;
import gov.ice.registry.projection.mongo.ReadStore;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The review index answers every page and count of the overdue and due-soon views exactly as the
 * store's own queries do on the same embedded store: after batches that add, move and end
 * agreements, after a reload, and, for a document of another shape, by leaving the views to the store.
 */
class ReviewIndexTest {

  private static final List<String> STATUSES = List.of("ACTIVE", "ACTIVE", "ACTIVE", "DRAFT", "TERMINATED", "EXPIRED");
  private static final LocalDate FIRST = LocalDate.of(2025, 6, 1);

  TestReadStore mongo;
  ReadStore store;
  ReviewIndex index;
  final Random random = new Random(20261130);

  @BeforeEach
  void start() {
    mongo = new TestReadStore();
    store = new ReadStore(mongo.store("reviews-index").database(), () -> {}, true);
    index = new ReviewIndex(store);
  }

  @AfterEach
  void stop() {
    mongo.close();
  }

  @Test
  void everyPageAndCountEqualsTheStoresAfterBatchesAndAReload() {
    List<Document> first = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      first.add(document("agreement-" + i));
    }
    write(first);
    assertSameAnswers(index);

    // A second batch: agreements end, move their due day, become active, lose their due day.
    List<Document> second = new ArrayList<>();
    for (int i = 0; i < 300; i += 3) {
      second.add(document("agreement-" + i));
    }
    second.add(document("agreement-new"));
    write(second);
    assertSameAnswers(index);

    assertSameAnswers(new ReviewIndex(store));
  }

  @Test
  void aDocumentOfAnotherShapeLeavesTheViewsToTheStore() {
    List<Document> batch = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      batch.add(document("agreement-" + i));
    }
    batch.add(new Document("_id", "odd").append("status", "ACTIVE").append("title", "Odd")
        .append("nextReviewDue", new Date(0)));
    write(batch);

    ReviewQueries indexed = new ReviewQueries(store, index);
    String live = store.collections(ReviewProjection.COLLECTION).live();
    assertThat(index.range(live, null, LocalDate.of(2027, 1, 1), 0, 10)).isNull();
    assertThat(indexed.countOverdue(LocalDate.of(2027, 1, 1)).block())
        .isEqualTo(new ReviewQueries(store).countOverdue(LocalDate.of(2027, 1, 1)).block());
  }

  private void assertSameAnswers(ReviewIndex candidate) {
    ReviewQueries indexed = new ReviewQueries(store, candidate);
    ReviewQueries plain = new ReviewQueries(store);
    String live = store.collections(ReviewProjection.COLLECTION).live();
    assertThat(candidate.range(live, null, null, 0, 1)).as("the index answers").isNotNull();
    for (LocalDate today = FIRST; today.isBefore(LocalDate.of(2028, 6, 1)); today = today.plusDays(37)) {
      for (Period within : List.of(Period.ofDays(0), Period.ofDays(90), Period.ofYears(1))) {
        assertThat(indexed.countOverdue(today).block()).as("overdue count %s", today).isEqualTo(plain.countOverdue(today).block());
        assertThat(indexed.countDueWithin(today, within).block()).as("due count %s %s", today, within)
            .isEqualTo(plain.countDueWithin(today, within).block());
        for (int size : List.of(7, 100)) {
          long overdue = plain.countOverdue(today).block();
          for (int page = 0; page <= overdue / size + 1; page++) {
            assertThat(indexed.overdue(today, page, size).collectList().block()).as("overdue %s page %d of %d", today, page, size)
                .isEqualTo(plain.overdue(today, page, size).collectList().block());
          }
          long due = plain.countDueWithin(today, within).block();
          for (int page = 0; page <= due / size + 1; page++) {
            assertThat(indexed.dueWithin(today, within, page, size).collectList().block())
                .as("due %s %s page %d of %d", today, within, page, size)
                .isEqualTo(plain.dueWithin(today, within, page, size).collectList().block());
          }
        }
      }
    }
  }

  /** Stores the batch as the projection would, then tells the index, as BatchedProjection does after its write. */
  private void write(List<Document> batch) {
    String live = store.collections(ReviewProjection.COLLECTION).live();
    for (Document d : batch) {
      ReadStore.await(store.collection(live).replaceOne(Filters.eq("_id", d.get("_id")), d, new ReplaceOptions().upsert(true)));
    }
    index.written(live, batch);
  }

  private Document document(String id) {
    String status = STATUSES.get(random.nextInt(STATUSES.size()));
    // Many agreements share a due day, so the order within a day (by id) is exercised too.
    LocalDate due = random.nextInt(10) == 0 ? null : FIRST.plusDays(random.nextInt(120) * 7L);
    return new Document("_id", id)
        .append("title", "Agreement " + id)
        .append("kind", "MOU")
        .append("owningDirectorate", "HSI")
        .append("status", status)
        .append("effectiveDate", FIRST.minusYears(2).toString())
        .append("lastReviewedOn", null)
        .append("nextReviewDue", due == null ? null : due.toString())
        .append("noticesIssued", List.of(90));
  }
}
