package gov.ice.registry.web.position;

import gov.ice.registry.agreement.api.AgreementId;
import java.util.Collection;
import java.util.Collections;
import java.util.OptionalLong;
import javax.sql.DataSource;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Positions in the ledger (Axon's global index). Blocking JDBC: callers run it off the event loop.
 */
@Component
public class LedgerPositions {

  /** Above this many agreements one IN list costs more than the head, which covers them all as well. */
  static final int MAX_LISTED = 100;

  private final JdbcTemplate jdbc;
  private final EventStore events;
  private final String lastOf;

  LedgerPositions(DataSource ledgerDataSource, @Lazy EventStore events) {
    this.jdbc = new JdbcTemplate(ledgerDataSource);
    this.events = events;
    EventSchema schema = EventSchema.builder().build();
    this.lastOf = "SELECT MAX(" + schema.globalIndexColumn() + ") FROM " + schema.domainEventTable()
        + " WHERE " + schema.aggregateIdentifierColumn() + " IN (%s)";
  }

  /**
   * The position of the last event of these agreements: each lookup uses the event table's unique
   * index on (aggregate, sequence). A later event of the same agreement, by someone else, only
   * makes the position a little later; it still covers this request's writes.
   */
  public OptionalLong lastEventOf(Collection<AgreementId> agreements) {
    if (agreements.isEmpty()) {
      return OptionalLong.empty();
    }
    if (agreements.size() > MAX_LISTED) {
      return head();
    }
    String sql = String.format(lastOf, String.join(", ", Collections.nCopies(agreements.size(), "?")));
    Long last = jdbc.queryForObject(sql, Long.class, agreements.stream().map(AgreementId::value).toArray());
    return last == null ? OptionalLong.empty() : OptionalLong.of(last);
  }

  /** The ledger's newest position; empty while the ledger is empty. */
  public OptionalLong head() {
    TrackingToken head = events.createHeadToken();
    return head == null ? OptionalLong.empty() : head.position();
  }
}
