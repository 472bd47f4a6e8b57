package gov.ice.registry.web.access;

import gov.ice.registry.chain.CanonicalJson;
import gov.ice.registry.integrity.log.ChainedLog;
import gov.ice.registry.projection.access.Reader;
import gov.ice.registry.security.CheckedSignIn;
import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The access log's recorder: each request that returns agreement content or a list of agreements
 * calls {@link #record} before its answer is written, and the answer waits for the record to be
 * committed to the chained log {@code access}, so no answer a client received lacks its record
 * after a crash. Records of requests arriving together are committed in one transaction by one
 * writer thread (group commit): under load one commit serves many requests.
 *
 * <p>One entry per agreement returned (its id the entry's subject), so an agreement's readers
 * are found by subject, lists and exports included; a request that returned none has one entry
 * without subject. Every entry of one request carries the same {@code requestId}.
 */
public class AccessLog {

  private static final Logger log = LoggerFactory.getLogger(AccessLog.class);
  private static final int MAX_BATCH = 2_000;

  private final ChainedLog chained;
  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final Thread writer;
  private volatile boolean running = true;

  private record Pending(List<ChainedLog.NewEntry> entries, CompletableFuture<Void> done) {}

  /** What one request returned: the action, the agreements, the parts of them and the format. */
  public record Access(AccessAction action, List<String> agreementIds, List<String> sections, String format, String outcome) {

    public Access {
      agreementIds = agreementIds == null ? List.of() : List.copyOf(agreementIds);
      sections = sections == null ? List.of() : List.copyOf(sections);
    }

    public static Access of(AccessAction action, List<String> agreementIds, String sections, String format) {
      return new Access(action, agreementIds, List.of(sections), format, action == AccessAction.DENIED ? "DENIED" : "ALLOWED");
    }
  }

  public AccessLog(ChainedLog chained) {
    this.chained = chained;
    this.writer = new Thread(this::write, "access-log-writer");
    writer.setDaemon(true);
    writer.start();
  }

  public ChainedLog chained() {
    return chained;
  }

  /** Records {@code access} by {@code reader} in {@code exchange}; completes once the record is committed. */
  public Mono<Void> record(ServerWebExchange exchange, Reader reader, Access access) {
    String requestId = exchange.getRequest().getId();
    String address = CheckedSignIn.clientAddress(exchange);
    String path = exchange.getRequest().getPath().pathWithinApplication().value();
    List<ChainedLog.NewEntry> entries = new ArrayList<>();
    List<String> subjects = access.agreementIds().isEmpty() ? java.util.Collections.singletonList(null) : access.agreementIds();
    for (String subject : subjects) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("requestId", requestId);
      body.put("path", path);
      body.put("sourceAddress", address);
      body.put("roles", reader.roles());
      body.put("offices", reader.offices());
      body.put("clientId", reader.clientId());
      body.put("agreementsInRequest", access.agreementIds().size());
      body.put("sections", access.sections());
      body.put("format", access.format());
      entries.add(new ChainedLog.NewEntry(UUID.randomUUID().toString(), null, reader.username(), subject, access.action().name(),
          access.outcome(), CanonicalJson.canonical(body)));
    }
    return Mono.defer(() -> {
      if (!running) {
        return Mono.error(new IllegalStateException("the access log is closed"));
      }
      CompletableFuture<Void> done = new CompletableFuture<>();
      queue.add(new Pending(entries, done));
      return Mono.fromFuture(done);
    });
  }

  private void write() {
    while (running || !queue.isEmpty()) {
      List<Pending> batch = new ArrayList<>();
      try {
        batch.add(queue.take());
      } catch (InterruptedException stopping) {
        if (queue.isEmpty()) {
          return;
        }
      }
      queue.drainTo(batch, MAX_BATCH);
      List<ChainedLog.NewEntry> entries = new ArrayList<>();
      batch.forEach(p -> entries.addAll(p.entries()));
      try {
        chained.appendAll(entries);
        batch.forEach(p -> p.done().complete(null));
      } catch (RuntimeException e) {
        log.error("Access log records of {} requests not written: {}", batch.size(), e.toString());
        batch.forEach(p -> p.done().completeExceptionally(e));
      }
    }
  }

  /** Writes what is queued, then stops: answers waiting for their records get them. */
  @PreDestroy
  public void close() throws InterruptedException {
    running = false;
    writer.interrupt();
    writer.join(10_000);
  }
}
