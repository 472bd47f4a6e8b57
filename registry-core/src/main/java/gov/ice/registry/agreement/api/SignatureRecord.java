package gov.ice.registry.agreement.api;

import java.time.LocalDate;

/**
 * A signature on the agreement. {@code party} is {@code ICE} or the name of a party; {@code
 * authority} is set for ICE's signatures only. A signature the agreement recorded names its party
 * as the registry matched it ({@link PartyName#ICE}, or the name the profile spells), so
 * {@link #signedForIce()} compares exactly; a signature still to be checked may spell it any way.
 */
public record SignatureRecord(
    String party, SignatoryAuthority authority, String signatoryName, String position, LocalDate signedOn) {

  /** {@link PartyName#ICE} as a signature records it. */
  public static final String ICE = PartyName.ICE.value();

  /** A recorded signature is ICE's. */
  public boolean signedForIce() {
    return PartyName.ICE.equals(partyName());
  }

  /** The party as written; null when the signature names none. */
  public PartyName partyName() {
    return party == null ? null : PartyName.of(party);
  }

  /** The signature as it stands after an erasure: who signed in which capacity, but not their name. */
  public SignatureRecord withoutPersonalData() {
    return new SignatureRecord(party, authority, null, position, signedOn);
  }
}
