package gov.ice.registry.projection.repository;

import gov.ice.registry.agreement.api.AgreementKind;
import gov.ice.registry.agreement.api.AgreementStatus;
import gov.ice.registry.agreement.api.Concurrence;
import gov.ice.registry.agreement.api.Directorate;
import gov.ice.registry.agreement.api.Handling;
import gov.ice.registry.agreement.api.InformationCategory;
import gov.ice.registry.agreement.api.Marking;
import gov.ice.registry.agreement.api.Party;
import gov.ice.registry.agreement.api.RequiredStakeholder;
import gov.ice.registry.agreement.api.Scope;
import gov.ice.registry.agreement.api.SignatureRecord;
import gov.ice.registry.projection.access.HandlingView;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One agreement in the central repository, as searched and listed. {@code version} is the number
 * of the agreement's events it reflects (the ETag of the command side), {@code pii} is true for
 * PII or sensitive PII. {@code externalReference} is an imported agreement's own reference.
 */
public record AgreementDocument(
    String id,
    String title,
    AgreementKind kind,
    AgreementStatus status,
    Scope scope,
    Directorate owningDirectorate,
    List<Party> parties,
    List<InformationCategory> categories,
    boolean pii,
    boolean sensitivePii,
    Marking marking,
    String purpose,
    Integer exemptionNumber,
    int draftVersion,
    long version,
    List<RequiredStakeholder> requiredStakeholders,
    List<Concurrence> concurrences,
    List<SignatureRecord> signatures,
    LocalDate executedOn,
    LocalDate effectiveDate,
    LocalDate terminationDate,
    LocalDate lastReviewedOn,
    LocalDate nextReviewDue,
    Instant createdAt,
    Instant updatedAt,
    String externalReference,
    HandlingView handling) {

  /** A document stored before handling markings: none, and the marking alone gives the banner. */
  public AgreementDocument {
    handling = handling == null ? HandlingView.of(marking, Handling.none(), false) : handling;
  }

  public AgreementDocument(String id, String title, AgreementKind kind, AgreementStatus status, Scope scope,
      Directorate owningDirectorate, List<Party> parties, List<InformationCategory> categories, boolean pii, boolean sensitivePii,
      Marking marking, String purpose, Integer exemptionNumber, int draftVersion, long version,
      List<RequiredStakeholder> requiredStakeholders, List<Concurrence> concurrences, List<SignatureRecord> signatures,
      LocalDate executedOn, LocalDate effectiveDate, LocalDate terminationDate, LocalDate lastReviewedOn, LocalDate nextReviewDue,
      Instant createdAt, Instant updatedAt, String externalReference) {
    this(id, title, kind, status, scope, owningDirectorate, parties, categories, pii, sensitivePii, marking, purpose, exemptionNumber,
        draftVersion, version, requiredStakeholders, concurrences, signatures, executedOn, effectiveDate, terminationDate,
        lastReviewedOn, nextReviewDue, createdAt, updatedAt, externalReference, null);
  }
}
