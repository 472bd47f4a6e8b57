package gov.ice.registry.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import gov.ice.registry.notice.NoticeWebhookOutbox;
import gov.ice.registry.projection.metrics.ReadModelMetrics;
import gov.ice.registry.projection.mongo.ReadStoreConfiguration.ReadStoreEndpoint;
import gov.ice.registry.projection.repository.AgreementRepositoryQueries;
import gov.ice.registry.projection.repository.AgreementSearch;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import gov.ice.registry.projection.processing.TrackingProjections;
import gov.ice.registry.projection.processing.ProjectionRebuilder;

/**
 * The read side wired by Spring Boot and Axon's auto-configuration as the application wires it:
 * the embedded read store, both driver clients (Spring Boot's own MongoDB clients step aside),
 * a tracking processor per read model plus the webhook outbox's, rebuilds, metrics.
 */
@SpringBootTest(classes = ProjectionsWiringTest.Application.class,
    properties = {"registry.notices.cron=-", "axon.axonserver.enabled=false", "registry.mongodb.in-memory=true"})
class ProjectionsWiringTest {

  @SpringBootConfiguration
  @EnableAutoConfiguration
  @ComponentScan(basePackages = {"gov.ice.registry.projection", "gov.ice.registry.notice"})
  static class Application {

    @Bean
    Clock clock() {
      return Clock.fixed(Instant.parse("2026-11-22T15:00:00Z"), ZoneId.of("America/New_York"));
    }

    @Bean
    EventStorageEngine storageEngine() {
      return new InMemoryEventStorageEngine();
    }

    @Bean
    MeterRegistry meterRegistry() {
      return new SimpleMeterRegistry();
    }
  }

  @Autowired EventStore eventStore;
  @Autowired EventProcessingConfiguration processing;
  @Autowired AgreementRepositoryQueries agreements;
  @Autowired ProjectionRebuilder rebuilder;
  @Autowired ReadModelMetrics metrics;
  @Autowired MeterRegistry meters;
  @Autowired ReadStoreEndpoint endpoint;
  @Autowired List<com.mongodb.client.MongoClient> syncClients;
  @Autowired List<com.mongodb.reactivestreams.client.MongoClient> reactiveClients;

  private long total() {
    return agreements.search(AgreementSearch.all()).block().total();
  }

  @Test
  void projectsPublishedEventsRebuildsAndMeasures() {
    assertThat(endpoint.embedded()).isNotNull();
    assertThat(endpoint.connectionString()).startsWith("mongodb://127.0.0.1:");
    assertThat(syncClients).hasSize(1);
    assertThat(reactiveClients).hasSize(1);
    for (String group : TrackingProjections.GROUPS) {
      assertThat(processing.eventProcessor(group, PooledStreamingEventProcessor.class)).as(group).isPresent();
    }
    assertThat(processing.eventProcessor(NoticeWebhookOutbox.GROUP, TrackingEventProcessor.class)).isPresent();

    KnownAgreements.ALL.forEach(story -> eventStore.publish(story.messages()));
    await().atMost(Duration.ofSeconds(30)).until(() -> total() == KnownAgreements.ALL.size());

    assertThat(rebuilder.rebuild("repository").block()).isNotNull();
    await().atMost(Duration.ofSeconds(30)).until(() -> total() == KnownAgreements.ALL.size()
        && rebuilder.statuses().block().stream().allMatch(s -> s.running() && s.error() == null));
    assertThat(rebuilder.rebuild("no-such-read-model").blockOptional()).isEmpty();
    long head = eventStore.createHeadToken().position().orElseThrow();
    for (String group : TrackingProjections.GROUPS) {
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
        assertThat(meters.get("registry.read.model.position").tag("read_model", group).gauge().value()).isEqualTo(head);
        assertThat(meters.get("registry.read.model.lag").tag("read_model", group).gauge().value()).isZero();
      });
    }
    assertThat(meters.get("registry.read.model.lag").gauge().getId().getBaseUnit()).isEqualTo("events");

    // Visa (due 28 Feb 2026), Removal (1 Jun 2025) and Tribal (1 Sep 2026) are overdue on 22 Nov 2026.
    // Every agreement has a document as soon as its first event is replayed, so the statuses are
    // awaited too: the replay may still be between an agreement's draft and its execution.
    await().atMost(Duration.ofSeconds(30)).until(() -> {
      metrics.refresh().block();
      return meters.get("registry.reviews.overdue").gauge().value() == 3.0
          && meters.get("registry.agreements").tag("status", "ACTIVE").gauge().value() == 4.0
          && meters.get("registry.agreements").tag("status", "DRAFT").gauge().value() == 2.0;
    });
    assertThat(meters.get("registry.reviews.due.soon").gauge().value()).isZero();
  }
}
