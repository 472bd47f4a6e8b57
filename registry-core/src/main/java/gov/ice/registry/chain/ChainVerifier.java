package gov.ice.registry.chain;

import gov.ice.registry.chain.EventChain.StoredEvent;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Checks events one at a time, in any interleaving of agreements as long as each agreement's
 * events come in sequence order (the event store's global order does). Remembers each
 * agreement's head and its first broken entry; nothing else, so a whole ledger streams
 * through it.
 */
public final class ChainVerifier {

  private final Map<String, Chain> chains = new LinkedHashMap<>();
  private long eventsChecked;
  private Break firstBreak;

  /** The first broken entry found, in the order events were given. */
  public Optional<Break> firstBreak() {
    return Optional.ofNullable(firstBreak);
  }

  public long eventsChecked() {
    return eventsChecked;
  }

  /** Each agreement's last sound event, in order of first appearance. */
  public Map<String, Head> heads() {
    Map<String, Head> heads = new LinkedHashMap<>();
    chains.forEach((id, chain) -> {
      if (chain.nextSequence > 0) {
        heads.put(id, new Head(id, chain.nextSequence - 1, chain.hash));
      }
    });
    return Collections.unmodifiableMap(heads);
  }

  /** Checks the next event of its agreement; returns the break it finds, if any. */
  public Optional<Break> accept(StoredEvent event) {
    return accept(event, null);
  }

  /** As {@link #accept(StoredEvent)}, with the event's hash already recomputed ({@link EventChain#recompute}) when not null. */
  public Optional<Break> accept(StoredEvent event, EventChain.Recomputed recomputed) {
    eventsChecked++;
    Chain chain = chains.computeIfAbsent(event.agreementId(), id -> new Chain());
    if (chain.broken != null) {
      return Optional.empty(); // Past an agreement's first break every link is suspect; one report says it.
    }
    String problem = EventChain.problemWith(event, chain.nextSequence, chain.hash, recomputed);
    if (problem != null) {
      return report(chain, new Break(event.agreementId(), event.sequence(), problem));
    }
    chain.nextSequence = event.sequence() + 1;
    chain.hash = event.hash();
    if (EventChain.hasErasedPersonalData(event) && chain.firstUncoveredErasure < 0) {
      chain.firstUncoveredErasure = event.sequence();
    }
    if (EventChain.ERASURE_TYPE.equals(event.type()) && chain.firstUncoveredErasure >= 0
        && chain.firstUncoveredErasure < EventChain.erasedBefore(event)) {
      chain.firstUncoveredErasure = -1;
    }
    return Optional.empty();
  }

  /**
   * Ends the check: personal data may be missing only from events that a later erasure event
   * covers. Returns the first break of the whole run.
   */
  public Optional<Break> finish() {
    chains.forEach((id, chain) -> {
      if (chain.broken == null && chain.firstUncoveredErasure >= 0) {
        report(chain, new Break(id, chain.firstUncoveredErasure,
            "personal data was removed but no PersonalDataErased event records the erasure"));
      }
    });
    return firstBreak();
  }

  /** Where verification stopped: an agreement, the sequence number of the broken entry, and what differs. */
  public record Break(String agreementId, long sequence, String problem) {}

  /** The latest sound event of an agreement. */
  public record Head(String agreementId, long sequence, String hash) {}

  private Optional<Break> report(Chain chain, Break found) {
    chain.broken = found;
    if (firstBreak == null) {
      firstBreak = found;
    }
    return Optional.of(found);
  }

  private static final class Chain {
    long nextSequence;
    String hash = EventChain.GENESIS;
    long firstUncoveredErasure = -1;
    Break broken;
  }
}
