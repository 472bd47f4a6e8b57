package gov.ice.registry.agreement.api;

import java.time.LocalDate;

/**
 * A signature on the agreement. {@code party} is {@link PartyName#ICE} or the name of a party;
 * {@code authority} is set for ICE's signatures only. A signature the agreement recorded names its
 * party as the registry matched it (ICE, or the name the profile spells), so {@link
 * #signedForIce()} compares exactly; a signature still to be checked may spell it any way.
 */
public record SignatureRecord(
    PartyName party, SignatoryAuthority authority, String signatoryName, String position, LocalDate signedOn) {

  /** A recorded signature is ICE's. */
  public boolean signedForIce() {
    return PartyName.ICE.equals(party);
  }

  /** The signature as it stands after an erasure: who signed in which capacity, but not their name. */
  public SignatureRecord withoutPersonalData() {
    return new SignatureRecord(party, authority, null, position, signedOn);
  }
}
