package gov.ice.registry.web.query;

import gov.ice.registry.agreement.api.AgreementKind;
import gov.ice.registry.agreement.api.AgreementStatus;
import gov.ice.registry.agreement.api.Directorate;
import gov.ice.registry.agreement.api.InformationCategory;
import gov.ice.registry.agreement.api.PartyKind;
import gov.ice.registry.agreement.api.StakeholderOffice;
import gov.ice.registry.agreement.api.SignatoryAuthority;
import gov.ice.registry.projection.exigent.ExigentDeadline;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The query endpoints' parameters as typed records: the contract the OpenAPI document publishes
 * (name, type, enum, default of each) and what the endpoints bind. Values arrive as text and are
 * parsed by {@link QueryParameters}, so every invalid one is reported in one 400 by name. A record
 * with lists (the search, the exigent deadlines) only publishes them: its endpoint reads the query
 * as sent, since the binder's conversion of text to a list trims control characters away.
 */
final class QueryRecords {

  private QueryRecords() {}

  record SearchParameters(
      @ArraySchema(schema = @Schema(implementation = AgreementStatus.class), arraySchema = @Schema(description = "Any of these statuses; repeat or comma-separate"))
      List<String> status,
      @ArraySchema(schema = @Schema(implementation = AgreementKind.class), arraySchema = @Schema(description = "Any of these kinds"))
      List<String> kind,
      @ArraySchema(schema = @Schema(implementation = InformationCategory.class), arraySchema = @Schema(description = "Any of these categories"))
      List<String> category,
      @ArraySchema(schema = @Schema(implementation = PartyKind.class), arraySchema = @Schema(description = "A party of any of these kinds"))
      List<String> partyKind,
      @ArraySchema(schema = @Schema(type = "string", example = "US"), arraySchema = @Schema(description = "A party from any of these countries"))
      List<String> country,
      @ArraySchema(schema = @Schema(implementation = Directorate.class), arraySchema = @Schema(description = "Owned by any of these directorates"))
      List<String> directorate,
      @Schema(type = "boolean", description = "Only agreements that share PII (or only those that do not)") String pii,
      @Schema(description = "Words that must all occur in the title, purpose, party names or external reference (English stems:"
          + " \"sharing\" finds \"shared\"); \"a phrase\" in quotes, word* a prefix, a | b either, -word without;"
          + " or the start of an external reference number", example = "texas") String q,
      @Schema(type = "integer", minimum = "0", defaultValue = "0", description = "Page number, from 0") String page,
      @Schema(type = "integer", minimum = "1", maximum = "200", defaultValue = "20", description = "Items per page") String size,
      @Schema(description = "title, createdAt, updatedAt, status, kind, effectiveDate, nextReviewDue or relevance (the best"
          + " matches of q first; the default with q, title without); a leading - or ,desc sorts descending",
          example = "-updatedAt") String sort,
      @ArraySchema(schema = @Schema(type = "string", example = "Texas Department of Public Safety"),
          arraySchema = @Schema(description = "A party with any of these names (whole names, ignoring case); repeat for several"))
      List<String> party,
      @ArraySchema(schema = @Schema(implementation = StakeholderOffice.class), arraySchema = @Schema(description =
          "Awaiting the concurrence of any of these offices: drafts without its decision on the current version, and amendments"
              + " that newly require it (the office's work queue)"))
      List<String> awaiting,
      @ArraySchema(schema = @Schema(implementation = SignatoryAuthority.class), arraySchema = @Schema(description =
          "Cleared agreements awaiting an ICE signature that any of these authorities may give, delegations included"
              + " (the signatory's work queue)"))
      List<String> awaitingSignatureBy,
      @Schema(type = "boolean", description = "true: agreements with an executed copy on file; false: those without one"
          + " (imported agreements whose signed paper IGP has yet to obtain); counted in the facet executedCopy")
      String executedCopy) {}

  record NoticeParameters(
      @Schema(description = "Notices recorded since this day (YYYY-MM-DD, from its start in the registry's zone) or instant",
          example = "2026-01-01") String since) {

    MultiValueMap<String, String> asMap() {
      return textParameters("since", since);
    }
  }

  record DueParameters(
      @Schema(description = "ISO-8601 period ahead of today, up to a century", defaultValue = "P90D", example = "P90D") String within,
      @Schema(type = "integer", minimum = "0", description = "Page number, from 0; with page or size one page and the total, without both every row") String page,
      @Schema(type = "integer", minimum = "1", maximum = "200", defaultValue = "20", description = "Items per page") String size) {

    MultiValueMap<String, String> asMap() {
      return textParameters("within", within, "page", page, "size", size);
    }
  }

  record WorkParameters(
      @Schema(type = "integer", minimum = "0", defaultValue = "0", description = "Page number, from 0") String page,
      @Schema(type = "integer", minimum = "1", maximum = "200", defaultValue = "20", description = "Items per page") String size) {

    MultiValueMap<String, String> asMap() {
      return textParameters("page", page, "size", size);
    }
  }

  record PageParameters(
      @Schema(type = "integer", minimum = "0", description = "Page number, from 0; with page or size one page and the total, without both every row") String page,
      @Schema(type = "integer", minimum = "1", maximum = "200", defaultValue = "20", description = "Items per page") String size) {

    MultiValueMap<String, String> asMap() {
      return textParameters("page", page, "size", size);
    }
  }

  record ExigentParameters(
      @ArraySchema(schema = @Schema(implementation = ExigentDeadline.State.class), arraySchema = @Schema(description = "Only deadlines in these states"))
      List<String> state) {}

  record ApprovalParameters(
      @Schema(description = "Only decisions by this username") String actor,
      @Schema(description = "Only decisions for this office", example = "IGP_PRIVACY") String office,
      @Schema(description = "From this day (inclusive, in the registry's zone) or instant", example = "2026-01-01") String from,
      @Schema(description = "To this day (inclusive) or instant (exclusive)", example = "2026-12-31") String to,
      @Schema(allowableValues = {"json", "csv"}, defaultValue = "json", description = "csv streams text/csv") String format,
      @Schema(type = "integer", minimum = "0", description = "Page number, from 0; with page or size one page and the total, without both every row") String page,
      @Schema(type = "integer", minimum = "1", maximum = "200", defaultValue = "20", description = "Items per page") String size) {

    MultiValueMap<String, String> asMap() {
      return textParameters("actor", actor, "office", office, "from", from, "to", to, "format", format, "page", page, "size", size);
    }
  }

  /** The parameters given, by name: pairs of a name and its value, the value null when absent. */
  private static MultiValueMap<String, String> textParameters(String... namesAndValues) {
    MultiValueMap<String, String> map = new LinkedMultiValueMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      if (namesAndValues[i + 1] != null) {
        map.add(namesAndValues[i], namesAndValues[i + 1]);
      }
    }
    return map;
  }
}
