package gov.ice.registry.agreement.api;

/**
 * A party to the agreement other than ICE. {@code country} is an ISO 3166 code where it applies;
 * {@code identifier}, optional, names the party in a scheme its systems use (the sharing gate
 * matches it before names).
 */
public record Party(String name, PartyKind kind, String country, boolean intelligenceCommunity, PartyIdentifier identifier) {

  /** A party without an identifier: every party recorded before identifiers existed. */
  public Party(String name, PartyKind kind, String country, boolean intelligenceCommunity) {
    this(name, kind, country, intelligenceCommunity, null);
  }
}
