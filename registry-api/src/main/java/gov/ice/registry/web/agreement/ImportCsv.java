package gov.ice.registry.web.agreement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The CSV form of an import (docs/import.md): one column per field of the import body,
 * named as the field without its group ({@code purpose}, not {@code terms.purpose}). A row
 * becomes the import's JSON and is then read exactly as a JSON line is, so both forms share
 * every check and every message.
 *
 * <p>Lists in one cell: entries separated by {@code ;}, the parts of an entry by {@code |}:
 * {@code parties} as {@code name|kind|country|intelligenceCommunity}, {@code signatures} as
 * {@code party|authority|signatoryName|position|signedOn}, {@code pointsOfContact} as
 * {@code name|title|organization|email|phone|party}, {@code categories}, {@code channels} and
 * {@code permittedPurposes} as names. Flags are
 * {@code true} or {@code false} in any case (an empty cell is false), dates {@code YYYY-MM-DD}.
 */
final class ImportCsv {

  static final List<String> TOP = List.of("externalReference", "title", "kind", "owningDirectorate", "executedOn", "lastReviewedOn");
  static final List<String> DATA_PROFILE_FLAGS = List.of("pii", "sensitivePii", "intelligenceCommunityInformation", "leisService",
      "chis", "securityRelated", "protectedClasses", "section1367", "protectedApplications", "bulkTransfer", "newPurpose",
      "itInterconnection", "novelLegalIssue", "receiptOnly", "multipleDhsComponents");
  static final List<String> DATA_PROFILE_TEXT = List.of("marking", "exceptionCitation");
  static final List<String> TERMS_TEXT = List.of("purpose", "useAlignment", "routineUse", "authorities", "missionNeeds",
      "sharingRequirements", "thirdPartyConstraints", "dataDescription", "responsibilities", "systems", "safeguards", "retention",
      "classificationMarkings", "dissemination", "auditReporting", "effectiveDate", "terminationDate", "informationSecurity",
      "disposition");
  static final List<String> EXEMPTION = List.of("exemptionNumber", "exemptionReason", "exemptionApprovedBy", "exemptionParentAgreementId");
  static final List<String> LISTS = List.of("parties", "categories", "signatures", "pointsOfContact");
  /** What the sharing gate reads from the terms: lists of names in one cell. */
  static final List<String> TERMS_NAMES = List.of("channels", "permittedPurposes");

  /** Every column a header may name, in the documented order. */
  static final List<String> COLUMNS = java.util.stream.Stream.of(
          TOP, List.of("parties", "categories"), DATA_PROFILE_FLAGS, DATA_PROFILE_TEXT, TERMS_TEXT,
          List.of("terminationNoticeDays", "pointsOfContact"), EXEMPTION, List.of("signatures"), TERMS_NAMES)
      .flatMap(List::stream).toList();

  private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?\\d{1,9}");
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private ImportCsv() {}

  /** Columns of {@code header} that name no field, and columns named twice: the file is refused as a whole for either. */
  static Set<String> unknownOrRepeated(List<String> header) {
    Set<String> seen = new LinkedHashSet<>();
    Set<String> wrong = new LinkedHashSet<>();
    for (String column : header) {
      if (!COLUMNS.contains(column) || !seen.add(column)) {
        wrong.add(column);
      }
    }
    return wrong;
  }

  /** Whether every cell of the row is empty: a spreadsheet's trailing {@code ,,,,} line, skipped. */
  static boolean blank(Map<String, String> row) {
    return row.values().stream().allMatch(v -> v == null || v.isBlank());
  }

  static ObjectNode toJson(Map<String, String> row) {
    ObjectNode json = JSON.objectNode();
    ObjectNode dataProfile = json.putObject("dataProfile");
    ObjectNode terms = json.putObject("terms");
    row.forEach((column, raw) -> {
      String cell = raw == null ? "" : raw.strip();
      if (cell.isEmpty()) {
        return;
      }
      if (TOP.contains(column)) {
        json.put(column, cell);
      } else if (DATA_PROFILE_FLAGS.contains(column)) {
        dataProfile.set(column, flag(cell));
      } else if (DATA_PROFILE_TEXT.contains(column)) {
        dataProfile.put(column, cell);
      } else if (TERMS_TEXT.contains(column)) {
        terms.put(column, cell);
      } else if ("terminationNoticeDays".equals(column)) {
        terms.set(column, number(cell));
      } else if (EXEMPTION.contains(column)) {
        ObjectNode exemption = json.has("exemption") ? (ObjectNode) json.get("exemption") : json.putObject("exemption");
        String field = column.substring("exemption".length(), "exemption".length() + 1).toLowerCase(Locale.ROOT)
            + column.substring("exemption".length() + 1);
        exemption.set(field, "number".equals(field) ? number(cell) : JSON.textNode(cell));
      } else if ("parties".equals(column)) {
        json.set(column, entries(cell, List.of("name", "kind", "country", "intelligenceCommunity", "identifier")));
      } else if ("signatures".equals(column)) {
        json.set(column, entries(cell, List.of("party", "authority", "signatoryName", "position", "signedOn")));
      } else if ("pointsOfContact".equals(column)) {
        terms.set(column, entries(cell, List.of("name", "title", "organization", "email", "phone", "party")));
      } else if ("categories".equals(column)) {
        json.set(column, names(cell));
      } else if (TERMS_NAMES.contains(column)) {
        terms.set(column, names(cell));
      }
    });
    return json;
  }

  /** {@code a|b|c;d|e|f} as objects with the given fields; an empty part is left out, a flag read as one. */
  private static ArrayNode entries(String cell, List<String> fields) {
    ArrayNode entries = JSON.arrayNode();
    for (String entry : cell.split(";")) {
      if (entry.isBlank()) {
        continue;
      }
      String[] parts = entry.split("\\|", -1);
      ObjectNode object = entries.addObject();
      for (int i = 0; i < parts.length; i++) {
        String part = parts[i].strip();
        if (part.isEmpty()) {
          continue;
        }
        // More parts than fields: kept under a name the reader refuses as unknown, so the row says so.
        String field = i < fields.size() ? fields.get(i) : "part" + (i + 1);
        object.set(field, "intelligenceCommunity".equals(field) ? flag(part) : "identifier".equals(field) ? identifier(part)
            : JSON.textNode(part));
      }
    }
    return entries;
  }

  /** {@code a;b;c} as a list of names. */
  private static ArrayNode names(String cell) {
    ArrayNode names = JSON.arrayNode();
    for (String name : cell.split(";")) {
      if (!name.isBlank()) {
        names.add(name.strip());
      }
    }
    return names;
  }

  /** {@code SCHEME:VALUE} as {@code {scheme, value}}; without a colon it stays text, which the strict reader refuses by name. */
  private static JsonNode identifier(String part) {
    int colon = part.indexOf(':');
    if (colon <= 0 || colon == part.length() - 1) {
      return JSON.textNode(part);
    }
    ObjectNode identifier = JSON.objectNode();
    identifier.put("scheme", part.substring(0, colon).strip());
    identifier.put("value", part.substring(colon + 1).strip());
    return identifier;
  }

  /** {@code true}/{@code false} as a JSON flag; anything else stays text, which the strict reader refuses by name. */
  private static JsonNode flag(String cell) {
    return switch (cell.toLowerCase(Locale.ROOT)) {
      case "true" -> JSON.booleanNode(true);
      case "false" -> JSON.booleanNode(false);
      default -> JSON.textNode(cell);
    };
  }

  private static JsonNode number(String cell) {
    return WHOLE_NUMBER.matcher(cell).matches() ? JSON.numberNode(Integer.parseInt(cell)) : JSON.textNode(cell);
  }
}
