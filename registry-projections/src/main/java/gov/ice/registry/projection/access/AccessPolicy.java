package gov.ice.registry.projection.access;

import gov.ice.registry.agreement.api.DisseminationControl;
import gov.ice.registry.agreement.api.Handling;
import gov.ice.registry.agreement.api.Marking;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Who may see an agreement, from its marking and handling markings and the reader's attributes.
 * One policy for every path: single reads, lists and searches (whose index filter,
 * {@code AccessFilter}, is tested to agree with {@link #whyNot}), exports, history, evidence.
 *
 * <ul>
 *   <li>FED ONLY admits federal staff; FEDCON federal staff and contractors; NOCON anyone but
 *       contractors (an unknown employment counts as a contractor's).
 *   <li>NOFORN admits US citizens; REL TO the citizens of the listed countries.
 *   <li>DL ONLY admits the users and offices on the dissemination list.
 *   <li>FOUO and LES (legacy) admit, when {@code needToKnow} names roles or offices for them,
 *       only readers holding one of those roles or offices.
 *   <li>DISPLAY ONLY admits to the pages and the JSON view but to no export or download.
 *   <li>Readers holding one of {@code exemptRoles} pass every rule; none by default: auditors
 *       are not exempt unless configured.
 * </ul>
 */
public final class AccessPolicy {

  private final Map<Marking, List<String>> needToKnow;
  private final List<String> exemptRoles;

  public AccessPolicy(Map<Marking, List<String>> needToKnow, List<String> exemptRoles) {
    Map<Marking, List<String>> copy = new EnumMap<>(Marking.class);
    if (needToKnow != null) {
      needToKnow.forEach((marking, names) -> {
        if (names != null && !names.isEmpty()) {
          copy.put(marking, List.copyOf(names));
        }
      });
    }
    this.needToKnow = copy;
    this.exemptRoles = exemptRoles == null ? List.of() : List.copyOf(exemptRoles);
  }

  /** No need-to-know lists and nobody exempt. */
  public static AccessPolicy standard() {
    return new AccessPolicy(Map.of(), List.of());
  }

  public boolean mayRead(Reader reader, Marking marking, Handling handling) {
    return whyNot(reader, marking, handling).isEmpty();
  }

  /** Exports and downloads: as reading, and never under DISPLAY ONLY. */
  public boolean mayExport(Reader reader, Marking marking, Handling handling) {
    return mayRead(reader, marking, handling)
        && (exempt(reader) || handling == null || !handling.has(DisseminationControl.DISPLAY_ONLY));
  }

  public boolean mayRead(Reader reader, HandlingView handling) {
    return mayRead(reader, handling.marking(), handling.handling());
  }

  public boolean mayExport(Reader reader, HandlingView handling) {
    return mayExport(reader, handling.marking(), handling.handling());
  }

  /** The rule that keeps {@code reader} out, or empty when it may read. */
  public Optional<String> whyNot(Reader reader, Marking marking, Handling handling) {
    if (exempt(reader)) {
      return Optional.empty();
    }
    Handling h = handling == null ? Handling.none() : handling;
    if (h.has(DisseminationControl.FED_ONLY) && !reader.federal()) {
      return Optional.of("FED ONLY admits federal staff only");
    }
    if (h.has(DisseminationControl.FEDCON) && !(reader.federal() || reader.contractor())) {
      return Optional.of("FEDCON admits federal staff and contractors only");
    }
    if (h.has(DisseminationControl.NOCON) && !reader.federal()) {
      return Optional.of("NOCON admits no contractors");
    }
    if (h.has(DisseminationControl.NOFORN) && !reader.usCitizen()) {
      return Optional.of("NOFORN admits US citizens only");
    }
    if (h.has(DisseminationControl.REL_TO) && (reader.citizenship() == null || !h.relTo().contains(reader.citizenship()))) {
      return Optional.of("REL TO admits the citizens of " + h.relTo() + " only");
    }
    if (h.has(DisseminationControl.DL_ONLY) && !onList(reader, h.disseminationList())) {
      return Optional.of("DL ONLY admits the users and offices on its dissemination list only");
    }
    if (!meetsNeedToKnow(reader, marking)) {
      return Optional.of(marking + " admits the roles and offices with a need to know only: " + needToKnow.get(marking));
    }
    return Optional.empty();
  }

  public boolean exempt(Reader reader) {
    return reader.roles().stream().anyMatch(exemptRoles::contains);
  }

  /**
   * A marking without a need-to-know list admits everyone; one with a list, the roles and offices
   * on it. A name ending in {@code *} admits every role or office it begins: {@code STAKEHOLDER_*}
   * is every Key Stakeholder office's role.
   */
  public boolean meetsNeedToKnow(Reader reader, Marking marking) {
    List<String> names = needToKnow.get(marking);
    return names == null || Stream.concat(reader.roles().stream(), reader.offices().stream()).anyMatch(held -> named(names, held));
  }

  private static boolean named(List<String> names, String held) {
    for (String name : names) {
      if (name.endsWith("*") ? held.startsWith(name.substring(0, name.length() - 1)) : name.equals(held)) {
        return true;
      }
    }
    return false;
  }

  /** The markings that have a need-to-know list. */
  public Map<Marking, List<String>> needToKnow() {
    return Map.copyOf(needToKnow);
  }

  static boolean onList(Reader reader, List<String> list) {
    return list.contains(reader.username()) || reader.offices().stream().anyMatch(list::contains);
  }
}
