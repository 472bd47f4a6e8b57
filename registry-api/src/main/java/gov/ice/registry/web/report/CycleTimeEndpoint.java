package gov.ice.registry.web.report;

import gov.ice.registry.cycle.StageInterval.Unit;
import gov.ice.registry.cycle.StageTimeline;
import gov.ice.registry.projection.cycle.CycleTimeIndex;
import gov.ice.registry.projection.cycle.CycleTimeReport;
import gov.ice.registry.projection.cycle.CycleTimeReport.GroupBy;
import gov.ice.registry.projection.cycle.CycleTimeReport.Row;
import gov.ice.registry.projection.export.SpreadsheetCsv;
import gov.ice.registry.web.query.QueryParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code GET /api/reports/cycle-time?from=&to=&groupBy=&unit=&format=csv}: how long each stage
 * took, per office or per directorate, kind, party kind or category, from the cycle-time read
 * model's in-memory index ({@link CycleTimeIndex}). IGP, auditors and the Director see every
 * office; a stakeholder office only the intervals it held.
 */
@RestController
@Tag(name = "Reports")
public class CycleTimeEndpoint {

  static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
  static final List<String> COLUMNS = List.of("stage", "group", "completed", "median", "p75", "p90", "mean", "open", "oldestOpen",
      "rework");
  private static final Map<String, GroupBy> GROUPS = Map.of("office", GroupBy.OFFICE, "directorate", GroupBy.DIRECTORATE,
      "kind", GroupBy.KIND, "partykind", GroupBy.PARTY_KIND, "category", GroupBy.CATEGORY);

  /** The JSON answer (API.md's shape, with the request's window, grouping and unit). */
  public record CycleTime(LocalDate from, LocalDate to, String groupBy, String unit, List<Stage> stages, double concurrency,
      Excluded excluded) {}

  public record Stage(String stage, String group, long completed, Double median, Double p75, Double p90, Double mean, long open,
      Integer oldestOpen, long rework) {}

  public record Excluded(long imported) {}

  private final CycleTimeIndex index;
  private final Clock clock;

  public CycleTimeEndpoint(CycleTimeIndex index, Clock clock) {
    this.index = index;
    this.clock = clock;
  }

  @GetMapping(path = "/api/reports/cycle-time")
  @PreAuthorize("@cycleTimeAccess.mayRead(authentication)")
  @ApiResponse(responseCode = "200", description = "Per stage and group: completed, percentiles, mean, open, oldest open, rework",
      content = {@Content(mediaType = "application/json", schema = @Schema(implementation = CycleTime.class)),
          @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
  @Operation(summary = "Cycle time per stage and office (or directorate, kind, party kind, category); format=csv for CSV "
      + "(IGP, AUDITOR, DIRECTOR; STAKEHOLDER_* their own office)")
  public Mono<ResponseEntity<?>> cycleTime(
      @Parameter(description = "Completed intervals that ended on or after this day; default a year before `to`", example = "2026-01-01")
      @RequestParam(required = false) String from,
      @Parameter(description = "Completed intervals that ended on or before this day, open ones started by it; default today",
          example = "2026-12-31") @RequestParam(required = false) String to,
      @Parameter(schema = @Schema(allowableValues = {"office", "directorate", "kind", "partyKind", "category"}, defaultValue = "office"))
      @RequestParam(required = false) String groupBy,
      @Parameter(schema = @Schema(allowableValues = {"BUSINESS_DAYS", "DAYS"}, defaultValue = "BUSINESS_DAYS"))
      @RequestParam(required = false) String unit,
      @Parameter(schema = @Schema(allowableValues = {"json", "csv"}, defaultValue = "json")) @RequestParam(required = false) String format) {
    MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
    put(parameters, "from", from);
    put(parameters, "to", to);
    put(parameters, "groupBy", groupBy);
    put(parameters, "unit", unit);
    put(parameters, "format", format);
    return ReactiveSecurityContextHolder.getContext().map(SecurityContext::getAuthentication)
        .flatMap(authentication -> Mono.fromCallable(() -> {
          Parsed parsed = parse(parameters, CycleTimeAccess.officesOnly(authentication), today());
          CycleTime report = report(parsed);
          if (!parsed.csv()) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
          }
          return ResponseEntity.ok().contentType(TEXT_CSV)
              .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"cycle-time.csv\"")
              .body(csv(report));
        }).subscribeOn(Schedulers.parallel()));
  }

  /** What a request asks, read as the API reads it (the page reads it the same way). */
  public record Parsed(CycleTimeReport.Request request, String groupBy, boolean csv) {}

  /** Today in the registry's calendar zone. */
  public LocalDate today() {
    return LocalDate.now(clock.withZone(StageTimeline.ZONE));
  }

  /** The report {@code parameters} ask for, limited to {@code offices} (empty: every office); InvalidQuery lists what is wrong. */
  public static Parsed parse(MultiValueMap<String, String> parameters, java.util.Set<String> offices, LocalDate today) {
    QueryParameters p = new QueryParameters(parameters);
    LocalDate to = day(p, "to", today);
    LocalDate from = day(p, "from", to == null ? null : to.minusYears(1));
    if (from != null && to != null && from.isAfter(to)) {
      p.invalid("to", "is on or after from");
    }
    String groupName = p.string("groupBy");
    GroupBy groupBy = groupName == null ? GroupBy.OFFICE : GROUPS.get(groupName.toLowerCase(Locale.ROOT));
    if (groupBy == null) {
      p.invalid("groupBy", "is one of office, directorate, kind, partyKind, category");
    }
    String unitName = p.string("unit");
    Unit unit = unitName == null ? Unit.BUSINESS_DAYS
        : Arrays.stream(Unit.values()).filter(u -> u.name().equalsIgnoreCase(unitName)).findFirst().orElse(null);
    if (unit == null) {
      p.invalid("unit", "is BUSINESS_DAYS or DAYS");
    }
    String format = p.string("format");
    if (format != null && !format.equals("json") && !format.equals("csv")) {
      p.invalid("format", "is json or csv");
    }
    p.validate();
    return new Parsed(new CycleTimeReport.Request(from, to, groupBy, unit, offices, today),
        groupName == null ? "office" : groupName, "csv".equals(format));
  }

  private static LocalDate day(QueryParameters p, String name, LocalDate otherwise) {
    String value = p.string(name);
    if (value == null) {
      return otherwise;
    }
    try {
      LocalDate day = LocalDate.parse(value);
      if (day.getYear() < 1900 || day.getYear() > 2199) {
        return p.invalid(name, "is a day from 1900 to 2199");
      }
      return day;
    } catch (DateTimeParseException e) {
      return p.invalid(name, "is a day such as 2026-11-02");
    }
  }

  /** The report {@code parsed} asks for, from the index. */
  public CycleTime report(Parsed parsed) {
    return answer(CycleTimeReport.of(index.entries(), parsed.request()), parsed.groupBy());
  }

  static CycleTime answer(CycleTimeReport report, String groupBy) {
    List<Stage> stages = report.stages().stream().map(CycleTimeEndpoint::stage).toList();
    return new CycleTime(report.from(), report.to(), groupBy, report.unit().name(), stages, report.concurrency(),
        new Excluded(report.excluded().imported()));
  }

  private static Stage stage(Row r) {
    return new Stage(r.stage().name(), r.group(), r.completed(), r.median(), r.p75(), r.p90(), r.mean(), r.open(), r.oldestOpen(),
        r.rework());
  }

  public static String csv(CycleTime report) {
    return SpreadsheetCsv.header(COLUMNS) + report.stages().stream()
        .map(s -> SpreadsheetCsv.row(Arrays.asList(s.stage(), s.group(), s.completed(), s.median(), s.p75(), s.p90(), s.mean(),
            s.open(), s.oldestOpen(), s.rework())))
        .collect(Collectors.joining());
  }

  private static void put(MultiValueMap<String, String> map, String name, String value) {
    if (value != null) {
      map.add(name, value);
    }
  }
}
