package gov.ice.registry.agreement.api;

/** Who may sign for ICE: the Executive Agents and the delegations of section X. */
public enum SignatoryAuthority {
  HSI_EAD,
  ERO_EAD,
  MA_EAD,
  HSI_LEISI_AD,
  HSI_INTEL_AD,
  HSI_IO,
  ERO_ENFORCEMENT_AD,
  ERO_DEAD,
  OPR_AD,
  OPR_DEPUTY
}
