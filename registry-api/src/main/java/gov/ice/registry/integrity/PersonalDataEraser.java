package gov.ice.registry.integrity;

import gov.ice.registry.chain.CanonicalJson;
import gov.ice.registry.chain.EventChain;
import gov.ice.registry.chain.PersonalData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Carries out a recorded erasure in the event store: every event of the agreement before the
 * latest {@code PersonalDataErased} event's {@code erasedBefore} loses its personal values and
 * their salts (see {@link PersonalData}); its hash stays checkable through the digests. Snapshots
 * of the agreement, which hold folded personal data, are dropped. Idempotent.
 */
public final class PersonalDataEraser {

  private final EventTable events;
  private final TransactionTemplate transactions;

  PersonalDataEraser(EventTable events, TransactionTemplate transactions) {
    this.events = events;
    this.transactions = transactions;
  }

  /** Rewrites the agreement's stored events; returns how many were rewritten. */
  public int erase(String agreementId) {
    Integer rewritten = transactions.execute(status -> {
      List<EventTable.Row> rows = events.ofAgreement(agreementId);
      long erasedBefore = rows.stream()
          .filter(r -> EventChain.ERASURE_TYPE.equals(r.event().type()))
          .mapToLong(r -> erasedBefore(r.event().payloadJson()))
          .max()
          .orElse(0);
      int count = 0;
      for (EventTable.Row row : rows) {
        Object personal = row.event().metadata().get(EventChain.PERSONAL);
        if (row.event().sequence() >= erasedBefore || personal == null || !personal.toString().contains("\"salt\"")) {
          continue;
        }
        PersonalData.Erased erased = PersonalData.erase(row.event().payloadJson(), personal.toString());
        Map<String, Object> metadata = new LinkedHashMap<>(row.event().metadata());
        metadata.put(EventChain.PERSONAL, erased.personalJson());
        events.rewrite(row.globalIndex(), erased.payloadJson(), metadata);
        count++;
      }
      events.deleteSnapshots(agreementId);
      return count;
    });
    return rewritten == null ? 0 : rewritten;
  }

  /**
   * Carries out every recorded erasure that the store does not reflect yet: the application
   * runs it at start, for an erasure whose rewrite a crash interrupted after the event was
   * stored. Returns how many events were rewritten.
   */
  public int erasePending() {
    return events.agreementsWithEventsOfType(EventChain.ERASURE_TYPE).stream().mapToInt(this::erase).sum();
  }

  private static long erasedBefore(String payloadJson) {
    Object value = ((Map<?, ?>) CanonicalJson.parse(payloadJson)).get(EventChain.ERASED_BEFORE);
    return value instanceof Number n ? n.longValue() : 0;
  }
}
