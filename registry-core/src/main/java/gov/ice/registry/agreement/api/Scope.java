package gov.ice.registry.agreement.api;

/** Section V and Appendix B: whether, and how, the ISAA process applies. */
public enum Scope {
  /** ICE information goes to a party external to DHS: the full process applies. */
  IN_SCOPE,
  /** One of Appendix B's sixteen exemptions: registered and searchable, no clearance. */
  EXEMPT,
  /** Every party is a DHS component (One DHS Rule): recorded as a memorandum of record. */
  OUT_OF_SCOPE_INTERNAL,
  /** ICE only receives information, or only accesses an external system. */
  OUT_OF_SCOPE_RECEIPT_ONLY,
  /** Bulk PII for a new purpose, or several DHS components: ICE cannot clear it alone. */
  DHS_LEVEL
}
