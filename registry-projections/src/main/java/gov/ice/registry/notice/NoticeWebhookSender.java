package gov.ice.registry.notice;

import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import gov.ice.registry.projection.mongo.ReadStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Delivers queued notices: POSTs each as JSON, and after a failure (a transport error or a status
 * other than 2xx) waits with exponential back-off before the next attempt, until
 * {@code webhookMaxAttempts}. Each attempt first leases its entry atomically
 * (findOneAndUpdate), so two instances never send the same entry at the same time.
 */
@Component
public class NoticeWebhookSender {

  private static final Logger log = LoggerFactory.getLogger(NoticeWebhookSender.class);
  private static final int BATCH = 50;

  private final MongoCollection<Document> outbox;
  private final NoticeProperties properties;
  private final Clock clock;
  private final HttpClient http;
  private final Counter failures;
  private final Counter delivered;

  public NoticeWebhookSender(ReadStore store, NoticeProperties properties, Clock clock, MeterRegistry meters) {
    this.outbox = store.collection(NoticeWebhookOutbox.COLLECTION);
    this.properties = properties;
    this.clock = clock;
    this.http = HttpClient.newBuilder().connectTimeout(properties.webhookTimeout()).build();
    this.failures = Counter.builder("registry.notices.webhook.failures")
        .description("Failed webhook delivery attempts").register(meters);
    this.delivered = Counter.builder("registry.notices.webhook.deliveries")
        .description("Notices delivered to a webhook").register(meters);
  }

  /** On one instance at a time: the leases already keep two senders off one entry; the lock spares the store their polling. */
  @Scheduled(fixedDelayString = "${registry.notices.webhook-poll-interval:PT5S}")
  @SchedulerLock(name = "notice-webhooks", lockAtMostFor = "PT2M")
  public void onSchedule() {
    deliverDue().block();
  }

  /** Attempts every entry whose next attempt is due; completes with how many were delivered. */
  public Mono<Long> deliverDue() {
    // One entry at a time, up to BATCH, stopping at the first lease that finds nothing due.
    return Mono.defer(() -> lease().flatMap(this::attempt).map(Optional::of).defaultIfEmpty(Optional.empty()))
        .repeat(BATCH - 1)
        .takeWhile(Optional::isPresent)
        .filter(Optional::get)
        .count();
  }

  private Mono<Document> lease() {
    Instant now = clock.instant();
    return Mono.from(outbox.findOneAndUpdate(
        Filters.and(Filters.eq("status", NoticeWebhookOutbox.PENDING), Filters.lte("nextAttemptAt", Date.from(now))),
        Updates.set("nextAttemptAt", Date.from(now.plus(properties.webhookTimeout().multipliedBy(3)))),
        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)));
  }

  private Mono<Boolean> attempt(Document entry) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(entry.getString("url")))
        .timeout(properties.webhookTimeout())
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(entry.getString("body")))
        .build();
    return Mono.fromFuture(() -> http.sendAsync(request, HttpResponse.BodyHandlers.discarding()))
        .map(response -> response.statusCode() / 100 == 2 ? "" : "HTTP " + response.statusCode())
        .onErrorResume(error -> Mono.just(error.getClass().getSimpleName()))
        .flatMap(failure -> failure.isEmpty() ? succeeded(entry) : failed(entry, failure));
  }

  private Mono<Boolean> succeeded(Document entry) {
    delivered.increment();
    return Mono.from(outbox.updateOne(Filters.eq("_id", entry.get("_id")), Updates.combine(
            Updates.set("status", NoticeWebhookOutbox.DELIVERED),
            Updates.set("deliveredAt", Date.from(clock.instant())),
            Updates.inc("attempts", 1))))
        .thenReturn(true);
  }

  private Mono<Boolean> failed(Document entry, String failure) {
    failures.increment();
    int attempts = entry.getInteger("attempts", 0) + 1;
    boolean giveUp = attempts >= properties.webhookMaxAttempts();
    log.warn("webhook {} failed ({}), attempt {}{}", entry.getString("url"), failure, attempts, giveUp ? ", giving up" : "");
    return Mono.from(outbox.updateOne(Filters.eq("_id", entry.get("_id")), Updates.combine(
            Updates.set("status", giveUp ? NoticeWebhookOutbox.GAVE_UP : NoticeWebhookOutbox.PENDING),
            Updates.set("attempts", attempts),
            Updates.set("lastFailure", failure),
            Updates.set("nextAttemptAt", Date.from(clock.instant().plus(properties.backoffAfter(attempts)))))))
        .thenReturn(false);
  }

}
