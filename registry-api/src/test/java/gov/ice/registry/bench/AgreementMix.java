package gov.ice.registry.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gov.ice.registry.support.AgreementBodies;
import gov.ice.registry.support.RegistryClient;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Executed agreements to import, the way a registry of record holds them: owned by HSI, ERO and
 * Management and Administration with the categories each signs for; state, local, tribal,
 * federal and foreign partners in a dozen countries; effective dates over the last seven years;
 * about 15% overdue for their biennial review and 5% due within 90 days. Deterministic per
 * number, so a run is repeatable.
 */
final class AgreementMix {

  private static final String[] STATES = {"Texas", "Arizona", "California", "Florida", "New York", "Georgia", "Illinois", "Ohio"};
  private static final String[] LOCAL = {"County Sheriff's Office", "Police Department", "Metropolitan Police", "Port Authority"};
  private static final String[] TRIBES = {"Tohono O'odham Nation", "Navajo Nation", "Pascua Yaqui Tribe"};
  private static final String[] FEDERAL = {"U.S. Marshals Service", "Bureau of Prisons", "Drug Enforcement Administration"};
  private static final String[][] FOREIGN = {{"MX", "Mexico"}, {"CA", "Canada"}, {"GB", "United Kingdom"}, {"DE", "Germany"},
      {"CO", "Colombia"}, {"GT", "Guatemala"}, {"HN", "Honduras"}, {"AU", "Australia"}, {"JP", "Japan"}, {"NL", "Netherlands"}};
  private static final String[] KINDS = {"MOU", "MOA", "MOU", "LOI", "MOC"};

  private final long seed;
  /** Off once the registry says it does not know the field (a branch before the contract had it). */
  private volatile boolean externalReference = true;
  private final LocalDate today = AgreementBodies.today();

  AgreementMix(long seed) {
    this.seed = seed;
  }

  ObjectNode importBody(long n) {
    SplittableRandom random = new SplittableRandom(seed + n);
    ObjectNode body = AgreementBodies.draft();
    int shape = random.nextInt(10);
    String directorate;
    List<String> categories;
    String authority;
    String partyName;
    String partyKind;
    String country = "US";
    if (shape < 4) {
      directorate = "HSI";
      categories = random.nextBoolean() ? List.of("LAW_ENFORCEMENT") : List.of("LAW_ENFORCEMENT", "HOMELAND_SECURITY");
      authority = "HSI_EAD";
    } else if (shape < 7) {
      directorate = "ERO";
      categories = random.nextBoolean() ? List.of("IMMIGRATION_ADMINISTRATION") : List.of("LAW_ENFORCEMENT", "IMMIGRATION_ADMINISTRATION");
      authority = "ERO_EAD";
    } else if (shape < 8) {
      directorate = "MA";
      categories = List.of("BUSINESS_OPERATIONS");
      authority = "MA_EAD";
    } else {
      directorate = "HSI";
      categories = List.of("LAW_ENFORCEMENT");
      authority = "HSI_IO";
    }
    if (authority.equals("HSI_IO")) {
      String[] foreign = FOREIGN[random.nextInt(FOREIGN.length)];
      country = foreign[0];
      partyKind = "FOREIGN_GOVERNMENT";
      partyName = "Ministry of the Interior of " + foreign[1];
    } else {
      int kind = random.nextInt(10);
      String state = STATES[random.nextInt(STATES.length)];
      if (kind < 4) {
        partyKind = "STATE";
        partyName = state + " Department of Public Safety";
      } else if (kind < 8) {
        partyKind = "LOCAL";
        partyName = state + " " + LOCAL[random.nextInt(LOCAL.length)] + " " + (n % 97);
      } else if (kind < 9) {
        partyKind = "TRIBAL";
        partyName = TRIBES[random.nextInt(TRIBES.length)];
      } else {
        partyKind = "FEDERAL";
        partyName = FEDERAL[random.nextInt(FEDERAL.length)];
      }
    }
    LocalDate effective;
    int review = random.nextInt(100);
    if (review < 15) {
      effective = today.minusYears(2).minusDays(1 + random.nextInt(700));
    } else if (review < 20) {
      effective = today.minusYears(2).plusDays(1 + random.nextInt(89));
    } else {
      effective = today.minusDays(1 + random.nextInt(600));
    }
    body.put("title", kindTitle(partyName, categories.get(0), n));
    body.put("kind", KINDS[random.nextInt(KINDS.length)]);
    body.put("owningDirectorate", directorate);
    body.withArray("parties").removeAll().addObject()
        .put("name", partyName).put("kind", partyKind).put("country", country).put("intelligenceCommunity", false);
    ArrayNode categoryArray = body.withArray("categories").removeAll();
    categories.forEach(categoryArray::add);
    ObjectNode terms = (ObjectNode) body.get("terms");
    terms.put("effectiveDate", effective.toString()).put("terminationDate", effective.plusYears(5).toString());
    terms.put("purpose", "Share " + categories.get(0).toLowerCase().replace('_', ' ') + " information with " + partyName + ".");
    body.withArray("signatures").removeAll()
        .add(RegistryClient.JSON.createObjectNode().put("party", "ICE").put("authority", authority)
            .put("signatoryName", "Hana Executive").put("position", "Executive Associate Director").put("signedOn", effective.toString()))
        .add(RegistryClient.JSON.createObjectNode().put("party", partyName).put("signatoryName", "Casey Colonel")
            .put("position", "Director").put("signedOn", effective.toString()));
    body.put("executedOn", effective.toString());
    if (externalReference) {
      body.put("externalReference", "BENCH-" + seed + "-" + n);
    }
    return body;
  }

  void withoutExternalReference() {
    externalReference = false;
  }

  private static String kindTitle(String party, String category, long n) {
    return "Sharing of " + category.toLowerCase().replace('_', ' ') + " information with " + party + " (" + n + ")";
  }
}
