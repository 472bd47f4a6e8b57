package gov.ice.registry.agreement.api;

/** The ICE Director's final determination of a dispute. */
public enum DisputeDecision {
  /** The draft stands as written: the open non-concurrences no longer block clearance. */
  PROCEED_AS_DRAFTED,
  /** The objection is sustained: the draft must be revised, which makes every concurrence stale. */
  REVISE_DRAFT
}
