package gov.ice.registry.projection.work;

/** Why an item is in a work queue. */
public enum WorkReason {
  /** A required office has not concurred on the current draft version (or on an amendment that newly requires it). */
  AWAITING_CONCURRENCE,
  /** A non-concurrence stands on the current version and no dispute is open: the program office revises or raises a dispute. */
  NON_CONCURRENCE,
  /** An open dispute: the objecting office answers it; escalated past the program AD, IGP follows it; at the Director's level, the Director decides it. */
  DISPUTE,
  /** Every required concurrence is in: the program office may request clearance. */
  READY_FOR_CLEARANCE,
  /** Clearance requested, IGP has not decided. */
  AWAITING_CLEARANCE,
  /** IGP cleared; OPLA's legal sufficiency review is still owed (rules S8, S9). */
  AWAITING_LEGAL_REVIEW,
  /** IGP returned the draft, or OPLA found it legally insufficient: back with the program office. */
  CLEARANCE_RETURNED,
  /** Cleared; ICE has not signed for a category this authority may sign for. */
  AWAITING_SIGNATURE,
  /** Cleared; an external party has not signed (the program office records its signature). */
  AWAITING_PARTY_SIGNATURE,
  /** The biennial review falls due within 90 days. */
  REVIEW_DUE,
  /** The biennial review date has passed. */
  REVIEW_OVERDUE,
  /** Information was shared under an exigent threat and the agreement is not executed yet. */
  EXIGENT_DEADLINE,
  /** A termination whose effective day has not passed. */
  TERMINATION_TAKING_EFFECT
}
