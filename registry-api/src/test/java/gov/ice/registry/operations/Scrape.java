package gov.ice.registry.operations;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The series of a Prometheus text scrape, and the same series as Prometheus stores them after it
 * attaches a target's labels: with {@code honor_labels: false} (the default, and
 * deploy/prometheus/prometheus.yml's), a label the target exposes under a target label's name is
 * kept as {@code exported_<name>} and the target's value takes its place.
 */
final class Scrape {

  /** One series: its metric name and labels, in the order the text gave them. */
  record Series(String name, Map<String, String> labels) {

    /** As a PromQL selector that matches exactly this series (the promtool test files' form). */
    String selector() {
      return name + labels.entrySet().stream().map(l -> l.getKey() + "=\"" + escape(l.getValue()) + "\"")
          .collect(Collectors.joining(", ", "{", "}"));
    }
  }

  private Scrape() {}

  static List<Series> parse(String text) {
    List<Series> series = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      series.add(parseLine(line));
    }
    return series;
  }

  /** {@code series} as the scrape of {@code targetLabels} stores them. */
  static List<Series> asStored(List<Series> series, Map<String, String> targetLabels) {
    List<Series> stored = new ArrayList<>();
    for (Series s : series) {
      Map<String, String> labels = new LinkedHashMap<>();
      s.labels().forEach((name, value) -> labels.put(targetLabels.containsKey(name) ? "exported_" + name : name, value));
      labels.putAll(targetLabels);
      stored.add(new Series(s.name(), labels));
    }
    return stored;
  }

  private static Series parseLine(String line) {
    int brace = line.indexOf('{');
    int space = line.indexOf(' ');
    if (brace < 0 || (space >= 0 && space < brace)) {
      return new Series(line.substring(0, space), Map.of());
    }
    Map<String, String> labels = new LinkedHashMap<>();
    int i = brace + 1;
    while (line.charAt(i) != '}') {
      int equals = line.indexOf('=', i);
      String name = line.substring(i, equals).trim();
      StringBuilder value = new StringBuilder();
      int j = equals + 2; // past ="
      while (line.charAt(j) != '"') {
        char c = line.charAt(j);
        if (c == '\\') {
          char next = line.charAt(++j);
          value.append(next == 'n' ? '\n' : next);
        } else {
          value.append(c);
        }
        j++;
      }
      labels.put(name, value.toString());
      i = j + 1;
      if (line.charAt(i) == ',') {
        i++;
      }
    }
    return new Series(line.substring(0, brace), labels);
  }

  private static String escape(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }
}
