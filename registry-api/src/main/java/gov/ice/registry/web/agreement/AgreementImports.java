package gov.ice.registry.web.agreement;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gov.ice.registry.agreement.LedgerReader;
import gov.ice.registry.agreement.api.AgreementId;
import gov.ice.registry.agreement.api.AgreementRefused;
import gov.ice.registry.web.StrictJson;
import gov.ice.registry.web.agreement.AgreementRequests.ImportRequest;
import gov.ice.registry.web.agreement.CommandDispatcher.CommandContext;
import gov.ice.registry.web.agreement.ImportReport.Outcome;
import gov.ice.registry.web.agreement.ImportReport.Problem;
import gov.ice.registry.web.agreement.ImportReport.Row;
import gov.ice.registry.web.problem.ProblemHandling;
import gov.ice.registry.web.problem.Problems.Violation;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingModificationException;
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
 * shape rules, then (on a real run) the handbook's rules. Blocking: callers run it off the event loop.
 */
@Component
class AgreementImports {

  /** Enough to report every field of a row that is wrong in every field. */
  private static final int MAX_TYPE_PROBLEMS = 100;
  private static final String REFERENCE_NAMESPACE = "isaa-registry:external-reference:";

  private final StrictJson.RequestMapper strict;
  private final Validator validator;
  private final CommandDispatcher dispatcher;
  private final LedgerReader ledger;

  AgreementImports(StrictJson.RequestMapper strict, Validator validator, CommandDispatcher dispatcher, LedgerReader ledger) {
    this.strict = strict;
    this.validator = validator;
    this.dispatcher = dispatcher;
    this.ledger = ledger;
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
    return ledger.statusOf(id).isPresent();
  }

  /** One row of a bulk import, from its JSON form. */
  Row importRow(long line, JsonNode row, boolean dryRun, CommandContext context) {
    if (!(row instanceof ObjectNode object)) {
      return rejected(line, null, List.of(new Problem(null, "is not a JSON object with an import's fields", List.of())));
    }
    String reference = object.path("externalReference").isTextual() ? object.path("externalReference").asText() : null;
    List<Problem> problems = new ArrayList<>();
    Optional<ImportRequest> request = read(object.deepCopy(), problems);
    if (request.isPresent()) {
      List<String> reported = problems.stream().map(Problem::field).toList();
      validator.validate(request.get()).stream()
          .map(v -> new Problem(path(v), v.getMessage(), List.of()))
          .filter(p -> reported.stream().noneMatch(field -> field != null && p.field().startsWith(field)))
          .sorted(Comparator.comparing(Problem::field))
          .forEach(problems::add);
    }
    if (!problems.isEmpty() || request.isEmpty()) {
      return rejected(line, reference, problems);
    }
    return importOne(line, request.get(), dryRun, context);
  }

  /** An import that passed the shape rules: already there, would be imported, imported, or refused by the handbook's rules. */
  Row importOne(long line, ImportRequest request, boolean dryRun, CommandContext context) {
    AgreementId id = idFor(request);
    String reference = request.externalReference();
    if (exists(id)) {
      return new Row(line, Outcome.ALREADY_IMPORTED, id.value(), reference, List.of());
    }
    if (dryRun) {
      return new Row(line, Outcome.WOULD_IMPORT, id.value(), reference, List.of());
    }
    try {
      dispatcher.dispatch(id, request.toCommand(id), context).block();
      return new Row(line, Outcome.IMPORTED, id.value(), reference, List.of());
    } catch (RuntimeException e) {
      Optional<AgreementRefused> refused = ProblemHandling.cause(e, AgreementRefused.class);
      if (refused.isPresent()) {
        return rejected(line, reference, List.of(new Problem(null, refused.get().getMessage(), refused.get().rules())));
      }
      boolean raced = ProblemHandling.cause(e, ConcurrencyException.class).isPresent()
          || ProblemHandling.cause(e, ConflictingModificationException.class).isPresent();
      if (raced && exists(id)) {
        return new Row(line, Outcome.ALREADY_IMPORTED, id.value(), reference, List.of());
      }
      throw e;
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
