package gov.ice.registry.agreement.api;

public enum ReviewOutcome {
  CONTINUE,
  MODIFY,
  TERMINATE
}
