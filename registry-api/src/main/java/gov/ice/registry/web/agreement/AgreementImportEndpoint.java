package gov.ice.registry.web.agreement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import gov.ice.registry.security.CurrentActor;
import gov.ice.registry.web.StrictJson;
import gov.ice.registry.web.agreement.CommandDispatcher.CommandContext;
import gov.ice.registry.web.agreement.ImportReport.Outcome;
import gov.ice.registry.web.agreement.ImportReport.Problem;
import gov.ice.registry.web.agreement.ImportReport.Row;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
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

  private final AgreementImports imports;
  private final StrictJson.RequestMapper strict;

  AgreementImportEndpoint(AgreementImports imports, StrictJson.RequestMapper strict) {
    this.imports = imports;
    this.strict = strict;
  }

  @PostMapping(path = "/api/agreements/imports", consumes = {NDJSON, CSV})
  @PreAuthorize("hasRole('IGP')")
  @Operation(summary = "Import many executed agreements from JSON lines or CSV, with a report per row (IGP)",
      description = "Each row is checked as the single import checks its body, the handbook's rules included, also on a dry run; "
          + "a reference already imported, or repeated on an earlier row, is ALREADY_IMPORTED. A rejected row never stops the others.",
      requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
          description = "JSON lines (one body of POST /api/agreements/import a line; blank lines skipped), or CSV with the header "
              + "and cell formats the README documents (UTF-8, with or without a byte order mark, CRLF or LF)",
          content = {
              @Content(mediaType = NDJSON, schema = @Schema(type = "string"), examples = @ExampleObject(name = "jsonLines",
                  value = "{\"externalReference\":\"HSI-MOU-2019-0042\",\"title\":\"Sharing with the Texas Department of Public Safety\",...}\n")),
              @Content(mediaType = CSV, schema = @Schema(type = "string"), examples = @ExampleObject(name = "csv",
                  value = "externalReference,title,kind,owningDirectorate,parties,...\r\n"
                      + "HSI-MOU-2019-0042,Sharing with the Texas Department of Public Safety,MOU,HSI,"
                      + "Texas Department of Public Safety|STATE|US|false,...\r\n"))}))
  Mono<ImportReport> importMany(
      @Parameter(description = "Check every row and report what would happen, storing nothing")
      @RequestParam(defaultValue = "false") boolean dryRun,
      ServerWebExchange exchange) {
    boolean csv = exchange.getRequest().getHeaders().getContentType() != null
        && exchange.getRequest().getHeaders().getContentType().isCompatibleWith(org.springframework.http.MediaType.parseMediaType(CSV));
    return CurrentActor.authentication().flatMap(user -> {
      CommandContext context = CommandContext.of(exchange, CurrentActor.of(user), null);
      InputStream body = DataBufferUtils.subscriberInputStream(exchange.getRequest().getBody(), 4);
      return Mono.fromCallable(() -> {
            try (Reader reader = withoutBom(new InputStreamReader(body, StandardCharsets.UTF_8))) {
              AgreementImports.Run run = imports.run(dryRun, context);
              if (csv) {
                csvRows(reader, run);
              } else {
                jsonLines(reader, run);
              }
              return ImportReport.of(run.finish());
            }
          })
          .subscribeOn(Schedulers.boundedElastic());
    });
  }

  private void jsonLines(Reader reader, AgreementImports.Run run) throws IOException {
    BufferedReader lines = new BufferedReader(reader);
    long number = 0;
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      number++;
      if (line.isBlank()) {
        continue;
      }
      JsonNode row;
      try {
        row = strict.mapper().readTree(line);
      } catch (JsonProcessingException e) {
        run.add(new Row(number, Outcome.REJECTED, null, null, List.of(new Problem(null, "is not well-formed JSON", List.of()))));
        continue;
      }
      run.row(number, row);
    }
  }

  private void csvRows(Reader reader, AgreementImports.Run run) throws IOException {
    try (MappingIterator<Map<String, String>> records = CSV_MAPPER.readerForMapOf(String.class)
        .with(CsvSchema.emptySchema().withHeader())
        .readValues(reader)) {
      long number = 1;
      boolean headerChecked = false;
      while (true) {
        Map<String, String> record;
        try {
          if (!records.hasNextValue()) {
            break;
          }
          if (!headerChecked) {
            checkHeader((CsvSchema) records.getParserSchema());
            headerChecked = true;
          }
          number++;
          record = records.nextValue();
        } catch (JsonProcessingException e) {
          // The parser cannot find where the next row starts; what came before stands, as reported.
          run.add(new Row(number, Outcome.REJECTED, null, null, List.of(new Problem(null,
              "is not well-formed CSV (a quote left open, or more cells than the header has columns); no later row was read",
              List.of()))));
          break;
        }
        if (!ImportCsv.blank(record)) {
          run.row(number, ImportCsv.toJson(record));
        }
      }
    }
  }

  /** Before any row is imported: a column that names no field is refused with the file. */
  private static void checkHeader(CsvSchema schema) {
    List<String> header = new ArrayList<>();
    schema.forEach(column -> header.add(column.getName()));
    Set<String> wrong = ImportCsv.unknownOrRepeated(header);
    if (!wrong.isEmpty()) {
      throw new InvalidRequest("header", "names unknown or repeated columns " + wrong + "; the columns are " + ImportCsv.COLUMNS);
    }
  }

  /** A spreadsheet's UTF-8 export may start with a byte order mark; it is no part of the first column's name. */
  private static Reader withoutBom(Reader reader) throws IOException {
    PushbackReader pushback = new PushbackReader(reader, 1);
    int first = pushback.read();
    if (first != -1 && first != '\uFEFF') {
      pushback.unread(first);
    }
    return pushback;
  }
}
