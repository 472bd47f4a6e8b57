package gov.ice.registry.operations;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The metric names a PromQL expression reads: enough of PromQL for the registry's rules and dashboard. */
final class PromQl {

  private static final Set<String> KEYWORDS = Set.of(
      "and", "or", "unless", "offset", "bool", "by", "without", "on", "ignoring", "group_left", "group_right", "inf", "nan");
  private static final Pattern LABEL_MATCHERS = Pattern.compile("\\{[^}]*}");
  private static final Pattern GROUPING = Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
  private static final Pattern RANGE = Pattern.compile("\\[[^\\]]*]");
  private static final Pattern STRINGS = Pattern.compile("\"[^\"]*\"");
  private static final Pattern DURATION = Pattern.compile("\\b\\d+[smhdwy]\\b");
  private static final Pattern VARIABLE = Pattern.compile("\\$\\w+");
  private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*(\\s*\\()?");

  private static final Pattern REGEX_MATCHER = Pattern.compile("(\\w+)\\s*(=~|!~)\\s*\"(?:[^\"\\\\]|\\\\.)*\"\\s*,?\\s*");

  private PromQl() {}

  /**
   * The vector selectors of {@code expression}, each a metric name with its label matchers as
   * written ({@code up{job="isaa-registry"}}), without ranges, offsets or functions around them.
   */
  static List<String> selectors(String expression) {
    Set<String> found = new LinkedHashSet<>();
    for (String name : metricNames(expression)) {
      Matcher m = Pattern.compile("(?<![\\w:\"])" + Pattern.quote(name) + "(?![\\w:(])\\s*(\\{[^}]*})?").matcher(expression);
      while (m.find()) {
        found.add(name + (m.group(1) == null ? "" : m.group(1).replaceAll("\\s+", " ")));
      }
    }
    return new ArrayList<>(found);
  }

  /**
   * {@code selector} with each regex matcher reduced to "the label is present": a regex may name
   * values that appear only in trouble ({@code status=~"5.."}), which a healthy scrape lacks.
   * Equality matchers stay as they are.
   */
  static String withRegexLabelsOnlyPresent(String selector) {
    Matcher m = REGEX_MATCHER.matcher(selector);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(m.group(2).equals("=~") ? m.group(1) + "=~\".+\", " : ""));
    }
    m.appendTail(out);
    return out.toString().replaceAll(",\\s*}", "}").replace("{}", "");
  }

  static Set<String> metricNames(String expression) {
    String rest = STRINGS.matcher(expression).replaceAll(" ");
    rest = LABEL_MATCHERS.matcher(rest).replaceAll(" ");
    rest = GROUPING.matcher(rest).replaceAll(" ");
    rest = RANGE.matcher(rest).replaceAll(" ");
    rest = VARIABLE.matcher(rest).replaceAll(" ");
    rest = DURATION.matcher(rest).replaceAll(" ");
    Set<String> names = new TreeSet<>();
    Matcher m = IDENTIFIER.matcher(rest);
    while (m.find()) {
      if (m.group(1) == null && !KEYWORDS.contains(m.group().toLowerCase())) {
        names.add(m.group());
      }
    }
    return names;
  }
}
