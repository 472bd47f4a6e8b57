package gov.ice.registry.projection.context;

import gov.ice.registry.agreement.api.AgreementEvent;
import gov.ice.registry.agreement.api.AgreementId;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * The part of the ledger a projection reads when it has to fold an agreement it has not seen
 * since it started: the events before a given sequence number, in order.
 */
@FunctionalInterface
public interface AgreementLedger {

  List<DomainEventMessage<?>> eventsBefore(AgreementId id, long sequence);

  static AgreementLedger of(EventStore eventStore) {
    // From sequence 0, never from a snapshot: the fold needs the events themselves.
    return (id, sequence) -> eventStore.readEvents(id.value(), 0).asStream()
        .takeWhile(m -> m.getSequenceNumber() < sequence)
        .filter(m -> m.getPayload() instanceof AgreementEvent)
        .<DomainEventMessage<?>>map(m -> m)
        .toList();
  }
}
