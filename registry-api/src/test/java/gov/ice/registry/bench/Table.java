package gov.ice.registry.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The one table a run prints, as Markdown for a dated file in docs/benchmarks/. */
final class Table {

  private record Row(String store, String figure, String value, String beside, String besideValue, String ratio, String goal) {}

  private final List<Row> rows = new ArrayList<>();

  synchronized void add(String store, String figure, double value, String beside, Double besideValue, Double ratioGoal, String goal) {
    String ratio = "";
    if (besideValue != null && !Double.isNaN(value)) {
      double r = value / besideValue;
      ratio = String.format(Locale.ROOT, "%.2f", r) + (ratioGoal == null ? "" : r >= ratioGoal ? " (met)" : " (missed)");
    }
    rows.add(new Row(store, figure, number(value), beside == null ? "" : beside,
        besideValue == null ? "" : number(besideValue), ratio, goal == null ? "" : goal));
    System.out.println("measured: " + figure + " = " + number(value) + (besideValue == null ? "" : " beside " + number(besideValue)));
  }

  synchronized void addLatency(String figure, double p50, double p99, String goal) {
    rows.add(new Row("H2", figure, String.format(Locale.ROOT, "p50 %.1f ms / p99 %.1f ms", p50, p99), "", "", "", goal));
    System.out.println("measured: " + figure + " p50 " + p50 + " ms, p99 " + p99 + " ms");
  }

  synchronized void print(PrintStream out, Options options, Instant started, String loadBefore, String loadAfter) {
    out.println();
    out.printf(Locale.ROOT, "Registry benchmark, N = %d agreements; %s; %d cores visible; Java %s (%s); run took %d s%n",
        options.agreements(), Instant.now(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
        System.getProperty("java.vm.name"), Duration.between(started, Instant.now()).toSeconds());
    out.printf(Locale.ROOT, "load average (/proc/loadavg) before: %s; after: %s; server JVM %s%n", loadBefore, loadAfter,
        String.join(" ", options.serverJvm()));
    out.println();
    out.println("| store | figure | measured | beside | beside, measured | ratio | goal |");
    out.println("|---|---|---|---|---|---|---|");
    for (Row r : rows) {
      out.println("| " + String.join(" | ", r.store(), r.figure(), r.value(), r.beside(), r.besideValue(), r.ratio(), r.goal()) + " |");
    }
    out.println();
  }

  private static String number(double value) {
    if (Double.isNaN(value)) {
      return "n/a";
    }
    return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.2f", value);
  }
}
