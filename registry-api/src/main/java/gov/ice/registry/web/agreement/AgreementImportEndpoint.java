package gov.ice.registry.web.agreement;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import gov.ice.registry.operations.ShutdownSignal;
import gov.ice.registry.security.CurrentActor;
import gov.ice.registry.web.server.Blocking;
import gov.ice.registry.web.input.StrictJson;
import gov.ice.registry.web.agreement.CommandDispatcher.CommandContext;
import gov.ice.registry.web.agreement.ImportInterrupted.Reason;
import gov.ice.registry.web.agreement.ImportReport.Outcome;
import gov.ice.registry.web.agreement.ImportReport.Problem;
import gov.ice.registry.web.agreement.ImportReport.Row;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import gov.ice.registry.web.problem.ProblemHandling;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code POST /api/agreements/imports}: many executed agreements in one request, as JSON lines
 * or CSV, answered with a report per row. The body is read as a stream and each row imported
 * before the next is read, so a file of any length in the import limit takes memory for one row
 * and the report. A rejected row never stops the others; a dry run stores nothing.
 */
@RestController
@Tag(name = "Agreement commands")
class AgreementImportEndpoint {

  static final String NDJSON = "application/x-ndjson";
  static final String CSV = "text/csv";

  private static final CsvMapper CSV_MAPPER = CsvMapper.builder()
      .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
      .enable(CsvParser.Feature.TRIM_SPACES)
      .build();

  /**
   * The widest header read: every documented column once. A wider one must name a column twice
   * or one that is unknown, and is refused without reading the rest of it.
   */
  static final int MAX_COLUMNS = ImportCsv.COLUMNS.size();

  private final AgreementImports imports;
  private final StrictJson.RequestMapper strict;
  private final ShutdownSignal shutdown;

  AgreementImportEndpoint(AgreementImports imports, StrictJson.RequestMapper strict, ShutdownSignal shutdown) {
    this.imports = imports;
    this.strict = strict;
    this.shutdown = shutdown;
  }

  @PostMapping(path = "/api/agreements/imports", consumes = {NDJSON, CSV})
  @PreAuthorize("hasRole('IGP')")
  @Operation(summary = "Import many executed agreements from JSON lines or CSV, with a report per row (IGP)",
      description = "Each row is checked as the single import checks its body, the handbook's rules included, also on a dry run; "
          + "a reference already imported, or repeated on an earlier row, is ALREADY_IMPORTED. A rejected row never stops the others.",
      requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
          description = "JSON lines (one body of POST /api/agreements/import a line; blank lines skipped), or CSV with the header "
              + "and cell formats docs/import.md documents (UTF-8, with or without a byte order mark, CRLF or LF)",
          content = {
              @Content(mediaType = NDJSON, schema = @Schema(type = "string"), examples = @ExampleObject(name = "jsonLines",
                  value = "{\"externalReference\":\"HSI-MOU-2019-0042\",\"title\":\"Sharing with the Texas Department of Public Safety\",...}\n")),
              @Content(mediaType = CSV, schema = @Schema(type = "string"), examples = @ExampleObject(name = "csv",
                  value = "externalReference,title,kind,owningDirectorate,parties,...\r\n"
                      + "HSI-MOU-2019-0042,Sharing with the Texas Department of Public Safety,MOU,HSI,"
                      + "Texas Department of Public Safety|STATE|US|false,...\r\n"))}))
  @ApiResponse(responseCode = "200", description = "The report: one JSON document, or with Accept: application/x-ndjson one line "
      + "per row as rows are decided and then a line with the totals (and `interrupted` when the import ended early)",
      content = {
          @Content(mediaType = "application/json", schema = @Schema(implementation = ImportReport.class)),
          @Content(mediaType = NDJSON, schema = @Schema(oneOf = {ImportReport.Row.class, ImportReport.End.class}))})
  @ApiResponse(responseCode = "503", description = "The registry is stopping or the ledger cannot be reached: `import-interrupted` "
      + "with `reason`, `notImportedFromLine` and the `rows` and `totals` decided before that line (they stand); retry after Retry-After",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
  Mono<ResponseEntity<Object>> importMany(
      @Parameter(description = "Check every row and report what would happen, storing nothing")
      @RequestParam(defaultValue = "false") boolean dryRun,
      ServerWebExchange exchange) {
    boolean csv = exchange.getRequest().getHeaders().getContentType() != null
        && exchange.getRequest().getHeaders().getContentType().isCompatibleWith(MediaType.parseMediaType(CSV));
    boolean streamed = streamed(exchange.getRequest().getHeaders().getAccept());
    return CurrentActor.authentication().flatMap(user -> {
      CommandContext context = CommandContext.of(exchange, CurrentActor.of(user), null);
      InputStream body = DataBufferUtils.subscriberInputStream(exchange.getRequest().getBody(), 4);
      if (!streamed) {
        return Blocking.uninterruptible(() -> ImportReport.of(read(body, csv, imports.run(dryRun, context, format(csv), row -> {}))))
            .map(report -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).<Object>body(report));
      }
      Flux<Object> lines = Flux.<Object>create(sink -> {
            AtomicBoolean started = new AtomicBoolean();
            AgreementImports.Run run = imports.run(dryRun, context, format(csv), row -> {
              started.set(true);
              sink.next(row);
            });
            try {
              List<Row> rows = read(body, csv, run);
              sink.next(new ImportReport.End(ImportReport.of(rows).totals(), null));
              sink.complete();
            } catch (ImportInterrupted interrupted) {
              if (started.get()) {
                // The answer has begun (200): its last line says where and why the import ended.
                sink.next(new ImportReport.End(interrupted.report().totals(), interrupted.interruption()));
                sink.complete();
              } else {
                sink.error(interrupted);
              }
            } catch (Exception e) {
              sink.error(e);
            }
          })
          .subscribeOn(Schedulers.boundedElastic());
      return Mono.just(ResponseEntity.ok().contentType(MediaType.parseMediaType(NDJSON)).<Object>body(lines));
    });
  }

  private static String format(boolean csv) {
    return csv ? "CSV" : "JSON lines";
  }

  /** The report as JSON lines when the client asks for them rather than for one JSON document. */
  static boolean streamed(List<MediaType> accept) {
    MediaType ndjson = MediaType.parseMediaType(NDJSON);
    double lines = 0;
    double json = 0;
    for (MediaType type : accept) {
      if (type.equalsTypeAndSubtype(ndjson)) {
        lines = Math.max(lines, type.getQualityValue());
      } else if (type.equalsTypeAndSubtype(MediaType.APPLICATION_JSON)) {
        json = Math.max(json, type.getQualityValue());
      }
    }
    return lines > 0 && lines >= json;
  }

  /**
   * Reads the body and imports its rows, stopping between two rows once the registry begins to
   * stop. Blocking. A body with no row, or a CSV header that is not the documented one, is a 400
   * before anything is stored; a failure after rows were stored says which ({@link ImportInterrupted}).
   */
  private List<Row> read(InputStream body, boolean csv, AgreementImports.Run run) throws IOException {
    long[] line = {1};
    PushbackInputStream in = ImportInput.withoutBom(body);
    try {
      if (ImportInput.empty(in)) {
        throw new InvalidRequest("body", "is empty: send " + (csv ? "the CSV header and a row a line" : "one import a line (JSON lines)"));
      }
      if (csv) {
        csvRows(in, run, line);
      } else {
        jsonLines(in, run, line);
      }
      if (!run.anyRow()) {
        throw new InvalidRequest("body", csv ? "holds a header but no row" : "holds only blank lines, no row");
      }
      return run.finish();
    } catch (ImportInterrupted | InvalidRequest refused) {
      rest(body);
      throw refused;
    } catch (RuntimeException e) {
      ImportInterrupted interrupted = run.interrupted(line[0], ProblemHandling.storeUnavailable(e) ? Reason.STORE_UNAVAILABLE : Reason.FAILED, e);
      rest(body);
      throw interrupted;
    } finally {
      in.close();
    }
  }

  /**
   * Reads the rest of the body and drops it, so the client, still sending, reads the answer:
   * answered with its body unread, the connection was reset under the client's writes and it got
   * no answer at all. The body is bounded by the import's size limit.
   */
  private static void rest(InputStream body) {
    try {
      body.transferTo(java.io.OutputStream.nullOutputStream());
    } catch (IOException | RuntimeException gone) {
      // The client went away: there is no one left to answer.
    }
  }

  private void stopIfAsked(AgreementImports.Run run, long line) {
    if (shutdown.stopping()) {
      throw run.interrupted(line, Reason.STOPPING, null);
    }
  }

  private void jsonLines(InputStream in, AgreementImports.Run run, long[] current) throws IOException {
    ImportInput.Lines lines = new ImportInput.Lines(in);
    for (ImportInput.Line line = lines.next(); line != null; line = lines.next()) {
      current[0] = line.number();
      if (line.text() == null) {
        stopIfAsked(run, line.number());
        run.add(new Row(line.number(), Outcome.REJECTED, null, null, List.of(new Problem(null,
            "is not valid UTF-8 (byte " + line.badByte() + " of the line); nothing of it was read", List.of()))));
        continue;
      }
      if (line.text().isBlank()) {
        continue;
      }
      stopIfAsked(run, line.number());
      JsonNode row;
      try {
        row = strict.mapper().readTree(line.text());
      } catch (JsonProcessingException e) {
        run.add(new Row(line.number(), Outcome.REJECTED, null, null, List.of(new Problem(null, "is not well-formed JSON", List.of()))));
        continue;
      }
      run.row(line.number(), row);
    }
    current[0]++;
  }

  /**
   * CSV read as rows of cells (not as maps keyed by the header, which Jackson builds for a header
   * of any width): the header is checked with at most {@link #MAX_COLUMNS} cells read, and a row
   * with more cells than the header has columns is refused alone.
   */
  private void csvRows(InputStream in, AgreementImports.Run run, long[] current) throws IOException {
    ImportInput.StrictReader reader = new ImportInput.StrictReader(in);
    try (JsonParser parser = CSV_MAPPER.reader().with(CsvSchema.emptySchema())
        // The body stays open past the parser: what a refusal leaves unread is read and dropped (rest).
        .without(JsonParser.Feature.AUTO_CLOSE_SOURCE).createParser(reader)) {
      List<String> header = null;
      long number = 1;
      long end = 0;
      while (true) {
        List<String> cells = new ArrayList<>();
        int width;
        try {
          JsonToken token = parser.nextToken();
          if (token == null) {
            break;
          }
          if (header != null) {
            number++;
            current[0] = number;
            stopIfAsked(run, number);
          }
          width = cells(parser, cells, header == null ? MAX_COLUMNS : header.size());
        } catch (JsonProcessingException e) {
          if (header == null) {
            throw new InvalidRequest("header", "is not well-formed CSV");
          }
          // The parser cannot find where the next row starts; what came before stands, as reported.
          run.add(new Row(number, Outcome.REJECTED, null, null, List.of(new Problem(null,
              "is not well-formed CSV (a quote left open, or a cell too long); no later row was read", List.of()))));
          break;
        }
        long start = end;
        end = parser.currentLocation().getCharOffset();
        boolean malformed = reader.malformedBefore(Math.max(end, start + 1));
        if (header == null) {
          header = checkedHeader(cells, width, malformed);
          continue;
        }
        if (malformed) {
          run.add(new Row(number, Outcome.REJECTED, null, null, List.of(new Problem(null,
              "is not valid UTF-8; nothing of the row was read", List.of()))));
        } else if (width > header.size()) {
          run.add(new Row(number, Outcome.REJECTED, null, null, List.of(new Problem(null,
              "has " + width + " cells, more than the header's " + header.size() + " columns", List.of()))));
        } else {
          Map<String, String> record = new LinkedHashMap<>();
          for (int i = 0; i < cells.size(); i++) {
            record.put(header.get(i), cells.get(i));
          }
          if (!ImportCsv.blank(record)) {
            run.row(number, ImportCsv.toJson(record));
          }
        }
      }
      if (header == null) {
        throw new InvalidRequest("body", "holds no CSV header: its first line must name the columns " + ImportCsv.COLUMNS);
      }
      current[0] = number + 1;
    }
  }

  /**
   * The cells of the row whose START_ARRAY the parser is on, keeping at most {@code keep} of
   * them; answers how many it has (counting stops past {@code keep}, so a row of a million
   * cells costs no million strings).
   */
  private static int cells(JsonParser parser, List<String> cells, int keep) throws IOException {
    int width = 0;
    for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY && token != null; token = parser.nextToken()) {
      width++;
      if (width <= keep) {
        cells.add(parser.getText());
      }
    }
    return width;
  }

  /** Before any row is imported: a header that is not the documented one is refused with the file. */
  private static List<String> checkedHeader(List<String> header, int width, boolean malformed) {
    if (malformed) {
      throw new InvalidRequest("header", "is not valid UTF-8; the columns are " + ImportCsv.COLUMNS);
    }
    if (width > MAX_COLUMNS) {
      throw new InvalidRequest("header", "has more than " + MAX_COLUMNS + " columns; the documented header has "
          + ImportCsv.COLUMNS.size() + ": " + ImportCsv.COLUMNS);
    }
    Set<String> wrong = ImportCsv.unknownOrRepeated(header);
    if (!wrong.isEmpty()) {
      throw new InvalidRequest("header", "names unknown or repeated columns " + wrong + "; the columns are " + ImportCsv.COLUMNS);
    }
    return header;
  }
}
