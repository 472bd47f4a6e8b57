package gov.ice.registry.agreement;

import gov.ice.registry.agreement.api.AgreementEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * The events one command decided, in order, and the state they lead to: a decision that records
 * a second event because of the first (the last signature executes the agreement) asks the state
 * after the first.
 */
final class Decided {

  private final List<AgreementEvent> events = new ArrayList<>();
  private AgreementState state;

  Decided(AgreementState state) {
    this.state = state;
  }

  Decided record(AgreementEvent event) {
    events.add(event);
    state = state.then(event);
    return this;
  }

  /** The state after every event recorded so far. */
  AgreementState state() {
    return state;
  }

  List<AgreementEvent> events() {
    return List.copyOf(events);
  }
}
