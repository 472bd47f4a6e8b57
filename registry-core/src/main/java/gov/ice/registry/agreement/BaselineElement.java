package gov.ice.registry.agreement;

import gov.ice.registry.agreement.api.AgreementProfile;
import gov.ice.registry.agreement.api.RuleId;
import gov.ice.registry.agreement.api.Terms;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One of the five elements of the standard baseline (section VIII) that an agreement's terms
 * must hold before it goes to clearance. Each names the fields that make it up, so a refusal can
 * list exactly what is missing.
 */
record BaselineElement(RuleId id, String name, Function<AgreementProfile, Map<String, Object>> fields) {

  static final BaselineElement BASELINE_1 = new BaselineElement(
      RuleId.of("BASELINE_1"), "title", p -> fields("title", p.title()));
  static final BaselineElement BASELINE_2 = new BaselineElement(
      RuleId.of("BASELINE_2"), "introduction and purpose, with the use's alignment to the original collection",
      p -> fields("terms.purpose", t(p).purpose(), "terms.useAlignment", t(p).useAlignment()));
  static final BaselineElement BASELINE_3 = new BaselineElement(
      RuleId.of("BASELINE_3"), "authorities, mission needs, sharing requirements and third-party constraints",
      p -> fields("terms.authorities", t(p).authorities(), "terms.missionNeeds", t(p).missionNeeds(),
          "terms.sharingRequirements", t(p).sharingRequirements()));
  static final BaselineElement BASELINE_4 = new BaselineElement(
      RuleId.of("BASELINE_4"), "processes, parties, responsibilities, systems, points of contact and data, with safeguards,"
          + " retention, classification markings, dissemination limits, auditing and reporting",
      p -> fields("parties", p.parties(), "terms.responsibilities", t(p).responsibilities(), "terms.systems", t(p).systems(),
          "terms.pointsOfContact", t(p).pointsOfContact(), "terms.dataDescription", t(p).dataDescription(),
          "terms.safeguards", t(p).safeguards(), "terms.retention", t(p).retention(),
          "terms.classificationMarkings", t(p).classificationMarkings(), "terms.dissemination", t(p).dissemination(),
          "terms.auditReporting", t(p).auditReporting()));
  static final BaselineElement BASELINE_5 = new BaselineElement(
      RuleId.of("BASELINE_5"), "effective and termination dates, information security and disposition of data",
      p -> fields("terms.effectiveDate", t(p).effectiveDate(),
          "terms.terminationDate or terms.terminationNoticeDays", firstPresent(t(p).terminationDate(), t(p).terminationNoticeDays()),
          "terms.informationSecurity", t(p).informationSecurity(), "terms.disposition", t(p).disposition()));

  static final List<BaselineElement> ALL = List.of(BASELINE_1, BASELINE_2, BASELINE_3, BASELINE_4, BASELINE_5);

  private static final Terms NO_TERMS =
      new Terms(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);

  /** The fields of this element the profile lacks; empty when the element is complete. */
  List<String> missingIn(AgreementProfile profile) {
    List<String> missing = new ArrayList<>();
    fields.apply(profile).forEach((field, value) -> {
      if (isAbsent(value)) {
        missing.add(field);
      }
    });
    return missing;
  }

  /** Every incomplete element with its missing fields, in baseline order. */
  static Map<BaselineElement, List<String>> gapsIn(AgreementProfile profile) {
    Map<BaselineElement, List<String>> gaps = new LinkedHashMap<>();
    for (BaselineElement element : ALL) {
      List<String> missing = element.missingIn(profile);
      if (!missing.isEmpty()) {
        gaps.put(element, missing);
      }
    }
    return gaps;
  }

  private static Terms t(AgreementProfile profile) {
    return profile.terms() == null ? NO_TERMS : profile.terms();
  }

  private static Object firstPresent(Object a, Object b) {
    return isAbsent(a) ? b : a;
  }

  private static boolean isAbsent(Object value) {
    return value == null
        || (value instanceof String s && s.isBlank())
        || (value instanceof List<?> l && l.isEmpty());
  }

  private static Map<String, Object> fields(Object... namesAndValues) {
    Map<String, Object> fields = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return fields;
  }
}
