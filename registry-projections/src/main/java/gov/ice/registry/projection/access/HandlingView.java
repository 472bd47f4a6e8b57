package gov.ice.registry.projection.access;

import gov.ice.registry.agreement.api.AgreementProfile;
import gov.ice.registry.agreement.api.DisseminationControl;
import gov.ice.registry.agreement.api.Handling;
import gov.ice.registry.agreement.api.Marking;
import java.util.List;

/**
 * {@code handling} in every agreement answer: the marking (the data profile's), the handling
 * markings, the computed banner, and whether OPR SD SMOU has confirmed them by concurring on the
 * current draft version (rule S4).
 */
public record HandlingView(
    Marking marking,
    List<String> cuiCategories,
    List<DisseminationControl> disseminationControls,
    List<String> relTo,
    List<String> disseminationList,
    String designatedBy,
    String banner,
    boolean confirmed) {

  /** The header every agreement answer carries with its banner. */
  public static final String HEADER = "X-Handling-Banner";

  public static HandlingView of(Marking marking, Handling handling, boolean confirmed) {
    Marking m = marking == null ? Marking.NONE : marking;
    Handling h = handling == null ? Handling.none() : handling;
    return new HandlingView(m, h.cuiCategories(), h.disseminationControls(), h.relTo(), h.disseminationList(), h.designatedBy(),
        h.banner(m), confirmed);
  }

  public static HandlingView of(AgreementProfile profile, boolean confirmed) {
    return of(profile.marking(), profile.handling(), confirmed);
  }

  public Handling handling() {
    return new Handling(cuiCategories, disseminationControls, relTo, disseminationList, designatedBy);
  }
}
