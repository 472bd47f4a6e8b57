package gov.ice.registry.gate;

import gov.ice.registry.agreement.api.Party;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * How the gate recognizes the partner among an agreement's parties: by identifier
 * ({@code SCHEME:VALUE}) when both sides have one; otherwise by normalized name, and kind and
 * country where the caller gave them. A party whose identifier differs from the one asked about
 * is another party, whatever its name.
 */
public final class PartyMatch {

  private PartyMatch() {}

  /** Lower case, accents and punctuation dropped, spaces collapsed, a leading "the" dropped. */
  public static String normalize(String name) {
    if (name == null) {
      return "";
    }
    String folded = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
        .replace('&', ' ').replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
    return folded.startsWith("the ") ? folded.substring(4) : folded;
  }

  /** {@code SCHEME:VALUE} split, or empty when {@code id} is not one. */
  public static Optional<String[]> identifier(String id) {
    if (id == null) {
      return Optional.empty();
    }
    int colon = id.indexOf(':');
    if (colon <= 0 || colon == id.length() - 1) {
      return Optional.empty();
    }
    return Optional.of(new String[] {id.substring(0, colon).trim(), id.substring(colon + 1).trim()});
  }

  /** Does {@code party} name the partner of {@code request}? */
  static boolean matches(Party party, GateRequest request) {
    Optional<String[]> asked = identifier(request.partnerId());
    if (asked.isPresent() && party.identifier() != null) {
      return party.identifier().sameAs(asked.get()[0], asked.get()[1]);
    }
    String name = request.partnerName() != null ? request.partnerName() : asked.isEmpty() ? request.partnerId() : null;
    if (name == null || !normalize(party.name()).equals(normalize(name))) {
      return false;
    }
    if (request.partnerKind() != null && party.kind() != request.partnerKind()) {
      return false;
    }
    return request.partnerCountry() == null || party.country() == null || party.country().equalsIgnoreCase(request.partnerCountry());
  }

  /** A party's identifier as one string, or null. */
  static String identifierKey(Party party) {
    return party.identifier() == null ? null : party.identifier().scheme() + ":" + party.identifier().value().toLowerCase(Locale.ROOT);
  }

  /** A party's name, kind and country as one string: two matched parties that differ here are two parties. */
  static String nameKey(Party party) {
    return normalize(party.name()) + "|" + party.kind() + "|" + (party.country() == null ? "" : party.country().toUpperCase(Locale.ROOT));
  }
}
