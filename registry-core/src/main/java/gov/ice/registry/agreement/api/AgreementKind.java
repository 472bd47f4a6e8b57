package gov.ice.registry.agreement.api;

/** The instrument. {@code MOR} records sharing inside DHS: the registry keeps it though it is not an ISAA. */
public enum AgreementKind {
  MOU,
  MOA,
  MOC,
  LOI,
  PILOT_PROJECT,
  MOR
}
