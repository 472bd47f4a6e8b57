package gov.ice.registry.agreement.api;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The id of one of the handbook's rules (docs/domain.md, "Rules and their ids"): {@code S3},
 * {@code B1}, {@code EXEMPTION_10}. The rule classes hold their ids as this type, so a rule is
 * compared by value, never by a string spelled again; events, required stakeholders and refusals
 * carry them as this type too. Stored and over HTTP a rule id is its name, a plain JSON string
 * (the Jackson modules outside this package write and read it so; this package names no
 * library), and {@link #toString()} returns that name. Ordered as the handbook lists them:
 * {@code S2} before {@code S10}.
 */
public record RuleId(String name) implements Comparable<RuleId> {

  private static final Comparator<RuleId> HANDBOOK_ORDER = Comparator
      .comparing((RuleId rule) -> rule.name.replaceAll("\\d", ""))
      .thenComparingInt(RuleId::number);

  public RuleId {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("a rule id is not blank");
    }
  }

  public static RuleId of(String name) {
    return new RuleId(name);
  }

  /** The names of {@code ids}: the form the HTTP edge and the read models write. */
  public static List<String> names(Collection<RuleId> ids) {
    return ids.stream().map(RuleId::name).toList();
  }

  private int number() {
    String digits = name.replaceAll("\\D", "");
    return digits.isEmpty() ? 0 : Integer.parseInt(digits);
  }

  @Override
  public int compareTo(RuleId other) {
    return HANDBOOK_ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return name;
  }
}
