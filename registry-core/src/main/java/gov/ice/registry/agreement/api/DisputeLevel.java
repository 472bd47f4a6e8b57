package gov.ice.registry.agreement.api;

/** Section XI: a dispute climbs from the program AD to the directorates to the ICE Director. */
public enum DisputeLevel {
  PROGRAM_AD,
  DIRECTORATE,
  DIRECTOR
}
