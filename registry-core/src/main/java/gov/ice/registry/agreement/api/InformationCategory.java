package gov.ice.registry.agreement.api;

/** The handbook's categories of information, each with an ICE Executive Agent who signs for it. */
public enum InformationCategory {
  LAW_ENFORCEMENT,
  HOMELAND_SECURITY,
  IMMIGRATION_ADMINISTRATION,
  BUSINESS_OPERATIONS
}
