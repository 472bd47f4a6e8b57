package gov.ice.registry.notice;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import com.sun.net.httpserver.HttpServer;
import gov.ice.registry.agreement.api.AgreementId;
import gov.ice.registry.agreement.api.ReviewDueNoticeIssued;
import gov.ice.registry.agreement.AgreementFixtures;
import gov.ice.registry.projection.MutableClock;
import gov.ice.registry.projection.TestReadStore;
import gov.ice.registry.projection.mongo.ReadStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** Notices to webhooks: queued once per notice and URL, retried with back-off, given up after the last attempt. */
class NoticeWebhookTest {

  TestReadStore mongo;
  ReadStore store;
  HttpServer receiver;
  List<String> received = new CopyOnWriteArrayList<>();
  AtomicInteger failuresToGive = new AtomicInteger();
  MutableClock clock = new MutableClock(Instant.parse("2026-11-22T11:00:00Z"), ZoneId.of("America/New_York"));
  SimpleMeterRegistry meters = new SimpleMeterRegistry();

  @BeforeEach
  void start() throws IOException {
    mongo = new TestReadStore();
    store = mongo.store("webhooks");
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext("/hook", exchange -> {
      byte[] body = exchange.getRequestBody().readAllBytes();
      int status = failuresToGive.getAndDecrement() > 0 ? 503 : 204;
      if (status == 204) {
        received.add(new String(body, StandardCharsets.UTF_8));
      }
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    });
    receiver.start();
  }

  @AfterEach
  void stop() {
    receiver.stop(0);
    mongo.close();
  }

  private NoticeProperties properties(int maxAttempts) {
    URI hook = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
    return new NoticeProperties(null, List.of(hook), maxAttempts, Duration.ofSeconds(10), Duration.ofMinutes(5), Duration.ofSeconds(5));
  }

  private void notice(NoticeProperties properties) throws Exception {
    AgreementFixtures.Story story = AgreementFixtures.story("A-9", Instant.parse("2026-11-22T11:00:00Z"))
        .then(gov.ice.registry.agreement.api.Actor.SYSTEM,
            new ReviewDueNoticeIssued(AgreementId.of("A-9"), LocalDate.of(2027, 1, 1), 90, LocalDate.of(2026, 11, 22)));
    AnnotationEventHandlerAdapter outbox = new AnnotationEventHandlerAdapter(new NoticeWebhookOutbox(store, properties, clock));
    outbox.handle(story.messages().get(0));
    outbox.handle(story.messages().get(0));
  }

  private Document entry() {
    return Mono.from(store.collection("webhookOutbox").find(Filters.eq("url", properties(1).webhooks().get(0).toString())).first()).block();
  }

  @Test
  void deliversEachNoticeOnceEvenWhenItsEventArrivesTwice() throws Exception {
    NoticeProperties properties = properties(3);
    notice(properties);
    NoticeWebhookSender sender = new NoticeWebhookSender(store, properties, clock, meters);

    assertThat(sender.deliverDue().block()).isEqualTo(1);
    assertThat(sender.deliverDue().block()).isZero();
    assertThat(received).singleElement().satisfies(body -> assertThat(body)
        .contains("\"type\": \"REVIEW_DUE\"").contains("\"agreementId\": \"A-9\"").contains("\"daysBeforeDue\": 90"));
    assertThat(entry().getString("status")).isEqualTo("DELIVERED");
  }

  @Test
  void retriesWithDoublingBackOffAndCountsEachFailure() throws Exception {
    NoticeProperties properties = properties(5);
    notice(properties);
    NoticeWebhookSender sender = new NoticeWebhookSender(store, properties, clock, meters);
    failuresToGive.set(2);

    assertThat(sender.deliverDue().block()).isZero();
    Instant firstRetry = entry().getDate("nextAttemptAt").toInstant();
    assertThat(firstRetry).isEqualTo(clock.instant().plusSeconds(10));
    assertThat(sender.deliverDue().block()).as("not due before its back-off").isZero();

    clock.set(firstRetry);
    assertThat(sender.deliverDue().block()).isZero();
    assertThat(entry().getDate("nextAttemptAt").toInstant()).isEqualTo(firstRetry.plusSeconds(20));

    clock.advance(Duration.ofSeconds(20));
    assertThat(sender.deliverDue().block()).isEqualTo(1);
    assertThat(received).hasSize(1);
    assertThat(entry().getInteger("attempts")).isEqualTo(3);
    assertThat(meters.counter("registry.notices.webhook.failures").count()).isEqualTo(2.0);
  }

  @Test
  void givesUpAfterTheLastAttempt() throws Exception {
    NoticeProperties properties = properties(2);
    notice(properties);
    NoticeWebhookSender sender = new NoticeWebhookSender(store, properties, clock, meters);
    failuresToGive.set(10);

    sender.deliverDue().block();
    clock.advance(Duration.ofMinutes(1));
    sender.deliverDue().block();
    clock.advance(Duration.ofHours(1));
    assertThat(sender.deliverDue().block()).isZero();

    assertThat(entry().getString("status")).isEqualTo("GAVE_UP");
    assertThat(received).isEmpty();
    assertThat(meters.counter("registry.notices.webhook.failures").count()).isEqualTo(2.0);
  }
}
