package gov.ice.registry.operations;

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

  private PromQl() {}

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
