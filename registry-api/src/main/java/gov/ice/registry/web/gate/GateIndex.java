package gov.ice.registry.web.gate;

import gov.ice.registry.agreement.api.AgreementDrafted;
import gov.ice.registry.agreement.api.AgreementProfile;
import gov.ice.registry.agreement.api.DraftRevised;
import gov.ice.registry.agreement.api.ExecutedAgreementImported;
import gov.ice.registry.agreement.api.Party;
import gov.ice.registry.gate.PartyMatch;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Which agreements name a party: every party any draft, revision or import of an agreement ever
 * named, by identifier and by normalized name, in memory. Only the candidates' ids come from here;
 * the gate then reads each candidate's own events from the ledger and folds them as known at
 * {@code knownAt}, so this index never decides anything and may over-select. It follows the
 * ledger through Axon's event stream (gaps from late commits included) from the start at every
 * boot; until it has read the ledger's head, the gate answers 503.
 */
class GateIndex implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(GateIndex.class);

  private final EventStore events;
  private final Map<String, Set<String>> agreementsByKey = new ConcurrentHashMap<>();
  private volatile TrackingToken position;
  private volatile long eventsRead;
  private volatile boolean running;
  private volatile boolean paused;
  private Thread follower;

  GateIndex(EventStore events) {
    this.events = events;
  }

  static String identifierKey(String scheme, String value) {
    return "id:" + scheme.trim().toUpperCase(Locale.ROOT) + ":" + value.trim().toLowerCase(Locale.ROOT);
  }

  static String nameKey(String name) {
    return "name:" + PartyMatch.normalize(name);
  }

  Set<String> agreementsWith(String key) {
    return agreementsByKey.getOrDefault(key, Set.of());
  }

  /** Has the index read every event the ledger held when asked? The gate decides nothing from a view behind the ledger. */
  boolean caughtUp() {
    TrackingToken head = events.createHeadToken();
    TrackingToken read = position;
    if (head == null) {
      return true;
    }
    return read != null && read.covers(head);
  }

  long eventsRead() {
    return eventsRead;
  }

  TrackingToken position() {
    return position;
  }

  /** Holds the index where it is (tests: a read side behind the ledger); the gate then answers 503. */
  void pause(boolean pause) {
    paused = pause;
  }

  private void follow() {
    while (running) {
      try (BlockingStream<TrackedEventMessage<?>> stream = events.openStream(position)) {
        while (running) {
          if (paused) {
            Thread.sleep(20); // Paused by a test: nothing to wait on but the flag.
            continue;
          }
          if (!stream.hasNextAvailable(500, java.util.concurrent.TimeUnit.MILLISECONDS) || paused) {
            continue; // Paused while it waited: the event stays in the stream until the pause ends.
          }
          TrackedEventMessage<?> event = stream.nextAvailable();
          index(event);
          eventsRead++;
          position = event.trackingToken();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        log.warn("The sharing gate's index lost the ledger's stream; it reopens it: {}", e.getMessage());
        try {
          Thread.sleep(1000); // Back off from a store that is down.
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  private void index(TrackedEventMessage<?> event) {
    Object payload = event.getPayload();
    AgreementProfile profile = null;
    if (payload instanceof AgreementDrafted d) {
      profile = d.profile();
    } else if (payload instanceof DraftRevised r) {
      profile = r.profile();
    } else if (payload instanceof ExecutedAgreementImported i) {
      profile = i.profile();
    }
    if (profile == null || !(event instanceof DomainEventMessage<?> domain)) {
      return;
    }
    for (Party party : profile.parties()) {
      add(nameKey(party.name()), domain.getAggregateIdentifier());
      if (party.identifier() != null && party.identifier().scheme() != null && party.identifier().value() != null) {
        add(identifierKey(party.identifier().scheme(), party.identifier().value()), domain.getAggregateIdentifier());
      }
    }
  }

  private void add(String key, String agreementId) {
    agreementsByKey.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(agreementId);
  }

  @Override
  public synchronized void start() {
    running = true;
    follower = new Thread(this::follow, "sharing-gate-index");
    follower.setDaemon(true);
    follower.start();
  }

  @Override
  public synchronized void stop() {
    running = false;
    if (follower != null) {
      follower.interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
