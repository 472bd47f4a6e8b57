package gov.ice.registry.web.agreement;

import gov.ice.registry.agreement.api.AgreementId;
import gov.ice.registry.agreement.api.AgreementKind;
import gov.ice.registry.agreement.api.AgreementProfile;
import gov.ice.registry.agreement.api.AmendmentChanges;
import gov.ice.registry.agreement.api.ClearanceDecision;
import gov.ice.registry.agreement.api.ConcurrenceDecision;
import gov.ice.registry.agreement.api.DataProfile;
import gov.ice.registry.agreement.api.Directorate;
import gov.ice.registry.agreement.api.DisseminationControl;
import gov.ice.registry.agreement.api.Handling;
import gov.ice.registry.agreement.api.DisputeDecision;
import gov.ice.registry.agreement.api.DisputeLevel;
import gov.ice.registry.agreement.api.Exemption;
import gov.ice.registry.agreement.api.ImportExecutedAgreement;
import gov.ice.registry.agreement.api.ExigentAuthority;
import gov.ice.registry.agreement.api.InformationCategory;
import gov.ice.registry.agreement.api.Marking;
import gov.ice.registry.agreement.api.Party;
import gov.ice.registry.agreement.api.PartyIdentifier;
import gov.ice.registry.agreement.api.SharingChannel;
import gov.ice.registry.agreement.api.PartyKind;
import gov.ice.registry.agreement.api.PartyName;
import gov.ice.registry.agreement.api.PointOfContact;
import gov.ice.registry.agreement.api.ReviewFindings;
import gov.ice.registry.agreement.api.ReviewOutcome;
import gov.ice.registry.agreement.api.SignatoryAuthority;
import gov.ice.registry.agreement.api.SignatureRecord;
import gov.ice.registry.agreement.api.StakeholderOffice;
import gov.ice.registry.agreement.api.Terms;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * The command endpoints' request bodies (API.md, "Commands"). They carry business data only:
 * who acts comes from the security context, and a body naming an actor is refused as an
 * unknown field. Shape checks live here; the handbook's rules are the aggregate's.
 */
final class AgreementRequests {

  static final int NAME = 300;
  static final int TEXT = 20_000;
  static final int MANY = 100;
  /** Names and other short values are one line: tabs and line breaks are for long text only. */
  static final String ONE_LINE = "[^\\t\\n\\r]*";
  static final String ONE_LINE_MESSAGE = "must be on one line (no tabs or line breaks)";

  /** A permitted purpose's code: what the sharing gate compares with the purpose it is asked about. */
  static final String PURPOSE_CODE = "[A-Z][A-Z0-9_]{1,63}";
  static final String PURPOSE_CODE_MESSAGE = "must be a code of capital letters, digits and _ (e.g. CRIMINAL_INVESTIGATION)";

  private AgreementRequests() {}

  /** {@code POST /api/agreements} and {@code PUT /api/agreements/{id}/draft}. */
  record DraftRequest(
      @NotBlank @Size(max = NAME) @Pattern(regexp = ONE_LINE, message = ONE_LINE_MESSAGE) String title,
      @NotNull AgreementKind kind,
      @NotNull Directorate owningDirectorate,
      @NotEmpty @Size(max = MANY) List<@Valid @NotNull PartyRequest> parties,
      @NotEmpty @Size(max = 10) List<@NotNull InformationCategory> categories,
      @NotNull @Valid DataProfileRequest dataProfile,
      @NotNull @Valid TermsRequest terms,
      @Valid ExemptionRequest exemption,
      @Valid HandlingRequest handling) {

    AgreementProfile toProfile() {
      return new AgreementProfile(
          title, kind, owningDirectorate,
          parties.stream().map(PartyRequest::toParty).toList(),
          categories, dataProfile.toDataProfile(), terms.toTerms(),
          exemption == null ? null : exemption.toExemption(),
          handling == null ? null : handling.toHandling());
    }

    /** The handling's {@code marking}, if given, repeats the data profile's: that one decides the stakeholders (S4). */
    @AssertTrue(message = "handling.marking, when given, must equal dataProfile.marking")
    boolean isHandlingMarkingTheDataProfiles() {
      return handling == null || handling.marking() == null || dataProfile == null
          || handling.marking() == (dataProfile.marking() == null ? Marking.NONE : dataProfile.marking());
    }
  }

  /**
   * {@code handling} in a draft and {@code PUT /api/agreements/{id}/handling}. {@code marking} and
   * {@code banner} may be sent back as an agreement answer gave them: the marking must be the
   * agreement's own (a new marking is a revised draft, since it decides the stakeholders), and the
   * banner is always computed, so a banner sent is not read.
   */
  record HandlingRequest(
      Marking marking,
      @Size(max = MANY) List<@NotBlank @Size(max = 40) @Pattern(regexp = ONE_LINE, message = ONE_LINE_MESSAGE) String> cuiCategories,
      @Size(max = 7) List<@NotNull DisseminationControl> disseminationControls,
      @Size(max = 300) List<@NotBlank @Size(max = 3) String> relTo,
      @Size(max = MANY) List<@NotBlank @Size(max = NAME) @Pattern(regexp = ONE_LINE, message = ONE_LINE_MESSAGE) String> disseminationList,
      @Size(max = NAME) @Pattern(regexp = ONE_LINE, message = ONE_LINE_MESSAGE) String designatedBy,
      @Size(max = 1000) String banner) {

    Handling toHandling() {
      return new Handling(cuiCategories, disseminationControls, relTo, disseminationList, designatedBy);
    }
  }

  record PartyRequest(
      @NotBlank @Size(max = NAME) @Pattern(regexp = ONE_LINE, message = ONE_LINE_MESSAGE) String name,
      @NotNull PartyKind kind,
      @Size(max = 3) @Pattern(regexp = ONE_LINE, message = ONE_LINE_MESSAGE) String country,
      boolean intelligenceCommunity,
      @Valid IdentifierRequest identifier) {

    Party toParty() {
      return new Party(name, kind, country, intelligenceCommunity, identifier == null ? null : identifier.toIdentifier());
    }
  }

  /** A party's stable identifier, e.g. {@code {"scheme": "ORI", "value": "TX2270000"}}. */
  record IdentifierRequest(
      @NotBlank @Size(max = 32) @Pattern(regexp = "[A-Za-z][A-Za-z0-9_-]*", message = "must be letters, digits, - or _") String scheme,
      @NotBlank @Size(max = 64) @Pattern(regexp = ONE_LINE, message = ONE_LINE_MESSAGE) String value) {

    PartyIdentifier toIdentifier() {
      return new PartyIdentifier(scheme, value);
    }
  }

  record DataProfileRequest(
      boolean pii,
      boolean sensitivePii,
      Marking marking,
      boolean intelligenceCommunityInformation,
      boolean leisService,
      boolean chis,
      boolean securityRelated,
      boolean protectedClasses,
      boolean section1367,
      boolean protectedApplications,
      @Size(max = TEXT) String exceptionCitation,
      boolean bulkTransfer,
      boolean newPurpose,
      boolean itInterconnection,
      boolean novelLegalIssue,
      boolean receiptOnly,
      boolean multipleDhsComponents) {

    DataProfile toDataProfile() {
      return new DataProfile(pii, sensitivePii, marking, intelligenceCommunityInformation, leisService, chis,
          securityRelated, protectedClasses, section1367, protectedApplications, exceptionCitation, bulkTransfer,
          newPurpose, itInterconnection, novelLegalIssue, receiptOnly, multipleDhsComponents);
    }
  }

  /** Every element is optional here: a missing baseline element is the aggregate's refusal (BASELINE_1-5), listing them all. */
  record TermsRequest(
      @Size(max = TEXT) String purpose,
      @Size(max = TEXT) String useAlignment,
      @Size(max = TEXT) String routineUse,
      @Size(max = TEXT) String authorities,
      @Size(max = TEXT) String missionNeeds,
      @Size(max = TEXT) String sharingRequirements,
      @Size(max = TEXT) String thirdPartyConstraints,
      @Size(max = TEXT) String dataDescription,
      @Size(max = TEXT) String responsibilities,
      @Size(max = TEXT) String systems,
      @Size(max = MANY) List<@Valid @NotNull PointOfContactRequest> pointsOfContact,
      @Size(max = TEXT) String safeguards,
      @Size(max = TEXT) String retention,
      @Size(max = TEXT) String classificationMarkings,
      @Size(max = TEXT) String dissemination,
      @Size(max = TEXT) String auditReporting,
      LocalDate effectiveDate,
      LocalDate terminationDate,
      @PositiveOrZero @Max(3650) Integer terminationNoticeDays,
      @Size(max = TEXT) String informationSecurity,
      @Size(max = TEXT) String disposition,
      @Size(max = 20) List<@NotNull @Size(max = 64) @Pattern(regexp = PURPOSE_CODE, message = PURPOSE_CODE_MESSAGE) String> permittedPurposes,
      @Size(max = 5) List<@NotNull SharingChannel> channels) {

    Terms toTerms() {
      return new Terms(purpose, useAlignment, routineUse, authorities, missionNeeds, sharingRequirements,
          thirdPartyConstraints, dataDescription, responsibilities, systems,
          pointsOfContact == null ? List.of() : pointsOfContact.stream().map(PointOfContactRequest::toPointOfContact).toList(),
          safeguards, retention, classificationMarkings, dissemination, auditReporting, effectiveDate, terminationDate,
          terminationNoticeDays, informationSecurity, disposition, permittedPurposes,
          channels == null ? null : channels.stream().distinct().toList());
    }
  }

  record PointOfContactRequest(
      @NotBlank @Size(max = NAME) @Pattern(regexp = ONE_LINE, message = ONE_LINE_MESSAGE) String name,
      @Size(max = NAME) @Pattern(regexp = ONE_LINE, message = ONE_LINE_MESSAGE) String title,
      @Size(max = NAME) @Pattern(regexp = ONE_LINE, message = ONE_LINE_MESSAGE) String organization,
      @Size(max = NAME) @Pattern(regexp = ONE_LINE, message = ONE_LINE_MESSAGE) String email,
      @Size(max = 50) @Pattern(regexp = ONE_LINE, message = ONE_LINE_MESSAGE) String phone,
      @Size(max = NAME) @Pattern(regexp = ONE_LINE, message = ONE_LINE_MESSAGE) String party) {

    PointOfContact toPointOfContact() {
      return new PointOfContact(name, title, organization, email, phone, party);
    }
  }

  record ExemptionRequest(
      @Min(1) @Max(16) int number,
      @NotBlank @Size(max = TEXT) String reason,
      @Size(max = NAME) @Pattern(regexp = ONE_LINE, message = ONE_LINE_MESSAGE) String approvedBy,
      @Size(max = NAME) @Pattern(regexp = ONE_LINE, message = ONE_LINE_MESSAGE) String parentAgreementId) {

    Exemption toExemption() {
      return Exemption.of(number, reason, approvedBy, parentAgreementId);
    }
  }

  record ConcurrenceRequest(
      @NotNull StakeholderOffice office,
      @NotNull ConcurrenceDecision decision,
      @NotNull @Positive Integer draftVersion,
      @Size(max = TEXT) String comment) {}

  record DisputeRequest(@NotNull DisputeLevel level, @NotBlank @Size(max = TEXT) String summary) {}

  record DisputeResolutionRequest(@NotNull DisputeDecision decision, @NotBlank @Size(max = TEXT) String rationale) {}

  record ClearanceRequest(@NotNull ClearanceDecision decision, @Size(max = TEXT) String comment) {}

  record LegalReviewRequest(@NotNull Boolean legallySufficient, @Size(max = TEXT) String comment) {}

  /** {@code authority} is for ICE's signatures only; an external party's signature has none. */
  record SignatureRequest(
      @NotBlank @Size(max = NAME) @Pattern(regexp = ONE_LINE, message = ONE_LINE_MESSAGE) String party,
      SignatoryAuthority authority,
      @NotBlank @Size(max = NAME) @Pattern(regexp = ONE_LINE, message = ONE_LINE_MESSAGE) String signatoryName,
      @Size(max = NAME) @Pattern(regexp = ONE_LINE, message = ONE_LINE_MESSAGE) String position,
      @NotNull LocalDate signedOn) {

    /**
     * Exactly ICE, as the registry records it. Another spelling ("ice") passes the edge as a party's
     * signature would, and the domain, which matches ICE however it is written, then refuses it for
     * want of an authority: the same outcome as before this was typed.
     */
    boolean forIce() {
      return PartyName.ICE.equals(partyName());
    }

    SignatureRecord toSignature() {
      return new SignatureRecord(partyName(), authority, signatoryName, position, signedOn);
    }

    private PartyName partyName() {
      return party == null ? null : PartyName.of(party);
    }
  }

  record ReviewRequest(
      @NotNull LocalDate reviewedOn,
      @NotNull ReviewOutcome outcome,
      @NotNull @Valid FindingsRequest findings,
      @Size(max = TEXT) String comment) {}

  record FindingsRequest(
      @NotNull Boolean missionSupported,
      @NotNull Boolean termsCompliant,
      @NotNull Boolean partiesAdhere,
      @NotNull Boolean trainingCurrent,
      @NotNull Boolean contactsCurrent) {

    ReviewFindings toFindings() {
      return new ReviewFindings(missionSupported, termsCompliant, partiesAdhere, trainingCurrent, contactsCurrent);
    }
  }

  /** The parts an amendment replaces; a part left out stays as it is. {@code amendedOn} defaults to today. */
  record AmendmentRequest(
      @Size(max = NAME) @Pattern(regexp = ONE_LINE, message = ONE_LINE_MESSAGE) String title,
      @Size(max = 10) List<@NotNull InformationCategory> categories,
      @Valid DataProfileRequest dataProfile,
      @Valid TermsRequest terms,
      @NotEmpty @Size(max = MANY) List<@NotBlank @Size(min = 1, max = NAME) String> consentedBy,
      LocalDate amendedOn) {

    AmendmentChanges toChanges() {
      return new AmendmentChanges(title, categories,
          dataProfile == null ? null : dataProfile.toDataProfile(),
          terms == null ? null : terms.toTerms());
    }
  }

  record TerminationRequest(
      @NotBlank @Size(max = TEXT) String reason,
      @NotNull LocalDate noticeGivenOn,
      @NotNull LocalDate effectiveOn,
      boolean mutual) {}

  record ExigentTransferRequest(
      @NotNull LocalDate transferredOn,
      @NotNull ExigentAuthority authorizedBy,
      ExigentAuthority laterMemorializationApprovedBy) {}

  record WithdrawalRequest(@NotBlank @Size(max = TEXT) String reason) {}

  /**
   * {@code POST /api/agreements/import} and each row of {@code POST /api/agreements/imports}: an
   * agreement executed before the registry existed, with the office's own reference for it.
   */
  record ImportRequest(
      @NotBlank @Size(max = NAME) @Pattern(regexp = ONE_LINE, message = ONE_LINE_MESSAGE) String title,
      @NotNull AgreementKind kind,
      @NotNull Directorate owningDirectorate,
      @NotEmpty @Size(max = MANY) List<@Valid @NotNull PartyRequest> parties,
      @NotEmpty @Size(max = 10) List<@NotNull InformationCategory> categories,
      @NotNull @Valid DataProfileRequest dataProfile,
      @NotNull @Valid TermsRequest terms,
      @Valid ExemptionRequest exemption,
      @NotEmpty @Size(max = MANY) List<@Valid @NotNull SignatureRequest> signatures,
      @NotNull LocalDate executedOn,
      LocalDate lastReviewedOn,
      @Size(max = NAME) @Pattern(regexp = ONE_LINE, message = ONE_LINE_MESSAGE) String externalReference,
      @Valid HandlingRequest handling) {

    AgreementProfile toProfile() {
      return new DraftRequest(title, kind, owningDirectorate, parties, categories, dataProfile, terms, exemption, handling).toProfile();
    }

    ImportExecutedAgreement toCommand(AgreementId id) {
      return new ImportExecutedAgreement(id, toProfile(), signatures.stream().map(SignatureRequest::toSignature).toList(),
          executedOn, lastReviewedOn, externalReference == null || externalReference.isBlank() ? null : externalReference.trim());
    }
  }
}
