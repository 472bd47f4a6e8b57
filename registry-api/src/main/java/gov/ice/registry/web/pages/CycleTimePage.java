package gov.ice.registry.web.pages;

import gov.ice.registry.security.CurrentActor;
import gov.ice.registry.web.pages.PageErrors.ForbiddenPage;
import gov.ice.registry.web.query.InvalidQuery;
import gov.ice.registry.web.report.CycleTimeAccess;
import gov.ice.registry.web.report.CycleTimeEndpoint;
import gov.ice.registry.web.report.CycleTimeEndpoint.CycleTime;
import gov.ice.registry.web.report.CycleTimeEndpoint.Parsed;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * {@code /reports/cycle-time}: the cycle-time report as a table and, for the concurrence stage, a
 * bar chart per office (or other group) drawn as SVG on the server, with no script. The same
 * roles, parameters and numbers as {@code GET /api/reports/cycle-time}, read by the same code.
 */
@Controller
class CycleTimePage {

  /** The chart's geometry: a label column, then bars scaled to the longest 90th percentile. */
  static final int LABEL_WIDTH = 150;
  static final int BAR_SPACE = 420;
  static final int ROW_HEIGHT = 34;

  /** One group's bars: the median (solid) and the 90th percentile (outline), in the chart's pixels. */
  record Bar(String label, double median, double p90, long completed, int y, int medianWidth, int p90Width) {}

  private final CycleTimeEndpoint reports;

  CycleTimePage(CycleTimeEndpoint reports) {
    this.reports = reports;
  }

  @GetMapping("/reports/cycle-time")
  Mono<String> page(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(required = false) String groupBy, @RequestParam(required = false) String unit, Model model) {
    MultiValueMap<String, String> parameters = parameters(from, to, groupBy, unit);
    model.addAttribute("groupBy", groupBy == null ? "office" : groupBy);
    model.addAttribute("unit", unit == null ? "BUSINESS_DAYS" : unit.toUpperCase(Locale.ROOT));
    return CurrentActor.authentication().map(authentication -> {
      if (!new CycleTimeAccess().mayRead(authentication)) {
        throw new ForbiddenPage("The cycle-time report is for IGP, auditors, the Director and stakeholder offices.");
      }
      Parsed parsed;
      try {
        parsed = CycleTimeEndpoint.parse(parameters, CycleTimeAccess.officesOnly(authentication), reports.today());
      } catch (InvalidQuery invalid) {
        InvalidQuery.Violation first = invalid.violations().get(0);
        model.addAttribute("refusal", Refusal.invalid(first.field(), first.message()));
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("report", null);
        model.addAttribute("bars", List.of());
        return "cycle-time";
      }
      CycleTime report = reports.report(parsed);
      model.addAttribute("from", report.from().toString());
      model.addAttribute("to", report.to().toString());
      model.addAttribute("report", report);
      List<Bar> bars = bars(report);
      model.addAttribute("bars", bars);
      model.addAttribute("chartHeight", Math.max(1, bars.size()) * ROW_HEIGHT + 30);
      model.addAttribute("csvHref", UriComponentsBuilder.fromPath("/reports/cycle-time.csv").queryParams(parameters)
          .encode().build().toUriString());
      return "cycle-time";
    });
  }

  @GetMapping("/reports/cycle-time.csv")
  Mono<ResponseEntity<String>> csv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(required = false) String groupBy, @RequestParam(required = false) String unit) {
    return CurrentActor.authentication().map(authentication -> {
      if (!new CycleTimeAccess().mayRead(authentication)) {
        throw new ForbiddenPage("The cycle-time report is for IGP, auditors, the Director and stakeholder offices.");
      }
      Parsed parsed = CycleTimeEndpoint.parse(parameters(from, to, groupBy, unit), CycleTimeAccess.officesOnly(authentication),
          reports.today());
      return ResponseEntity.ok()
          .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
          .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"cycle-time.csv\"")
          .body(CycleTimeEndpoint.csv(reports.report(parsed)));
    });
  }

  private static MultiValueMap<String, String> parameters(String from, String to, String groupBy, String unit) {
    MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
    for (String[] p : new String[][] {{"from", from}, {"to", to}, {"groupBy", groupBy}, {"unit", unit}}) {
      if (p[1] != null && !p[1].isBlank()) {
        parameters.add(p[0], p[1].trim());
      }
    }
    return parameters;
  }

  /** The concurrence stage's completed rows as bars, the longest 90th percentile filling the space. */
  static List<Bar> bars(CycleTime report) {
    List<CycleTimeEndpoint.Stage> rows = report.stages().stream()
        .filter(s -> s.stage().equals("CONCURRENCE") && s.completed() > 0).toList();
    double longest = rows.stream().mapToDouble(CycleTimeEndpoint.Stage::p90).max().orElse(0);
    List<Bar> bars = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      CycleTimeEndpoint.Stage s = rows.get(i);
      bars.add(new Bar(s.group(), s.median(), s.p90(), s.completed(), 10 + i * ROW_HEIGHT,
          width(s.median(), longest), width(s.p90(), longest)));
    }
    return bars;
  }

  private static int width(double value, double longest) {
    return longest <= 0 ? 0 : (int) Math.round(value / longest * BAR_SPACE);
  }
}
