package gov.ice.registry.agreement.api;

import java.time.LocalDate;

/**
 * A signature on the agreement. {@code party} is {@code ICE} or the name of a party; {@code
 * authority} is set for ICE's signatures only.
 */
public record SignatureRecord(
    String party, SignatoryAuthority authority, String signatoryName, String position, LocalDate signedOn) {

  public static final String ICE = "ICE";

  public boolean signedForIce() {
    return ICE.equals(party);
  }
}
