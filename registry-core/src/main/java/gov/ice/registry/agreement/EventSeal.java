package gov.ice.registry.agreement;

import gov.ice.registry.agreement.api.Actor;
import gov.ice.registry.agreement.api.AgreementEvent;
import gov.ice.registry.chain.EventChain;
import gov.ice.registry.serialization.RegistryJson;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * The one place that seals an agreement's events into the hash chain (see {@link EventChain}),
 * under its current revision: the time they are recorded, the actor of the command (display name
 * included, salted), salts for their personal values, the link to the previous event and their
 * own hash. The time column Axon writes is set to the sealed time when the event is stored
 * ({@code ledger.recordedAt}; the registry's event store does it), so the time the history shows
 * is the time the hash covers. It holds the agreement's place in the ledger
 * (the hash of its last event and the sequence number of the next), which comes from event
 * metadata the state never sees, so the decisions never meet the ledger. Computed from this
 * agreement's chain position alone, so agreements never contend for a global lock.
 */
final class EventSeal {

  /** Salts for personal values; only their unpredictability matters, so one generator serves every agreement. */
  private static final SecureRandom SALTS = new SecureRandom();

  /** The form Axon stores events in, which the chain hashes. */
  private static final JacksonSerializer STORED_FORM = RegistryJson.serializer();

  private String head = EventChain.GENESIS;
  private long nextSequence;

  /** The ledger metadata of {@code event}, the next event of this agreement. */
  MetaData seal(AgreementEvent event, Clock clock) {
    SerializedObject<String> stored = STORED_FORM.serialize(event, String.class);
    MetaData command = CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get().getMessage().getMetaData() : MetaData.emptyInstance();
    Map<String, String> ledger = EventChain.seal(event.agreementId().value(), nextSequence, stored.getType().getName(),
        stored.getType().getRevision(), stored.getData(), clock.instant().truncatedTo(ChronoUnit.MILLIS).toString(),
        textOf(command.get(Actor.USERNAME)), textOf(command.get(Actor.DISPLAY_NAME)), textOf(command.get(Actor.ROLES)), head, SALTS);
    // In a constructor Axon applies events only after it returns, so the position moves here
    // too; following the applied event then sets the same values.
    head = ledger.get(EventChain.HASH);
    nextSequence++;
    return MetaData.from(ledger);
  }

  /** Moves past an event the agreement has (sourced from the ledger, or just applied). */
  void follow(long sequence, MetaData metaData) {
    nextSequence = sequence + 1;
    Object hash = metaData.get(EventChain.HASH);
    // An event without a hash (only ever a hand-made test event) is a break the verifier
    // reports; the next event still links to something well formed.
    head = hash == null ? EventChain.GENESIS : hash.toString();
  }

  private static String textOf(Object value) {
    return value == null ? null : value.toString();
  }
}
