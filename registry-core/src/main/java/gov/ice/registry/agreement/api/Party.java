package gov.ice.registry.agreement.api;

/** A party to the agreement other than ICE. {@code country} is an ISO 3166 code where it applies. */
public record Party(String name, PartyKind kind, String country, boolean intelligenceCommunity) {}
