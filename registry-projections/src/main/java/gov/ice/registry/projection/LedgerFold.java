package gov.ice.registry.projection;

import gov.ice.registry.agreement.api.AgreementEvent;
import gov.ice.registry.agreement.api.AgreementId;
import gov.ice.registry.agreement.AgreementFacts;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.axonframework.eventhandling.DomainEventMessage;

/**
 * Folds an agreement with the domain's own {@link AgreementFacts} from the ledger: the read
 * models' fallback when the document or context an event would change is missing or not at that
 * event's predecessor (a gap ordered delivery does not leave, a read store older than the
 * document, or a batch delivered again after its documents were written). In order, every read
 * model changes its documents by the events alone and reads nothing here.
 *
 * <p>Each user owns one instance; its processor's segments share it (an agreement's events
 * all go to one segment), so its methods are synchronized. The states are cached (least recently
 * used first out), so the events after a gap fold from the cache; an agreement missing from the
 * cache, or cached at another point of its history, is folded again from the ledger.
 */
public final class LedgerFold {

  /** An agreement folded through one event, with the instants of its first and latest events. */
  public record Folded(AgreementFacts state, Instant firstAt, Instant lastAt, long sequence) {}

  private static final int DEFAULT_CAPACITY = 10_000;

  private final AgreementLedger ledger;
  private final Map<AgreementId, Folded> cache;

  public LedgerFold(AgreementLedger ledger) {
    this(ledger, DEFAULT_CAPACITY);
  }

  public LedgerFold(AgreementLedger ledger, int capacity) {
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.cache = new LinkedHashMap<>(256, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<AgreementId, Folded> eldest) {
        return size() > capacity;
      }
    };
  }

  /** The agreement as it stands right after {@code message}. */
  public synchronized Folded after(DomainEventMessage<?> message) {
    AgreementEvent event = (AgreementEvent) message.getPayload();
    AgreementId id = event.agreementId();
    long sequence = message.getSequenceNumber();
    Folded cached = cache.get(id);
    if (cached != null && cached.sequence() == sequence) {
      // The same event again (a retry after a failed write, or a redelivery): already folded.
      return cached;
    }
    Folded before = cached != null && cached.sequence() == sequence - 1 ? cached : reload(id, sequence);
    AgreementFacts state = (before == null ? AgreementFacts.none() : before.state()).then(event);
    Instant firstAt = before == null ? message.getTimestamp() : before.firstAt();
    Folded folded = new Folded(state, firstAt, message.getTimestamp(), sequence);
    cache.put(id, folded);
    return folded;
  }

  /** Forgets every agreement, before a replay. */
  public synchronized void clear() {
    cache.clear();
  }

  private Folded reload(AgreementId id, long sequence) {
    if (sequence == 0) {
      return null;
    }
    var history = ledger.eventsBefore(id, sequence);
    if (history.isEmpty()) {
      return null;
    }
    AgreementFacts state = AgreementFacts.replay(history.stream().map(m -> (AgreementEvent) m.getPayload()).toList());
    var last = history.get(history.size() - 1);
    return new Folded(state, history.get(0).getTimestamp(), last.getTimestamp(), last.getSequenceNumber());
  }
}
