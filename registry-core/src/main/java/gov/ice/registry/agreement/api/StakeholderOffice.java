package gov.ice.registry.agreement.api;

/** The ICE Key Stakeholders whose concurrence a draft may need (section VII). */
public enum StakeholderOffice {
  IGP,
  OPP,
  IGP_RECORDS,
  IGP_PRIVACY,
  OPR,
  OPR_SD_SMOU,
  HSI_INTEL,
  HSI_LEISI,
  HSI_IO,
  OPLA,
  ODCR,
  OCIO
}
