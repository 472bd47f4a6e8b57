package gov.ice.registry.projection.repository;

import static org.awaitility.Awaitility.await;

import gov.ice.registry.projection.context.AgreementLedger;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;

/**
 * The search engine on a ledger of its own (Axon's in-memory event store) and a fresh temporary
 * directory: events published here are indexed by the engine's own tracking loop, as in the
 * application.
 */
public final class TestSearch implements AutoCloseable {

  private final Path dir;
  private final EventStore events;
  private final Set<String> published = new HashSet<>();
  private AgreementSearchEngine engine;
  private gov.ice.registry.projection.text.DocumentTexts texts;

  private TestSearch(Path dir, EventStore events) {
    this.dir = dir;
    this.events = events;
  }

  public static TestSearch start() {
    return start(null);
  }

  /** With {@code texts} reading the text of attached documents. */
  public static TestSearch start(gov.ice.registry.projection.text.DocumentTexts texts) {
    try {
      TestSearch search = new TestSearch(Files.createTempDirectory("registry-search-"),
          EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build());
      search.texts = texts;
      return search.open();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Another engine, in a fresh directory, on the same ledger: what a rebuild from scratch makes. */
  public TestSearch fresh() {
    try {
      TestSearch fresh = new TestSearch(Files.createTempDirectory("registry-search-"), events);
      fresh.texts = texts;
      return fresh.open();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An engine on this directory but another ledger (a fresh one), as after a ledger was replaced. */
  public TestSearch onAnotherLedger() {
    engine.stop();
    return new TestSearch(dir, EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build()).open();
  }

  /** Every agreement the live index holds, by id. */
  public List<AgreementDocument> contents() {
    List<AgreementDocument> all = new java.util.ArrayList<>();
    for (int page = 0; ; page++) {
      AgreementPage found = engine.search(new AgreementSearch(null, null, null, null, null, null, null, null, page,
          AgreementSearch.MAX_SIZE, AgreementSearch.Sort.parse("createdAt")));
      all.addAll(found.items());
      if (found.items().size() < AgreementSearch.MAX_SIZE) {
        return all.stream().sorted(Comparator.comparing(AgreementDocument::id)).toList();
      }
    }
  }

  /** A new engine on the same directory and ledger, as a restarted instance opens it. */
  public TestSearch open() {
    engine = new AgreementSearchEngine(dir, events, AgreementLedger.of(events), 50,
        new gov.ice.registry.projection.processing.ReadModelFailures(), texts);
    engine.start();
    return this;
  }

  /** Stops the engine as a shutdown does (nothing more committed). */
  public TestSearch stop() {
    engine.stop();
    return this;
  }

  public AgreementSearchEngine engine() {
    return engine;
  }

  public Path dir() {
    return dir;
  }

  public EventStore events() {
    return events;
  }

  /** The engine's position once it compared its index with the ledger (at once for a new index). */
  public long position() {
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> engine.position() != null);
    return engine.position();
  }

  public long head() {
    var token = events.createHeadToken();
    return token == null ? -1 : token.position().orElse(-1);
  }

  /** Appends the messages not appended yet to the ledger, and waits until the index reflects them. */
  public TestSearch publish(Collection<? extends DomainEventMessage<?>> messages) {
    List<? extends DomainEventMessage<?>> fresh = messages.stream().filter(m -> published.add(m.getIdentifier())).toList();
    if (!fresh.isEmpty()) {
      events.publish(fresh);
    }
    return awaitCaughtUp();
  }

  public TestSearch awaitCaughtUp() {
    long head = head();
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
        .until(() -> engine.position() != null && engine.position() >= head);
    return this;
  }

  public AgreementRepositoryQueries queries(gov.ice.registry.projection.mongo.ReadStore store) {
    return new AgreementRepositoryQueries(store, engine);
  }

  @Override
  public void close() {
    engine.stop();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
