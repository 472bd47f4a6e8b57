package gov.ice.registry.web.contract;

import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An example for a schema of the OpenAPI document, built from the schema itself: each property's
 * own example where it has one, else the first enum value, else a value of its type and format,
 * chosen by the property's name where the name says what it holds (a title, an email, a date).
 * Nested schemas are followed through their references, a few levels deep.
 */
final class SchemaExamples {

  private static final int MAX_DEPTH = 4;
  private static final String ID = "463b89dd-0120-41d6-88dd-d0ef9f4ee5dd";
  private static final String HASH = "9c0f6e1d2b3a49587766554433221100ffeeddccbbaa99887766554433221100";

  private static final Map<String, Object> BY_NAME = new LinkedHashMap<>();

  static {
    BY_NAME.put("id", ID);
    BY_NAME.put("agreementId", ID);
    BY_NAME.put("parentAgreementId", ID);
    BY_NAME.put("title", "Sharing of ICE law enforcement information with the Texas Department of Public Safety");
    BY_NAME.put("name", "Texas Department of Public Safety");
    BY_NAME.put("party", "ICE");
    BY_NAME.put("country", "US");
    BY_NAME.put("email", "jordan.rivera@ice.example");
    BY_NAME.put("phone", "+1-202-555-0142");
    BY_NAME.put("organization", "HSI Law Enforcement Support Center");
    BY_NAME.put("username", "pat");
    BY_NAME.put("actor", "sam-igp");
    BY_NAME.put("displayName", "Pat Program");
    BY_NAME.put("signatoryName", "Hana Executive");
    BY_NAME.put("position", "Executive Associate Director, HSI");
    BY_NAME.put("approvedBy", "Ivy IGP");
    BY_NAME.put("authorizedBy", "Eli Executive");
    BY_NAME.put("office", "IGP");
    BY_NAME.put("comment", "Concur.");
    BY_NAME.put("reason", "The partner no longer needs the data.");
    BY_NAME.put("summary", "OPR objects to the retention period.");
    BY_NAME.put("rationale", "Retention shortened to 90 days.");
    BY_NAME.put("externalReference", "HSI-MOU-2019-0042");
    BY_NAME.put("requestReference", "PRIV-2026-0113");
    BY_NAME.put("purpose", "Identify removable aliens in state custody before release.");
    BY_NAME.put("authorities", "8 U.S.C. 1103 and 1357");
    BY_NAME.put("hash", HASH);
    BY_NAME.put("previousHash", HASH);
    BY_NAME.put("root", HASH);
    BY_NAME.put("keyFingerprint", HASH);
    BY_NAME.put("type", "AgreementDrafted");
    BY_NAME.put("message", "must be a whole number (a JSON number without a fraction)");
    BY_NAME.put("field", "terms.terminationNoticeDays");
    BY_NAME.put("problem", "hash does not match the event");
    BY_NAME.put("rules", List.of("S3"));
    BY_NAME.put("roles", List.of("PROGRAM_OFFICE"));
    BY_NAME.put("textStatus", "extracted");
    BY_NAME.put("fileName", "MOU-executed.pdf");
  }

  /** Flags an example sets; every other flag is false, as in most real profiles. */
  private static final Set<String> TRUE_FLAGS = Set.of("pii", "leisService", "caughtUp", "verified", "met", "running", "igpCleared",
      "legallySufficient", "mutual", "concur");

  /**
   * Whole examples for the schemas a reader recognises: a state police partner in the US (an
   * agreement's party), a foreign ministry abroad (a party in a request), a person as a point of
   * contact, and a data profile for law enforcement data with PII and nothing more sensitive.
   */
  private static final Map<String, Object> KNOWN = Map.of(
      "Party", Map.of("name", "Texas Department of Public Safety", "kind", "STATE", "country", "US", "intelligenceCommunity", false),
      "PartyRequest", Map.of("name", "Ministry of Foreign Affairs of the United Mexican States", "kind", "FOREIGN_GOVERNMENT",
          "country", "MX", "intelligenceCommunity", false),
      "PointOfContact", pointOfContact(),
      "PointOfContactRequest", pointOfContact(),
      "DataProfile", dataProfile(true),
      "DataProfileRequest", dataProfile(false));

  private SchemaExamples() {}

  /** The example written for a schema of this name, where one is written by hand. */
  static Object known(String schemaName) {
    return KNOWN.get(schemaName);
  }

  private static Map<String, Object> pointOfContact() {
    Map<String, Object> contact = new LinkedHashMap<>();
    contact.put("name", "Jordan Rivera");
    contact.put("title", "Section Chief, Law Enforcement Support");
    contact.put("organization", "HSI Law Enforcement Support Center");
    contact.put("email", "jordan.rivera@ice.example");
    contact.put("phone", "+1-802-555-0142");
    contact.put("party", "ICE");
    return contact;
  }

  private static Map<String, Object> dataProfile(boolean answer) {
    Map<String, Object> profile = new LinkedHashMap<>();
    profile.put("pii", true);
    profile.put("sensitivePii", false);
    profile.put("marking", "LES");
    for (String flag : List.of("intelligenceCommunityInformation", "leisService", "chis", "securityRelated", "protectedClasses",
        "section1367", "protectedApplications", "bulkTransfer", "newPurpose", "itInterconnection", "novelLegalIssue")) {
      profile.put(flag, flag.equals("leisService"));
    }
    if (answer) {
      profile.put("exceptionCitation", null);
      profile.put("receiptOnly", false);
      profile.put("multipleDhsComponents", false);
    }
    return profile;
  }

  @SuppressWarnings("rawtypes")
  static Object of(Schema schema, Map<String, Schema> all, int depth) {
    return value(null, schema, all, depth);
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static Object value(String name, Schema schema, Map<String, Schema> all, int depth) {
    if (schema == null || depth > MAX_DEPTH) {
      return null;
    }
    if (schema.get$ref() != null) {
      String ref = schema.get$ref();
      Schema target = all.get(ref.substring(ref.lastIndexOf('/') + 1));
      return target != null && target.getExample() != null ? target.getExample() : value(name, target, all, depth + 1);
    }
    if (schema.getExample() != null) {
      return schema.getExample();
    }
    if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
      return schema.getEnum().get(0);
    }
    for (List<Schema> choices : new List[] {schema.getAllOf(), schema.getOneOf(), schema.getAnyOf()}) {
      if (choices != null && !choices.isEmpty()) {
        return value(name, choices.get(0), all, depth + 1);
      }
    }
    String type = typeOf(schema);
    if (type == null && schema.getProperties() != null) {
      type = "object";
    }
    if (type == null) {
      return null;
    }
    switch (type) {
      case "object": {
        Map<String, Object> example = new LinkedHashMap<>();
        if (schema.getProperties() != null) {
          ((Map<String, Schema>) schema.getProperties()).forEach((property, propertySchema) -> {
            Object v = value(property, propertySchema, all, depth + 1);
            if (v != null) {
              example.put(property, v);
            }
          });
        }
        return example;
      }
      case "array": {
        List<Object> example = new ArrayList<>();
        Object item = value(name, schema.getItems(), all, depth + 1);
        if (item != null && !(BY_NAME.get(name) instanceof List)) {
          example.add(item);
        } else if (BY_NAME.get(name) instanceof List<?> list) {
          return list;
        }
        return example;
      }
      case "integer":
        if (schema.getMinimum() != null) {
          return schema.getMinimum().max(BigDecimal.ONE).longValue();
        }
        return name != null && name.toLowerCase().contains("days") ? 30 : 1;
      case "number":
        return schema.getMinimum() != null ? schema.getMinimum().max(BigDecimal.ONE) : BigDecimal.ONE;
      case "boolean":
        return TRUE_FLAGS.contains(name);
      case "string":
        return string(name, schema);
      default:
        return null;
    }
  }

  @SuppressWarnings("rawtypes")
  private static String string(String name, Schema schema) {
    String format = schema.getFormat();
    if ("date".equals(format)) {
      return "2026-01-15";
    }
    if ("date-time".equals(format)) {
      return "2026-11-22T03:58:04.346Z";
    }
    if ("uri".equals(format)) {
      return "https://www.ice.gov/";
    }
    if ("uuid".equals(format)) {
      return ID;
    }
    Object known = name == null ? null : BY_NAME.get(name);
    String text = known instanceof String string ? string : (name == null ? "text" : name);
    if (schema.getMaxLength() != null && text.length() > schema.getMaxLength()) {
      text = text.substring(0, schema.getMaxLength());
    }
    if (schema.getMinLength() != null && text.length() < schema.getMinLength()) {
      text = text + "x".repeat(schema.getMinLength() - text.length());
    }
    return text;
  }

  @SuppressWarnings("rawtypes")
  private static String typeOf(Schema schema) {
    if (schema.getType() != null) {
      return schema.getType();
    }
    Set<String> types = schema.getTypes();
    if (types == null) {
      return null;
    }
    return types.stream().filter(t -> !"null".equals(t)).findFirst().orElse(null);
  }
}
