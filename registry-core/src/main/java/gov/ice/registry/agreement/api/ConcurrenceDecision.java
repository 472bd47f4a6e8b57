package gov.ice.registry.agreement.api;

public enum ConcurrenceDecision {
  CONCUR,
  NON_CONCUR
}
