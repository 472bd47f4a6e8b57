package gov.ice.registry.gate;

import gov.ice.registry.agreement.api.InformationCategory;
import gov.ice.registry.agreement.api.Marking;
import gov.ice.registry.agreement.api.PartyKind;
import gov.ice.registry.agreement.api.SharingChannel;
import java.time.Instant;

/**
 * The question the gate answers: may ICE share {@code category} information with the partner now?
 * {@code partnerId} is {@code SCHEME:VALUE} when the caller knows the partner's identifier (e.g.
 * {@code ORI:TX2270000}); otherwise the gate matches {@code partnerName}, {@code partnerKind} and
 * {@code partnerCountry}. {@code time} is when the sharing happens, {@code knownAt} the registry
 * as it was recorded then.
 */
public record GateRequest(
    String partnerId,
    String partnerName,
    PartyKind partnerKind,
    String partnerCountry,
    GateAction action,
    SharingChannel channel,
    InformationCategory category,
    boolean pii,
    boolean sensitivePii,
    Marking marking,
    boolean bulk,
    boolean section1367,
    boolean protectedApplications,
    String systemOfRecords,
    String purpose,
    String thirdParty,
    Instant time,
    Instant knownAt) {

  public GateRequest {
    marking = marking == null ? Marking.NONE : marking;
    if (channel == null && action == GateAction.GRANT_ACCESS) {
      channel = SharingChannel.SYSTEM_ACCESS;
    }
  }
}
