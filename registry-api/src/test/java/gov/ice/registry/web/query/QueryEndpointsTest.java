package gov.ice.registry.web.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import gov.ice.registry.projection.audit.ApprovalQueries;
import gov.ice.registry.projection.exigent.ExigentDeadlineQueries;
import gov.ice.registry.projection.mongo.EmbeddedReadStore;
import gov.ice.registry.projection.mongo.ReadStore;
import gov.ice.registry.projection.notices.NoticeQueries;
import gov.ice.registry.projection.context.AgreementLedger;
import gov.ice.registry.projection.repository.AgreementRepositoryQueries;
import gov.ice.registry.projection.repository.AgreementSearchEngine;
import java.nio.file.Files;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import gov.ice.registry.projection.reviews.ReviewQueries;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.springframework.http.MediaType;
import org.springframework.http.codec.json.Jackson2JsonEncoder;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/**
 * The query endpoints' HTTP shapes against a real (empty) read store: parameters, problem details
 * for bad ones, JSON and CSV. Roles and the populated read models are covered by the ITs and the
 * projection tests.
 */
class QueryEndpointsTest {

  static EmbeddedReadStore server;
  static MongoClient client;
  static WebTestClient http;
  static AgreementSearchEngine search;

  @BeforeAll
  static void start() {
    server = EmbeddedReadStore.start();
    client = MongoClients.create(server.connectionString());
    ReadStore store = new ReadStore(client.getDatabase("endpoints"));
    // The search on an empty ledger of its own, in a fresh directory.
    EmbeddedEventStore ledger = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
    try {
      search = new AgreementSearchEngine(Files.createTempDirectory("registry-search-"), ledger, AgreementLedger.of(ledger), 50);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    search.start();
    Clock clock = Clock.fixed(Instant.parse("2026-11-22T15:00:00Z"), ZoneId.of("America/New_York"));
    // As the application configures Jackson (spring.jackson.serialization.write-dates-as-timestamps: false).
    ObjectMapper mapper = Jackson2ObjectMapperBuilder.json().featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    // Rows for the paged views: five approvals, three overdue reviews (today is 2026-11-22).
    for (int i = 0; i < 5; i++) {
      Mono.from(store.collection("approvals").insertOne(new Document("_id", "a:" + i + ":0").append("agreementId", "a")
          .append("sequence", i).append("type", "CONCURRENCE").append("at", Date.from(Instant.parse("2025-01-0" + (i + 1) + "T12:00:00Z")))
          .append("draftVersion", 1).append("actorRoles", List.of()).append("rules", List.of()))).block();
    }
    for (int i = 0; i < 3; i++) {
      Mono.from(store.collection("reviews").insertOne(new Document("_id", "r" + i).append("status", "ACTIVE")
          .append("nextReviewDue", "2026-0" + (i + 1) + "-15").append("noticesIssued", List.of()))).block();
    }
    var access = new gov.ice.registry.web.access.ReadAccess(new gov.ice.registry.web.access.AccessProperties(null, null),
        new AgreementRepositoryQueries(store, search));
    http = WebTestClient.bindToController(
            new AgreementSearchEndpoint(new AgreementRepositoryQueries(store, search), access),
            new ReviewEndpoints(new ReviewQueries(store), clock, mapper, access),
            new ExigentDeadlineEndpoint(new ExigentDeadlineQueries(store), clock, access),
            new NoticeEndpoint(new NoticeQueries(store), clock, access),
            new ApprovalAuditEndpoint(new ApprovalQueries(store), clock, mapper, access))
        .controllerAdvice(new gov.ice.registry.web.problem.ProblemHandling(5))
        .httpMessageCodecs(codecs -> codecs.defaultCodecs().jackson2JsonEncoder(new Jackson2JsonEncoder(mapper)))
        .configureClient()
        // The first request warms up binding and the read store; on a loaded CI machine that takes more than the default 5 s.
        .responseTimeout(Duration.ofSeconds(60))
        .build();
  }

  @AfterAll
  static void stop() {
    search.stop();
    client.close();
    server.close();
  }

  @Test
  void searchAnswersItemsTotalPageSizeAndFacets() {
    http.get().uri("/api/agreements?status=ACTIVE,DRAFT&kind=mou&pii=true&q=texas&page=0&size=5&sort=-updatedAt")
        .exchange()
        .expectStatus().isOk()
        .expectBody()
        .jsonPath("$.items").isArray()
        .jsonPath("$.total").isEqualTo(0)
        .jsonPath("$.page").isEqualTo(0)
        .jsonPath("$.size").isEqualTo(5)
        .jsonPath("$.facets.status").isMap()
        .jsonPath("$.facets.country").isMap()
        .jsonPath("$.facets.directorate").isMap()
        .jsonPath("$.facets.pii").isMap();
  }

  @Test
  void badSearchParametersAreAllReportedAsViolations() {
    http.get().uri("/api/agreements?status=ACTIV&partyKind=ALIEN&pii=maybe&size=0&sort=id")
        .exchange()
        .expectStatus().isBadRequest()
        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.status").isEqualTo(400)
        .jsonPath("$.type").isEqualTo("tag:ice.gov,2026:isaa-registry/problems/invalid-request")
        .jsonPath("$.violations.length()").isEqualTo(5)
        .jsonPath("$.violations[0].field").isEqualTo("status")
        .jsonPath("$.violations[1].field").isEqualTo("partyKind")
        .jsonPath("$.violations[2].field").isEqualTo("pii")
        .jsonPath("$.violations[3].field").isEqualTo("size")
        .jsonPath("$.violations[4].field").isEqualTo("sort");
  }

  @Test
  void reviewsDueTakeAnIsoPeriod() {
    http.get().uri("/api/reviews/due?within=P30D").exchange()
        .expectStatus().isOk()
        .expectBody().jsonPath("$.asOf").isEqualTo("2026-11-22").jsonPath("$.within").isEqualTo("P30D");
    http.get().uri("/api/reviews/due?within=90").exchange()
        .expectStatus().isBadRequest()
        .expectBody().jsonPath("$.violations[0].field").isEqualTo("within");
    http.get().uri("/api/reviews/overdue").exchange().expectStatus().isOk().expectBody().jsonPath("$.items").isArray();
  }

  @Test
  void exigentDeadlinesAndNoticesCheckTheirParameters() {
    http.get().uri("/api/deadlines/exigent?state=MISSED").exchange().expectStatus().isOk();
    http.get().uri("/api/deadlines/exigent?state=LATE").exchange().expectStatus().isBadRequest();
    http.get().uri("/api/notices?since=2026-11-01").exchange().expectStatus().isOk()
        .expectBody().jsonPath("$.since").isEqualTo("2026-11-01T04:00:00Z");
    http.get().uri("/api/notices?since=2026-13-01").exchange().expectStatus().isBadRequest()
        .expectBody().jsonPath("$.violations[0].field").isEqualTo("since");
  }

  /** A NUL or any other control character in a filter is a 400 naming it, never a filter dropped and everything answered. */
  @Test
  void refusesControlCharactersInEveryFilterByName() {
    for (String control : List.of("%00", "%01", "%09", "%0A", "%0D", "%1B", "%7F", "%C2%85")) {
      for (String field : List.of("actor", "office")) {
        http.get().uri(java.net.URI.create("/api/audit/approvals?" + field + "=" + control + "prog")).exchange()
            .expectStatus().isBadRequest()
            .expectBody().jsonPath("$.violations[0].field").isEqualTo(field);
      }
      for (String field : List.of("status", "kind", "category", "partyKind", "country", "directorate", "party", "awaiting", "q")) {
        http.get().uri(java.net.URI.create("/api/agreements?" + field + "=" + control + "ACTIVE")).exchange()
            .expectStatus().isBadRequest()
            .expectBody().jsonPath("$.violations[0].field").isEqualTo(field);
      }
      http.get().uri(java.net.URI.create("/api/deadlines/exigent?state=" + control + "MISSED")).exchange()
          .expectStatus().isBadRequest()
          .expectBody().jsonPath("$.violations[0].field").isEqualTo("state");
    }
  }

  @Test
  void approvalsAndReviewsComeInPagesOrStreamedWhole() {
    http.get().uri("/api/audit/approvals").exchange()
        .expectStatus().isOk()
        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
        .expectBody().jsonPath("$.total").isEqualTo(5).jsonPath("$.items.length()").isEqualTo(5)
        .jsonPath("$.items[0].at").isEqualTo("2025-01-01T12:00:00Z").jsonPath("$.page").doesNotExist();
    http.get().uri("/api/audit/approvals?page=1&size=2").exchange()
        .expectStatus().isOk()
        .expectBody().jsonPath("$.total").isEqualTo(5).jsonPath("$.page").isEqualTo(1).jsonPath("$.size").isEqualTo(2)
        .jsonPath("$.items.length()").isEqualTo(2).jsonPath("$.items[0].id").isEqualTo("a:2:0");
    String csv = http.get().uri("/api/audit/approvals?format=csv&size=2").exchange()
        .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    assertThat(csv.split("\r\n")).hasSize(3);
    http.get().uri("/api/reviews/overdue").exchange()
        .expectStatus().isOk()
        .expectBody().jsonPath("$.asOf").isEqualTo("2026-11-22").jsonPath("$.total").isEqualTo(3)
        .jsonPath("$.items.length()").isEqualTo(3).jsonPath("$.items[0].agreementId").isEqualTo("r0");
    http.get().uri("/api/reviews/overdue?page=1&size=2").exchange()
        .expectStatus().isOk()
        .expectBody().jsonPath("$.total").isEqualTo(3).jsonPath("$.items.length()").isEqualTo(1)
        .jsonPath("$.items[0].agreementId").isEqualTo("r2");
    http.get().uri("/api/reviews/due?within=P30D&size=0").exchange()
        .expectStatus().isBadRequest()
        .expectBody().jsonPath("$.violations[0].field").isEqualTo("size");
  }

  @Test
  void approvalsComeAsJsonOrCsv() {
    http.get().uri("/api/audit/approvals?actor=ivy&from=2026-01-01&to=2026-12-31").exchange()
        .expectStatus().isOk()
        .expectBody().jsonPath("$.total").isEqualTo(0).jsonPath("$.items").isArray();
    String csv = http.get().uri("/api/audit/approvals?format=csv").exchange()
        .expectStatus().isOk()
        .expectHeader().contentTypeCompatibleWith("text/csv")
        .expectBody(String.class).returnResult().getResponseBody();
    assertThat(csv).startsWith("\uFEFFat,agreementId,title,type,decision,office");
    http.get().uri("/api/audit/approvals?format=xml&from=2026-02-01&to=2026-01-01").exchange()
        .expectStatus().isBadRequest()
        .expectBody().jsonPath("$.violations.length()").isEqualTo(2);
  }
}
