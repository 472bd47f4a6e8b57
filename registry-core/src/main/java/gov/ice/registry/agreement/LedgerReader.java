package gov.ice.registry.agreement;

import gov.ice.registry.agreement.api.AgreementDirectory;
import gov.ice.registry.agreement.api.AgreementEvent;
import gov.ice.registry.agreement.api.AgreementId;
import gov.ice.registry.agreement.api.AgreementStatus;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * Reads one agreement straight from the ledger, never from a read model: what a command's
 * caller sees afterwards, an agreement's state at a past instant, and its history, are exactly
 * what the event store holds.
 */
public final class LedgerReader implements AgreementDirectory {

  private final EventStore eventStore;

  public LedgerReader(EventStore eventStore) {
    this.eventStore = Objects.requireNonNull(eventStore, "eventStore");
  }

  /** The agreement's events in ledger order, with their metadata; empty when there is no such agreement. */
  public List<? extends DomainEventMessage<?>> history(AgreementId id) {
    // From sequence 0, never from a snapshot: a history is every event, and a snapshot is not one.
    return eventStore.readEvents(id.value(), 0).asStream().toList();
  }

  public Optional<AgreementFacts> stateOf(AgreementId id) {
    return fold(history(id), Instant.MAX);
  }

  /** The state as it was at {@code asOf}: only the events recorded up to that instant count. */
  public Optional<AgreementFacts> stateAsOf(AgreementId id, Instant asOf) {
    return fold(history(id), asOf);
  }

  @Override
  public Optional<AgreementStatus> statusOf(AgreementId id) {
    return stateOf(id).map(AgreementFacts::status);
  }

  private static Optional<AgreementFacts> fold(List<? extends DomainEventMessage<?>> messages, Instant asOf) {
    List<AgreementEvent> events = messages.stream()
        .filter(m -> !m.getTimestamp().isAfter(asOf))
        .map(DomainEventMessage::getPayload)
        .filter(AgreementEvent.class::isInstance)
        .map(AgreementEvent.class::cast)
        .toList();
    return events.isEmpty() ? Optional.empty() : Optional.of(AgreementFacts.replay(events));
  }
}
