package gov.ice.registry.agreement.api;

/** The steps whose wait earns a reminder: an office's concurrence, IGP's clearance, an authority's signature. */
public enum ReminderStep {
  CONCURRENCE,
  CLEARANCE,
  SIGNATURE
}
