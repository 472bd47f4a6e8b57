package gov.ice.registry.agreement.api;

/**
 * Why the registry refused a command. The HTTP edge maps every code to one problem type; the rule
 * ids travel beside it in {@link AgreementRefused#rules()}.
 */
public enum RefusalCode {
  /** B1-B3: the information may not be shared, or not drafted in this registry. */
  SHARING_BLOCKED,
  /** BASELINE_1-5: the terms lack elements of the standard baseline. */
  BASELINE_INCOMPLETE,
  /** The claimed Appendix B exemption does not hold (unknown number, missing approval or parent). */
  EXEMPTION_INVALID,
  /** The profile contradicts itself or the agreement kind (for example a MOR with an external party). */
  PROFILE_INVALID,
  /** HANDLING_1-6: the handling markings contradict each other or name an unknown CUI category. */
  HANDLING_INCONSISTENT,
  /** The action does not fit the agreement's current status. */
  WRONG_STATUS,
  /** A concurrence named a draft version that is not the current one. */
  STALE_DRAFT_VERSION,
  /** The office is not among the stakeholders the draft requires. */
  STAKEHOLDER_NOT_REQUIRED,
  /** Clearance needs every required stakeholder's concurrence on the current version. */
  CONCURRENCE_MISSING,
  /** A non-concurrence stands and no dispute decision has lifted it. */
  NON_CONCURRENCE_OPEN,
  /** A dispute is open, or there is nothing to dispute or decide. */
  DISPUTE_STATE,
  /** The signature's authority cannot sign for any of the agreement's categories. */
  SIGNATORY_AUTHORITY_INSUFFICIENT,
  /** The signing party is not a party to the agreement, or has signed already. */
  SIGNATURE_INVALID,
  /** An amendment lacks the written consent of a party. */
  CONSENT_MISSING,
  /** Termination before the notice period ends, without mutual consent. */
  NOTICE_PERIOD_NOT_MET,
  /** A date is impossible: before another it must follow, or in the future. */
  DATE_INVALID,
  /** Nothing to do: the agreement has no due date or deadline the notice or expiry names. */
  NOT_DUE
}
