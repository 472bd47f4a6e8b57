package gov.ice.registry;

import static org.assertj.core.api.Assertions.assertThat;

import gov.ice.registry.agreement.api.StakeholderOffice;
import gov.ice.registry.support.AgreementBodies;
import gov.ice.registry.support.RegistryClient;
import gov.ice.registry.support.RegistryClient.Response;
import gov.ice.registry.support.TestUsers;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Optimistic concurrency through ETag and If-Match, on whichever store the implementing class runs. */
public interface ConcurrencyScenarios {

  RegistryClient registry();

  @Test
  default void letsExactlyOneOfTwoParallelCommandsWithTheSameIfMatchWin() throws Exception {
    RegistryClient registry = registry();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 5; round++) {
        Response drafted = registry.as(TestUsers.PROGRAM_OFFICE).post("/api/agreements", AgreementBodies.draft());
        String id = drafted.id();
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Response>> racing = List.of(StakeholderOffice.IGP, StakeholderOffice.OPP).stream()
            .map(office -> CompletableFuture.supplyAsync(() -> {
              awaitQuietly(start);
              return registry.as(TestUsers.stakeholder(office)).ifMatch(drafted.etag())
                  .post("/api/agreements/" + id + "/concurrences", AgreementBodies.concurrence(office.name(), 1));
            }, pool))
            .toList();
        start.countDown();
        List<Integer> statuses = racing.stream().map(f -> f.join().status()).sorted().toList();
        assertThat(statuses).as("round " + round + ": " + racing.stream().map(CompletableFuture::join).toList()).containsExactly(200, 412);
        Response loser = racing.stream().map(CompletableFuture::join).filter(r -> r.status() == 412).findFirst().orElseThrow();
        assertThat(loser.contentType()).startsWith("application/problem+json");
        Response history = registry.as(TestUsers.AUDITOR).get("/api/agreements/" + id + "/history");
        assertThat(history.json().size()).as("exactly one new event").isEqualTo(2);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  default void refusesAStaleOrWeakIfMatchWith412AndAcceptsTheCurrentOne() {
    RegistryClient registry = registry();
    Response drafted = registry.as(TestUsers.PROGRAM_OFFICE).post("/api/agreements", AgreementBodies.draft());
    String id = drafted.id();
    Response first = registry.as("sam-igp").ifMatch(drafted.etag())
        .post("/api/agreements/" + id + "/concurrences", AgreementBodies.concurrence("IGP", 1));
    assertThat(first.status()).as(first.toString()).isEqualTo(200);
    Response stale = registry.as("sam-opp").ifMatch(drafted.etag())
        .post("/api/agreements/" + id + "/concurrences", AgreementBodies.concurrence("OPP", 1));
    assertThat(stale.status()).as("RFC 9110: a failed If-Match is 412 " + stale).isEqualTo(412);
    assertThat(stale.json().path("type").asText()).endsWith("/version-conflict");
    Response weak = registry.as("sam-opp").ifMatch("W/" + first.etag())
        .post("/api/agreements/" + id + "/concurrences", AgreementBodies.concurrence("OPP", 1));
    assertThat(weak.status()).as("a weak ETag never satisfies If-Match (RFC 9110 13.1.1): " + weak).isEqualTo(412);
    assertThat(weak.json().path("type").asText()).endsWith("/precondition-failed");
    Response current = registry.as("sam-opp").ifMatch(first.etag())
        .post("/api/agreements/" + id + "/concurrences", AgreementBodies.concurrence("OPP", 1));
    assertThat(current.status()).as(current.toString()).isEqualTo(200);
    assertThat(current.etag()).isEqualTo("\"3\"");
    Response staleAndRefusable = registry.as(TestUsers.PROGRAM_OFFICE).ifMatch(drafted.etag())
        .post("/api/agreements/" + id + "/clearance-request", null);
    assertThat(staleAndRefusable.status()).as(staleAndRefusable.toString()).isEqualTo(412);
    assertThat(staleAndRefusable.json().path("type").asText())
        .as("a stale If-Match is reported before what the handler would refuse").endsWith("/version-conflict");
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the start signal never came");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
