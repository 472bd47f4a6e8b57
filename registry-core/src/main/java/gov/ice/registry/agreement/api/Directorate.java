package gov.ice.registry.agreement.api;

/** The ICE directorate or office that owns the agreement's information. */
public enum Directorate {
  HSI,
  ERO,
  MA,
  OPR,
  OPLA,
  OPP,
  IGP,
  OCIO,
  OTHER
}
