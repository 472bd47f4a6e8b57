package gov.ice.registry.support;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Request bodies as a client writes them. The draft is an HSI MOU with the Texas Department of
 * Public Safety sharing CUI-marked PII for law enforcement, with a novel legal issue so that OPLA's
 * legal review is part of its lifecycle (S1-S4, S9). Tests change only what they are about.
 */
public final class AgreementBodies {

  public static final String STATE_PARTY = "Texas Department of Public Safety";

  private AgreementBodies() {}

  /** Today where the registry runs (its clock's zone), for dates that may not lie in the future. */
  public static LocalDate today() {
    return LocalDate.now(ZoneId.of("America/New_York"));
  }

  public static ObjectNode draft() {
    ObjectNode draft = RegistryClient.JSON.createObjectNode();
    draft.put("title", "Sharing of ICE law enforcement information with the Texas Department of Public Safety");
    draft.put("kind", "MOU");
    draft.put("owningDirectorate", "HSI");
    ObjectNode party = draft.putArray("parties").addObject();
    party.put("name", STATE_PARTY).put("kind", "STATE").put("country", "US").put("intelligenceCommunity", false);
    draft.putArray("categories").add("LAW_ENFORCEMENT");
    draft.putObject("dataProfile").put("pii", true).put("marking", "CUI").put("novelLegalIssue", true);
    ObjectNode terms = draft.putObject("terms");
    terms.put("purpose", "Help the partner identify removable aliens in its custody before release.");
    terms.put("useAlignment", "ICE collected the information to enforce the law; the partner uses it for the same purpose.");
    terms.put("authorities", "8 U.S.C. 1103 and 1357; 6 U.S.C. 482.");
    terms.put("missionNeeds", "Identify removable aliens in state custody before their release.");
    terms.put("sharingRequirements", "ICE answers one request at a time.");
    terms.put("dataDescription", "Name, date of birth, alien registration number and immigration status of each subject.");
    terms.put("responsibilities", "HSI answers requests within one business day; the partner limits access to vetted personnel.");
    terms.put("systems", "The ICE Law Enforcement Support Center, queried over Nlets.");
    terms.putArray("pointsOfContact").addObject()
        .put("name", "Jordan Rivera").put("email", "jordan.rivera@ice.example").put("phone", "+1-202-555-0142").put("party", "ICE");
    terms.put("safeguards", "Access is logged and limited to a need to know.");
    terms.put("retention", "Kept no longer than 90 days.");
    terms.put("classificationMarkings", "Every record is marked CUI.");
    terms.put("dissemination", "Within the partner only.");
    terms.put("auditReporting", "Queries are audited quarterly.");
    terms.put("effectiveDate", "2026-01-15");
    terms.put("terminationDate", "2030-01-14");
    terms.put("terminationNoticeDays", 30);
    terms.put("informationSecurity", "FISMA moderate baseline.");
    terms.put("disposition", "Destroyed at the end of retention.");
    return draft;
  }

  /** An executed agreement as one import body (signed by ICE and the partner), filed under {@code reference}. */
  public static ObjectNode executed(String reference) {
    ObjectNode body = draft();
    body.put("title", "Imported agreement " + reference);
    ((ObjectNode) body.get("terms")).put("effectiveDate", "2024-03-01").put("terminationDate", "2029-02-28");
    body.putArray("signatures")
        .add(RegistryClient.JSON.createObjectNode().put("party", "ICE").put("authority", "HSI_EAD")
            .put("signatoryName", "Hana Executive").put("position", "Executive Associate Director").put("signedOn", "2024-02-27"))
        .add(RegistryClient.JSON.createObjectNode().put("party", STATE_PARTY)
            .put("signatoryName", "Casey Colonel").put("position", "Director").put("signedOn", "2024-03-01"));
    body.put("executedOn", "2024-03-01");
    body.put("externalReference", reference);
    return body;
  }

  public static ObjectNode concurrence(String office, int draftVersion) {
    return RegistryClient.JSON.createObjectNode()
        .put("office", office).put("decision", "CONCUR").put("draftVersion", draftVersion).put("comment", "Concur.");
  }

  public static ObjectNode iceSignature(String authority) {
    return RegistryClient.JSON.createObjectNode()
        .put("party", "ICE").put("authority", authority).put("signatoryName", "Hana Executive")
        .put("position", "Executive Associate Director").put("signedOn", today().toString());
  }

  public static ObjectNode partySignature(String party) {
    return RegistryClient.JSON.createObjectNode()
        .put("party", party).put("signatoryName", "Casey Colonel").put("position", "Director").put("signedOn", today().toString());
  }

  public static ObjectNode review() {
    ObjectNode review = RegistryClient.JSON.createObjectNode().put("reviewedOn", today().toString()).put("outcome", "CONTINUE");
    review.putObject("findings").put("missionSupported", true).put("termsCompliant", true).put("partiesAdhere", true)
        .put("trainingCurrent", true).put("contactsCurrent", true);
    return review.put("comment", "Still needed.");
  }

  public static ObjectNode amendment() {
    ObjectNode amendment = RegistryClient.JSON.createObjectNode().put("title", "Amended: sharing with the Texas Department of Public Safety");
    ArrayNode consent = amendment.putArray("consentedBy");
    consent.add(STATE_PARTY);
    return amendment;
  }

  public static ObjectNode termination() {
    return RegistryClient.JSON.createObjectNode()
        .put("reason", "The partner no longer needs the information.")
        .put("noticeGivenOn", today().toString())
        .put("effectiveOn", today().plusDays(30).toString())
        .put("mutual", false);
  }
}
