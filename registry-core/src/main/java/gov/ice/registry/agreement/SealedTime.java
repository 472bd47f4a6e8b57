package gov.ice.registry.agreement;

import gov.ice.registry.chain.EventChain;
import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;

/**
 * Gives each sealed event the time its seal records ({@code ledger.recordedAt}) as its message
 * time, which Axon writes into the event store's time column and the history shows as {@code at}.
 * {@link EventSeal} seals while the aggregate applies the event, before Axon creates the message
 * with a time of its own; this dispatch interceptor on the event store runs before the event is
 * stored, so the stored time is exactly the hashed one (revision 2 verification requires it).
 */
final class SealedTime implements MessageDispatchInterceptor<EventMessage<?>> {

  @Override
  public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
    return (index, message) -> {
      if (!(message instanceof DomainEventMessage<?> event) || !(event.getMetaData().get(EventChain.RECORDED_AT) instanceof String at)) {
        return message;
      }
      Instant sealed = Instant.parse(at);
      if (sealed.equals(event.getTimestamp())) {
        return message;
      }
      return new GenericDomainEventMessage<>(event.getType(), event.getAggregateIdentifier(), event.getSequenceNumber(),
          event.getPayload(), event.getMetaData(), event.getIdentifier(), sealed);
    };
  }
}
