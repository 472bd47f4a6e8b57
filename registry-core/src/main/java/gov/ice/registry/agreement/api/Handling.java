package gov.ice.registry.agreement.api;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * How an agreement's content is handled beyond its {@link Marking}: CUI categories as the CUI
 * Registry abbreviates them ({@code SP-PRVCY} for a Specified category, {@code PRVCY} for Basic),
 * limited dissemination controls, the countries a REL TO releases to (ISO 3166 alpha-3), the
 * users and offices a DL ONLY list names, and the office that designated the markings. The
 * marking itself stays in {@link DataProfile#marking()}, where the stakeholder rules read it.
 * Every list is kept sorted and upper case, so two equal markings compare equal.
 */
public record Handling(
    List<String> cuiCategories,
    List<DisseminationControl> disseminationControls,
    List<String> relTo,
    List<String> disseminationList,
    String designatedBy) {

  private static final Handling NONE = new Handling(List.of(), List.of(), List.of(), List.of(), null);

  public Handling {
    cuiCategories = normalized(cuiCategories);
    disseminationControls = disseminationControls == null ? List.of()
        : disseminationControls.stream().distinct().sorted().toList();
    relTo = normalized(relTo);
    disseminationList = disseminationList == null ? List.of()
        : disseminationList.stream().filter(s -> s != null && !s.isBlank()).map(String::trim).distinct().sorted().toList();
    designatedBy = designatedBy == null || designatedBy.isBlank() ? null : designatedBy.trim();
  }

  /** No categories, no controls: what every agreement drafted before handling markings carries. */
  public static Handling none() {
    return NONE;
  }

  public boolean has(DisseminationControl control) {
    return disseminationControls.contains(control);
  }

  /**
   * The banner for {@code marking}: {@code CUI//SP-PRVCY/LEI//NOCON/REL TO USA, GBR}. Specified
   * categories come before Basic ones, each group sorted; controls follow the second double slash
   * in {@link DisseminationControl}'s order. Legacy markings are written out in words.
   */
  public String banner(Marking marking) {
    Marking m = marking == null ? Marking.NONE : marking;
    String head = switch (m) {
      case NONE -> "UNCLASSIFIED";
      case CUI -> "CUI";
      case FOUO -> "FOR OFFICIAL USE ONLY";
      case LES -> "LAW ENFORCEMENT SENSITIVE";
      case SECRET -> "SECRET";
      case TOP_SECRET -> "TOP SECRET";
    };
    StringBuilder banner = new StringBuilder(head);
    if (m == Marking.CUI && !cuiCategories.isEmpty()) {
      banner.append("//").append(cuiCategories.stream()
          .sorted(Comparator.comparing((String c) -> !c.startsWith("SP-")).thenComparing(Comparator.naturalOrder()))
          .collect(Collectors.joining("/")));
    }
    if (!disseminationControls.isEmpty()) {
      banner.append("//").append(disseminationControls.stream()
          .map(c -> c == DisseminationControl.REL_TO ? c.token() + " " + relToWithUsaFirst() : c.token())
          .collect(Collectors.joining("/")));
    }
    return banner.toString();
  }

  /** REL TO lists USA first, then the other countries in alphabetical order. */
  private String relToWithUsaFirst() {
    return Stream.concat(relTo.stream().filter("USA"::equals), relTo.stream().filter(c -> !"USA".equals(c)))
        .collect(Collectors.joining(", "));
  }

  private static List<String> normalized(List<String> values) {
    return values == null ? List.of()
        : values.stream().filter(s -> s != null && !s.isBlank()).map(s -> s.trim().toUpperCase(Locale.ROOT)).distinct().sorted().toList();
  }
}
