package gov.ice.registry.agreement.api;

import java.time.LocalDate;
import java.util.List;

/**
 * The agreement's text as the standard baseline of section VIII structures it. Optional fields
 * ({@code routineUse}, {@code thirdPartyConstraints}) refine an element but do not complete one.
 */
public record Terms(
    String purpose,
    String useAlignment,
    String routineUse,
    String authorities,
    String missionNeeds,
    String sharingRequirements,
    String thirdPartyConstraints,
    String dataDescription,
    String responsibilities,
    String systems,
    List<PointOfContact> pointsOfContact,
    String safeguards,
    String retention,
    String classificationMarkings,
    String dissemination,
    String auditReporting,
    LocalDate effectiveDate,
    LocalDate terminationDate,
    Integer terminationNoticeDays,
    String informationSecurity,
    String disposition,
    List<String> permittedPurposes,
    List<SharingChannel> channels) {

  /**
   * {@code permittedPurposes} (codes such as {@code CRIMINAL_INVESTIGATION}, beside the free-text
   * {@code purpose}) and {@code channels} are optional: null means the terms do not say, which the
   * sharing gate treats as not covered.
   */
  public Terms {
    pointsOfContact = pointsOfContact == null ? List.of() : List.copyOf(pointsOfContact);
    permittedPurposes = permittedPurposes == null ? null : List.copyOf(permittedPurposes);
    channels = channels == null ? null : List.copyOf(channels);
  }

  /** Terms without purpose codes or channels: every agreement drafted before they existed. */
  public Terms(String purpose, String useAlignment, String routineUse, String authorities, String missionNeeds,
      String sharingRequirements, String thirdPartyConstraints, String dataDescription, String responsibilities, String systems,
      List<PointOfContact> pointsOfContact, String safeguards, String retention, String classificationMarkings, String dissemination,
      String auditReporting, LocalDate effectiveDate, LocalDate terminationDate, Integer terminationNoticeDays,
      String informationSecurity, String disposition) {
    this(purpose, useAlignment, routineUse, authorities, missionNeeds, sharingRequirements, thirdPartyConstraints, dataDescription,
        responsibilities, systems, pointsOfContact, safeguards, retention, classificationMarkings, dissemination, auditReporting,
        effectiveDate, terminationDate, terminationNoticeDays, informationSecurity, disposition, null, null);
  }

  public Terms withoutPersonalData() {
    return new Terms(purpose, useAlignment, routineUse, authorities, missionNeeds, sharingRequirements, thirdPartyConstraints,
        dataDescription, responsibilities, systems, pointsOfContact.stream().map(PointOfContact::withoutPersonalData).toList(),
        safeguards, retention, classificationMarkings, dissemination, auditReporting, effectiveDate, terminationDate,
        terminationNoticeDays, informationSecurity, disposition, permittedPurposes, channels);
  }
}
