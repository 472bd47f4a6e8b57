package gov.ice.registry.agreement.api;

public enum ClearanceDecision {
  CLEARED,
  RETURNED
}
