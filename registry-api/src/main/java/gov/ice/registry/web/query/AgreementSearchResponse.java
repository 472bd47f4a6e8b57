package gov.ice.registry.web.query;

import gov.ice.registry.agreement.api.AgreementKind;
import gov.ice.registry.agreement.api.AgreementStatus;
import gov.ice.registry.agreement.api.Concurrence;
import gov.ice.registry.agreement.api.Directorate;
import gov.ice.registry.agreement.api.InformationCategory;
import gov.ice.registry.agreement.api.Marking;
import gov.ice.registry.agreement.api.Party;
import gov.ice.registry.agreement.api.RequiredStakeholder;
import gov.ice.registry.agreement.api.Scope;
import gov.ice.registry.agreement.api.SignatureRecord;
import gov.ice.registry.projection.repository.AgreementDocument;
import gov.ice.registry.projection.repository.AgreementPage;
import io.swagger.v3.oas.annotations.media.Schema;
import gov.ice.registry.projection.access.HandlingView;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The answer of {@code GET /api/agreements}, owned by the HTTP contract: the read model's record
 * may change its shape without changing this JSON. Components are in the order the JSON has
 * always had them (Jackson writes a record's components in declaration order).
 */
@Schema(name = "AgreementSearchResponse", description = "One page of the central repository, the total and facet counts over every match")
public record AgreementSearchResponse(
    List<Item> items,
    long total,
    int page,
    int size,
    @Schema(description = "Facet name (status, kind, category, partyKind, country, directorate, pii) to each stored value"
        + " (as text; pii \"true\"/\"false\") and how many matches have it")
    Map<String, Map<String, Long>> facets) {

  static AgreementSearchResponse of(AgreementPage page) {
    return new AgreementSearchResponse(page.items().stream()
        .map(d -> Item.of(d, page.highlights().get(d.id()), page.matches().getOrDefault(d.id(), List.of()))).toList(), page.total(), page.page(),
        page.size(), page.facets());
  }

  /** One agreement of the page, as the central repository holds it. */
  @Schema(name = "AgreementSearchItem")
  public record Item(
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
      @Schema(description = "With free text (q): the passage of the agreement's text that matched best, HTML-escaped,"
          + " the matched words in <mark>; absent without free text or when only the reference number matched")
      @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
      String highlight,
      @Schema(description = "The agreement's handling markings and banner")
      HandlingView handling,
      @Schema(description = "With free text (q): the attached documents whose text matched (at most three), each with its"
          + " best passage, HTML-escaped, the matched words in <mark>; absent when none matched")
      @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
      List<AgreementPage.DocumentMatch> matches) {

    static Item of(AgreementDocument d, String highlight) {
      return of(d, highlight, List.of());
    }

    static Item of(AgreementDocument d, String highlight, List<AgreementPage.DocumentMatch> matches) {
      return new Item(d.id(), d.title(), d.kind(), d.status(), d.scope(), d.owningDirectorate(), d.parties(),
          d.categories(), d.pii(), d.sensitivePii(), d.marking(), d.purpose(), d.exemptionNumber(), d.draftVersion(),
          d.version(), d.requiredStakeholders(), d.concurrences(), d.signatures(), d.executedOn(), d.effectiveDate(),
          d.terminationDate(), d.lastReviewedOn(), d.nextReviewDue(), d.createdAt(), d.updatedAt(), d.externalReference(), highlight,
          d.handling(), matches);
    }
  }
}
