package gov.ice.registry.projection.export;

import gov.ice.registry.agreement.api.AgreementKind;
import gov.ice.registry.agreement.api.AgreementStatus;
import gov.ice.registry.agreement.api.ClearanceDecision;
import gov.ice.registry.agreement.api.ConcurrenceDecision;
import gov.ice.registry.agreement.api.Directorate;
import gov.ice.registry.agreement.api.DisputeDecision;
import gov.ice.registry.agreement.api.DisputeLevel;
import gov.ice.registry.agreement.api.ExigentAuthority;
import gov.ice.registry.agreement.api.InformationCategory;
import gov.ice.registry.agreement.api.Marking;
import gov.ice.registry.agreement.api.PartyKind;
import gov.ice.registry.agreement.api.ReviewOutcome;
import gov.ice.registry.agreement.api.Scope;
import gov.ice.registry.agreement.api.SignatoryAuthority;
import gov.ice.registry.agreement.api.StakeholderOffice;
import gov.ice.registry.projection.exigent.ExigentDeadline;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * The registry's one table from codes to the handbook's words ({@code labels.properties} beside
 * this class): {@code IN_SCOPE} reads "In scope", {@code HSI_EAD} "HSI Executive Associate
 * Director". Pages and the CSV files for people render codes through it; the JSON API, the API's
 * CSV and the bulk import keep their codes, since programs read those.
 *
 * <p>A code without words is shown as it is, never hidden; {@code LabelsTest} fails the build
 * when a constant of a {@link #TYPES type the pages show} has none.
 */
public final class Labels {

  /** The kind of code: the enum types the pages show, and the codes that are plain strings. */
  public enum Kind {
    STATUS(AgreementStatus.class, "AgreementStatus"),
    SCOPE(Scope.class, "Scope"),
    KIND(AgreementKind.class, "AgreementKind"),
    CATEGORY(InformationCategory.class, "InformationCategory"),
    PARTY_KIND(PartyKind.class, "PartyKind"),
    DIRECTORATE(Directorate.class, "Directorate"),
    OFFICE(StakeholderOffice.class, "StakeholderOffice"),
    AUTHORITY(SignatoryAuthority.class, "SignatoryAuthority"),
    EXIGENT_AUTHORITY(ExigentAuthority.class, "ExigentAuthority"),
    MARKING(Marking.class, "Marking"),
    CONCURRENCE(ConcurrenceDecision.class, "ConcurrenceDecision"),
    CLEARANCE(ClearanceDecision.class, "ClearanceDecision"),
    DISPUTE_LEVEL(DisputeLevel.class, "DisputeLevel"),
    DISPUTE_DECISION(DisputeDecision.class, "DisputeDecision"),
    REVIEW_OUTCOME(ReviewOutcome.class, "ReviewOutcome"),
    EXIGENT_STATE(ExigentDeadline.State.class, "ExigentState"),
    DOCUMENT_KIND(gov.ice.registry.agreement.api.DocumentKind.class, "DocumentKind"),
    DISSEMINATION_CONTROL(gov.ice.registry.agreement.api.DisseminationControl.class, "DisseminationControl"),
    CHANNEL(gov.ice.registry.agreement.api.SharingChannel.class, "SharingChannel"),
    REMINDER_STEP(gov.ice.registry.agreement.api.ReminderStep.class, "ReminderStep"),
    CUI_AUTHORITY(gov.ice.registry.agreement.api.CuiCategories.Authority.class, "CuiAuthority"),
    APPROVAL_TYPE(null, "ApprovalType"),
    APPROVAL_DECISION(null, "ApprovalDecision"),
    /** The office column's one value that is neither an office, an authority nor a directorate. */
    APPROVAL_OFFICE(null, "ApprovalOffice"),
    ROLE(null, "Role"),
    /** The access log's actions and outcomes (the enum is the web layer's). */
    ACCESS_ACTION(null, "AccessAction"),
    ACCESS_OUTCOME(null, "AccessOutcome"),
    RULE(null, "Rule"),
    COLUMN(null, "Column");

    private final Class<? extends Enum<?>> type;
    private final String prefix;

    Kind(Class<? extends Enum<?>> type, String prefix) {
      this.type = type;
      this.prefix = prefix;
    }

    /** The enum whose constants this kind names, or null for codes that are strings. */
    public Class<? extends Enum<?>> type() {
      return type;
    }
  }

  /** Every enum a page or a CSV for people shows. */
  public static final List<Class<? extends Enum<?>>> TYPES =
      java.util.Arrays.stream(Kind.values()).map(Kind::type).filter(Objects::nonNull).collect(Collectors.toUnmodifiableList());

  private static final Map<String, String> WORDS = load();

  private Labels() {}

  /** The words for {@code code} (an enum constant or its name) of {@code kind}; the code itself when it has none. */
  public static String of(Kind kind, Object code) {
    if (code == null) {
      return "";
    }
    String name = code instanceof Enum<?> e ? e.name() : code.toString();
    if (kind == Kind.ROLE) {
      return role(name);
    }
    return WORDS.getOrDefault(kind.prefix + "." + name, name);
  }

  /** The words for an enum constant, by its type. */
  public static String of(Enum<?> code) {
    if (code == null) {
      return "";
    }
    Class<?> type = code.getDeclaringClass();
    for (Kind kind : Kind.values()) {
      if (type.equals(kind.type)) {
        return of(kind, code);
      }
    }
    return code.name();
  }

  /** Whether {@code code} of {@code kind} has words in the table. */
  public static boolean has(Kind kind, String code) {
    return WORDS.containsKey(kind.prefix + "." + code);
  }

  /** Several codes of one kind, joined with {@code separator}. */
  public static String all(Kind kind, Collection<?> codes, String separator) {
    return codes == null ? "" : codes.stream().map(c -> of(kind, c)).collect(Collectors.joining(separator));
  }

  /**
   * The words for a code that may be of any of {@code kinds}, the first that has words: the
   * approvals' office column holds a stakeholder office, a signatory authority, a directorate or
   * the Director.
   */
  public static String first(Object code, Kind... kinds) {
    if (code == null) {
      return "";
    }
    String name = code.toString();
    for (Kind kind : kinds) {
      if (has(kind, name)) {
        return of(kind, name);
      }
    }
    return name;
  }

  /** A role: {@code STAKEHOLDER_IGP_PRIVACY} reads "Key Stakeholder: IGP Privacy Unit". */
  static String role(String role) {
    if (role.startsWith("STAKEHOLDER_")) {
      return WORDS.get("Role.STAKEHOLDER_") + of(Kind.OFFICE, role.substring("STAKEHOLDER_".length()));
    }
    if (role.startsWith("SIGNATORY_")) {
      return WORDS.get("Role.SIGNATORY_") + of(Kind.AUTHORITY, role.substring("SIGNATORY_".length()));
    }
    return WORDS.getOrDefault("Role." + role, role);
  }

  /** The column names of a CSV file for people, in words. */
  public static List<String> columns(List<String> names) {
    return names.stream().map(n -> of(Kind.COLUMN, n)).toList();
  }

  private static Map<String, String> load() {
    Properties properties = new Properties();
    try (InputStream in = Labels.class.getResourceAsStream("labels.properties")) {
      if (in == null) {
        throw new IllegalStateException("labels.properties is missing beside " + Labels.class.getName());
      }
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> words = new LinkedHashMap<>();
    properties.forEach((k, v) -> words.put(k.toString(), v.toString()));
    return Map.copyOf(words);
  }
}
