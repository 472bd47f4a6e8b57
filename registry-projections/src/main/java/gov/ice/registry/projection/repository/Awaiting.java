package gov.ice.registry.projection.repository;

import gov.ice.registry.agreement.api.AgreementStatus;
import gov.ice.registry.agreement.api.PartyName;
import gov.ice.registry.projection.batch.BsonValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.bson.Document;

/**
 * Whom an agreement of the central repository waits for, from its repository document: the
 * search filters {@code awaiting=OFFICE} and {@code awaitingSignatureBy=AUTHORITY}, which list the
 * same agreements as the stakeholders' and signatories' work queues.
 * <ul>
 *   <li>A draft awaits every required office that has given no decision on its current version (a
 *       non-concurrence is a dispute, not an awaited concurrence); an active agreement with a pending
 *       amendment awaits the offices the amendment newly requires until they concur on it.
 *   <li>A cleared agreement awaits, for each category without an ICE signature from an authority
 *       allowed for it, every authority that may sign for that category.
 * </ul>
 */
final class Awaiting {

  private Awaiting() {}

  static List<String> offices(Document d) {
    String status = d.getString(AgreementDocuments.STATUS);
    int version = d.getInteger("draftVersion", 0);
    List<String> offices = new ArrayList<>();
    if (AgreementStatus.DRAFT.name().equals(status)) {
      BsonValues.documents(d, "requiredStakeholders").forEach(r -> offices.add(r.getString("office")));
      offices.removeIf(office -> BsonValues.documents(d, "concurrences").stream()
          .anyMatch(c -> office.equals(c.getString("office")) && c.getInteger("draftVersion", -1) == version));
    } else if (AgreementStatus.ACTIVE.name().equals(status)) {
      offices.addAll(BsonValues.strings(d, AgreementDocuments.PENDING_STAKEHOLDERS));
      offices.removeIf(office -> BsonValues.documents(d, "concurrences").stream()
          .anyMatch(c -> office.equals(c.getString("office")) && "CONCUR".equals(c.getString("decision"))
              && c.getInteger("draftVersion", -1) == version));
    }
    return offices;
  }

  static List<String> authorities(Document d) {
    if (!AgreementStatus.CLEARED.name().equals(d.getString(AgreementDocuments.STATUS))) {
      return List.of();
    }
    Set<String> iceSigned = new TreeSet<>();
    BsonValues.documents(d, "signatures").stream()
        .filter(s -> PartyName.ICE.value().equals(s.getString("party")) && s.getString("authority") != null)
        .forEach(s -> iceSigned.add(s.getString("authority")));
    Set<String> awaited = new TreeSet<>();
    for (Document category : BsonValues.documents(d, AgreementDocuments.SIGNING_AUTHORITIES)) {
      List<String> allowed = BsonValues.strings(category, "authorities");
      if (allowed.stream().noneMatch(iceSigned::contains)) {
        awaited.addAll(allowed);
      }
    }
    return List.copyOf(awaited);
  }
}
