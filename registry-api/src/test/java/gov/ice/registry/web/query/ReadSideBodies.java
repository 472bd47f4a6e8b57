package gov.ice.registry.web.query;

import com.fasterxml.jackson.databind.node.ObjectNode;
import gov.ice.registry.support.AgreementBodies;
import gov.ice.registry.support.RegistryClient;
import java.time.LocalDate;

/** Request bodies of the read-side ITs, built on the shared {@link AgreementBodies}. */
public final class ReadSideBodies {

  private ReadSideBodies() {}

  /** A draft whose only party is {@code party} (a state), with {@code title}. */
  public static ObjectNode draft(String title, String party) {
    ObjectNode draft = AgreementBodies.draft();
    draft.put("title", title);
    draft.withArray("parties").removeAll().addObject()
        .put("name", party).put("kind", "STATE").put("country", "US").put("intelligenceCommunity", false);
    return draft;
  }

  /**
   * An agreement executed outside the registry, imported with ICE's and the party's signatures,
   * effective and executed on {@code effective}: its review falls due two years later.
   */
  public static ObjectNode executed(String title, String party, LocalDate effective) {
    ObjectNode body = draft(title, party);
    ((ObjectNode) body.get("terms")).put("effectiveDate", effective.toString()).put("terminationDate", effective.plusYears(5).toString());
    body.withArray("signatures").add(RegistryClient.JSON.createObjectNode()
            .put("party", "ICE").put("authority", "HSI_EAD").put("signatoryName", "Hana Executive")
            .put("position", "Executive Associate Director").put("signedOn", effective.toString()))
        .add(RegistryClient.JSON.createObjectNode()
            .put("party", party).put("signatoryName", "Casey Colonel").put("position", "Director")
            .put("signedOn", effective.toString()));
    body.put("executedOn", effective.toString());
    return body;
  }
}
