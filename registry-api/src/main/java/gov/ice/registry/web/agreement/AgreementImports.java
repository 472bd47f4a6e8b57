package gov.ice.registry.web.agreement;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gov.ice.registry.agreement.Agreement;
import gov.ice.registry.agreement.LedgerReader;
import gov.ice.registry.agreement.api.AgreementId;
import gov.ice.registry.agreement.api.AgreementRefused;
import gov.ice.registry.agreement.api.RuleId;
import gov.ice.registry.web.StrictJson;
import gov.ice.registry.web.agreement.AgreementRequests.ImportRequest;
import gov.ice.registry.web.agreement.CommandDispatcher.CommandContext;
import gov.ice.registry.web.agreement.ImportReport.Outcome;
import gov.ice.registry.web.agreement.ImportReport.Problem;
import gov.ice.registry.web.agreement.ImportReport.Row;
import gov.ice.registry.web.problem.ProblemHandling;
import gov.ice.registry.web.problem.Problems.Violation;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Imports executed agreements one row at a time, for the single and the bulk import alike.
 *
 * <p>An agreement with an {@code externalReference} gets an id derived from it (a name-based
 * UUID), so importing the same reference again reaches the agreement already there and changes
 * nothing, even when two imports race: the second append to the same aggregate fails.
 *
 * <p>A row is read strictly, as a request body is, but every problem is collected: a value of
 * the wrong type is reported and set aside so the rest of the row is still checked, then the
 * shape rules, then the handbook's rules. A dry run applies every one of them too: it decides the
 * import with the aggregate's own constructor, in an aggregate lifecycle of its own with no event
 * bus, so nothing is appended or published. A reference already in the ledger, or already on an
 * earlier row of the same file, is {@code ALREADY_IMPORTED} on a dry run as on a real one.
 *
 * <p>A real run reads nothing before it sends the command (reading the ledger to see whether a
 * reference is there cost more than the import itself): the append of an agreement's first
 * event fails when the agreement exists, and only then is the ledger read, to tell an earlier
 * import from another failure. Blocking: callers run it off the event loop.
 */
@Component
class AgreementImports {

  private static final Logger log = LoggerFactory.getLogger(AgreementImports.class);
  /** A running bulk import logs where it stands at most this often. */
  static final java.time.Duration PROGRESS_EVERY = java.time.Duration.ofSeconds(5);
  static final String ROWS_METRIC = "registry.imports.rows";

  /** Enough to report every field of a row that is wrong in every field. */
  private static final int MAX_TYPE_PROBLEMS = 100;
  private static final String REFERENCE_NAMESPACE = "isaa-registry:external-reference:";


  private final StrictJson.RequestMapper strict;
  private final Validator validator;
  private final CommandDispatcher dispatcher;
  private final LedgerReader ledger;
  private final Clock clock;
  private final TransactionManager transactions;
  private final EventStore events;
  /** Rows committed together by a bulk import: one transaction and one H2 commit for all of them. */
  private final int chunkSize;
  /** Rows decided by bulk imports, by outcome; none without a meter registry. */
  private final Map<Outcome, Counter> rowCounters = new java.util.EnumMap<>(Outcome.class);

  AgreementImports(StrictJson.RequestMapper strict, Validator validator, CommandDispatcher dispatcher, LedgerReader ledger, Clock clock,
      TransactionManager transactions, EventStore events,
      @Value("${registry.imports.chunk-size:100}") int chunkSize, ObjectProvider<MeterRegistry> meters) {
    this.strict = strict;
    meters.ifAvailable(registry -> {
      for (Outcome outcome : Outcome.values()) {
        rowCounters.put(outcome, Counter.builder(ROWS_METRIC).tag("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT))
            .description("Rows of bulk imports decided, by outcome (imported, would_import, already_imported, rejected)")
            .register(registry));
      }
    });
    this.transactions = transactions;
    this.events = events;
    this.chunkSize = Math.max(1, chunkSize);
    this.validator = validator;
    this.dispatcher = dispatcher;
    this.ledger = ledger;
    this.clock = clock;
  }

  /**
   * One bulk import request: its rows in file order, remembering which references earlier rows
   * took. {@code decided} receives each row once it is final (its chunk committed), in file order.
   */
  Run run(boolean dryRun, CommandContext context, String format, Consumer<Row> decided) {
    return new Run(dryRun, context, format, decided);
  }

  /**
   * The rows of one bulk import, in file order. A real run sends its rows' commands in chunks,
   * each chunk in one unit of work and one transaction: the rows' commands run in nested units
   * of work, a refused row's rolls back alone (a participating transaction is left to its owner),
   * and the events of the others are appended together when the chunk commits. When the chunk
   * cannot commit (a reference already in the ledger, any other failure), nothing of it is stored
   * and its rows are imported again one by one, so each row gets the outcome it would have had
   * alone. A row is reported only once its chunk has committed.
   */
  final class Run {

    private final boolean dryRun;
    private final CommandContext context;
    /** Agreement id to the line that imported it (or would): a later row of the same reference changes nothing. */
    private final Map<String, Long> taken = new HashMap<>();
    private final List<Row> report = new ArrayList<>();
    private final List<Pending> chunk = new ArrayList<>();
    private final Map<String, Pending> chunkIds = new HashMap<>();
    private final Consumer<Row> listener;
    private final String format;
    private final int[] counts = new int[Outcome.values().length];
    private final long startedAt = System.nanoTime();
    private long loggedAt = startedAt;
    /** Rows of {@link #report} handed to {@link #listener} so far: every slot before it is final. */
    private int emitted;

    private Run(boolean dryRun, CommandContext context, String format, Consumer<Row> decided) {
      this.dryRun = dryRun;
      this.context = context;
      this.format = format;
      this.listener = decided;
      log.info("Bulk import by {} started ({}{})", who(), format, dryRun ? ", dry run" : "");
    }

    /** A row the endpoint refused before reading it as an import (not JSON, not CSV, not UTF-8). */
    void add(Row row) {
      report.add(row);
      drain();
    }

    void row(long line, JsonNode json) {
      decide(line, json);
      drain();
    }

    private void decide(long line, JsonNode json) {
      List<Problem> problems = new ArrayList<>();
      String reference = json instanceof ObjectNode o && o.path("externalReference").isTextual() ? o.path("externalReference").asText() : null;
      Optional<ImportRequest> request = checked(json, problems);
      if (request.isEmpty()) {
        report.add(rejected(line, reference, problems));
        return;
      }
      AgreementId id = idFor(request.get());
      if (chunkIds.containsKey(id.value())) {
        // Whether the earlier row took the reference is known only once its chunk has committed.
        flush();
      }
      Long earlier = request.get().externalReference() == null ? null : taken.get(id.value());
      if (earlier != null) {
        report.add(new Row(line, Outcome.ALREADY_IMPORTED, id.value(), request.get().externalReference(),
            List.of(new Problem("externalReference", "repeats line " + earlier + " of this file, which imports it", List.of()))));
        return;
      }
      if (dryRun || readsAnotherAgreement(request.get())) {
        // An exemption's parent may be imported by an earlier row: its chunk is committed first.
        flush();
        Row row = importOne(line, id, request.get(), dryRun, context);
        report.add(row);
        decided(row, id, line);
        return;
      }
      Pending pending = new Pending(report.size(), line, id, request.get());
      report.add(null);
      chunk.add(pending);
      chunkIds.put(id.value(), pending);
      if (chunk.size() >= chunkSize) {
        flush();
      }
    }

    /** Every row's outcome in file order, once the last chunk has committed. */
    List<Row> finish() {
      flush();
      drain();
      log.info("Bulk import by {} finished: {} in {}", who(), counted(), seconds());
      return report;
    }

    /** Whether any row was read (a body of blank lines has none). */
    boolean anyRow() {
      return !report.isEmpty();
    }

    /**
     * The import ends before {@code nextLine}, the first line not yet decided: for a stop, the
     * open chunk commits first; the answer lists the rows decided before the first one that was
     * not imported, and that line.
     */
    ImportInterrupted interrupted(long nextLine, ImportInterrupted.Reason reason, RuntimeException cause) {
      ImportInterrupted.Reason why = reason;
      RuntimeException failure = cause;
      if (reason == ImportInterrupted.Reason.STOPPING) {
        try {
          flush();
        } catch (RuntimeException e) {
          why = ProblemHandling.storeUnavailable(e) ? ImportInterrupted.Reason.STORE_UNAVAILABLE : ImportInterrupted.Reason.FAILED;
          failure = e;
        }
      }
      drain();
      long from = nextLine;
      if (emitted < report.size()) {
        int slot = emitted;
        from = chunk.stream().filter(p -> p.slot() == slot).map(Pending::line).findFirst().orElse(nextLine);
      }
      ImportInterrupted interrupted = new ImportInterrupted(ImportReport.of(List.copyOf(report.subList(0, emitted))), why, from, failure);
      if (why == ImportInterrupted.Reason.STOPPING) {
        log.info("Bulk import by {} stopped at line {} because the registry is stopping: {} in {}", who(), from, counted(), seconds());
      } else {
        log.warn("Bulk import by {} interrupted at line {} ({}): {} in {}", who(), from, why, counted(), seconds());
      }
      return interrupted;
    }

    /** Hands every row now final, in file order, to the listener; counts it; logs progress now and then. */
    private void drain() {
      while (emitted < report.size() && report.get(emitted) != null) {
        Row row = report.get(emitted++);
        counts[row.outcome().ordinal()]++;
        Counter counter = rowCounters.get(row.outcome());
        if (counter != null) {
          counter.increment();
        }
        listener.accept(row);
      }
      long now = System.nanoTime();
      if (now - loggedAt >= PROGRESS_EVERY.toNanos()) {
        loggedAt = now;
        log.info("Bulk import by {}: {} so far, {}", who(), counted(), seconds());
      }
    }

    private String counted() {
      return emitted + " rows decided (" + counts[Outcome.IMPORTED.ordinal()] + " imported, "
          + counts[Outcome.WOULD_IMPORT.ordinal()] + " would import, " + counts[Outcome.ALREADY_IMPORTED.ordinal()]
          + " already imported, " + counts[Outcome.REJECTED.ordinal()] + " rejected)";
    }

    private String seconds() {
      return String.format(java.util.Locale.ROOT, "%.1f s", (System.nanoTime() - startedAt) / 1e9);
    }

    private String who() {
      return context.actor() == null ? "an unknown user" : context.actor().username();
    }

    private void decided(Row row, AgreementId id, long line) {
      if (row.outcome() != Outcome.REJECTED) {
        taken.put(id.value(), line);
      }
    }

    private void flush() {
      if (chunk.isEmpty()) {
        return;
      }
      List<Row> rows = null;
      try {
        rows = inOneTransaction(chunk);
      } catch (RuntimeException chunkFailed) {
        // One by one, each settled as soon as it is decided: should the store fail midway, the
        // rows already stored are reported as such (see interrupted).
        for (Pending p : chunk) {
          if (report.get(p.slot()) == null) {
            settle(p, alreadyThere(p.id()) && p.request().externalReference() != null
                ? new Row(p.line(), Outcome.ALREADY_IMPORTED, p.id().value(), p.request().externalReference(), List.of())
                : importOne(p.line(), p.id(), p.request(), false, context));
          }
        }
      }
      if (rows != null) {
        for (int i = 0; i < chunk.size(); i++) {
          settle(chunk.get(i), rows.get(i));
        }
      }
      chunk.clear();
      chunkIds.clear();
    }

    private void settle(Pending p, Row row) {
      report.set(p.slot(), row);
      decided(row, p.id(), p.line());
    }

    private List<Row> inOneTransaction(List<Pending> pending) {
      UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(new GenericMessage<>("import of " + pending.size() + " rows"));
      List<Row> rows = new ArrayList<>();
      try {
        unitOfWork.attachTransaction(transactions);
        for (Pending p : pending) {
          String reference = p.request().externalReference();
          try {
            dispatcher.sendAndWait(p.id(), p.request().toCommand(p.id()), context);
            rows.add(new Row(p.line(), Outcome.IMPORTED, p.id().value(), reference, List.of()));
          } catch (RuntimeException e) {
            AgreementRefused refused = ProblemHandling.cause(e, AgreementRefused.class).orElseThrow(() -> e);
            rows.add(rejected(p.line(), reference, List.of(new Problem(null, refused.getMessage(), RuleId.names(refused.rules())))));
          }
        }
      } catch (RuntimeException e) {
        unitOfWork.rollback(e);
        throw e;
      }
      // A failed commit rolls the unit of work back itself.
      unitOfWork.commit();
      return rows;
    }
  }

  /** A row waiting for its chunk, and where its outcome goes in the report. */
  private record Pending(int slot, long line, AgreementId id, ImportRequest request) {}

  /** An exemption names its parent agreement, which the rules look up in the ledger. */
  private static boolean readsAnotherAgreement(ImportRequest request) {
    return request.exemption() != null;
  }

  /** Whether the agreement has any event: one indexed lookup, without reading its events. */
  boolean alreadyThere(AgreementId id) {
    return events.lastSequenceNumberFor(id.value()).isPresent();
  }

  /** The id an import takes: derived from the external reference where there is one, else new. */
  static AgreementId idFor(ImportRequest request) {
    String reference = request.externalReference();
    if (reference == null || reference.isBlank()) {
      return AgreementId.of(UUID.randomUUID().toString());
    }
    return AgreementId.of(UUID.nameUUIDFromBytes((REFERENCE_NAMESPACE + reference.trim()).getBytes(StandardCharsets.UTF_8)).toString());
  }

  boolean exists(AgreementId id) {
    return alreadyThere(id);
  }

  /** The row read strictly and checked against the shape rules; empty, with every problem listed, when it fails them. */
  private Optional<ImportRequest> checked(JsonNode row, List<Problem> problems) {
    if (!(row instanceof ObjectNode object)) {
      problems.add(new Problem(null, "is not a JSON object with an import's fields", List.of()));
      return Optional.empty();
    }
    Optional<ImportRequest> request = read(object.deepCopy(), problems);
    if (request.isPresent()) {
      List<String> reported = problems.stream().map(Problem::field).toList();
      validator.validate(request.get()).stream()
          .map(v -> new Problem(path(v), v.getMessage(), List.of()))
          .filter(p -> reported.stream().noneMatch(field -> field != null && p.field().startsWith(field)))
          .sorted(Comparator.comparing(Problem::field))
          .forEach(problems::add);
    }
    return problems.isEmpty() ? request : Optional.empty();
  }

  /** An import that passed the shape rules: already there, would be imported, imported, or refused by the handbook's rules. */
  Row importOne(long line, AgreementId id, ImportRequest request, boolean dryRun, CommandContext context) {
    String reference = request.externalReference();
    if (dryRun) {
      if (exists(id)) {
        return new Row(line, Outcome.ALREADY_IMPORTED, id.value(), reference, List.of());
      }
      return refusal(id, request)
          .map(refused -> rejected(line, reference, List.of(new Problem(null, refused.getMessage(), RuleId.names(refused.rules())))))
          .orElseGet(() -> new Row(line, Outcome.WOULD_IMPORT, id.value(), reference, List.of()));
    }
    try {
      dispatcher.sendAndWait(id, request.toCommand(id), context);
      return new Row(line, Outcome.IMPORTED, id.value(), reference, List.of());
    } catch (RuntimeException e) {
      // The reference was imported before (the append of the first event found the agreement), or
      // the rules refuse a row whose reference is imported already: either way, nothing to do.
      if (reference != null && exists(id)) {
        return new Row(line, Outcome.ALREADY_IMPORTED, id.value(), reference, List.of());
      }
      Optional<AgreementRefused> refused = ProblemHandling.cause(e, AgreementRefused.class);
      if (refused.isPresent()) {
        return rejected(line, reference, List.of(new Problem(null, refused.get().getMessage(), RuleId.names(refused.get().rules()))));
      }
      throw e;
    }
  }

  /**
   * What the handbook's rules say of this import, storing nothing: the aggregate's own decision,
   * the very code a real import runs, with nothing sealed or stored ({@link Agreement#preview}).
   */
  Optional<AgreementRefused> refusal(AgreementId id, ImportRequest request) {
    try {
      Agreement.preview(request.toCommand(id), ledger, clock);
      return Optional.empty();
    } catch (AgreementRefused refused) {
      return Optional.of(refused);
    } catch (RuntimeException e) {
      Optional<AgreementRefused> refused = ProblemHandling.cause(e, AgreementRefused.class);
      if (refused.isPresent()) {
        return refused;
      }
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("could not decide the import of " + id, e);
    }
  }

  /**
   * Reads the row, reporting each value of the wrong type and taking it out so the next one is
   * found too. Empty when the row cannot be read at all.
   */
  private Optional<ImportRequest> read(ObjectNode row, List<Problem> problems) {
    for (int attempt = 0; attempt < MAX_TYPE_PROBLEMS; attempt++) {
      try {
        return Optional.of(strict.mapper().treeToValue(row, ImportRequest.class));
      } catch (JsonMappingException e) {
        if (e.getPath().isEmpty()) {
          problems.add(new Problem(null, "cannot be read as an import", List.of()));
          return Optional.empty();
        }
        Violation violation = ProblemHandling.violation(e);
        problems.add(new Problem(violation.field(), violation.message(), List.of()));
        if (!setAside(row, e.getPath())) {
          return Optional.empty();
        }
      } catch (Exception e) {
        problems.add(new Problem(null, "cannot be read as an import", List.of()));
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** Removes the value at {@code path} (a field) or nulls it (an array element); false when there is nothing to take out. */
  private static boolean setAside(ObjectNode row, List<JsonMappingException.Reference> path) {
    JsonNode parent = row;
    for (int i = 0; i < path.size() - 1; i++) {
      JsonMappingException.Reference step = path.get(i);
      parent = step.getFieldName() != null ? parent.path(step.getFieldName()) : parent.path(step.getIndex());
    }
    JsonMappingException.Reference last = path.get(path.size() - 1);
    if (last.getFieldName() != null && parent instanceof ObjectNode object && object.has(last.getFieldName())) {
      object.remove(last.getFieldName());
      return true;
    }
    if (last.getFieldName() == null && last.getIndex() >= 0 && parent instanceof ArrayNode array && last.getIndex() < array.size()
        && !array.get(last.getIndex()).isNull()) {
      array.set(last.getIndex(), NullNode.getInstance());
      return true;
    }
    return false;
  }

  private static String path(ConstraintViolation<?> violation) {
    return violation.getPropertyPath().toString().replace(".<list element>", "").replace("<list element>", "");
  }

  private static Row rejected(long line, String reference, List<Problem> problems) {
    return new Row(line, Outcome.REJECTED, null, reference, List.copyOf(problems));
  }
}
