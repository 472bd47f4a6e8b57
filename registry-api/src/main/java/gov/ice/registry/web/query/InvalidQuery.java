package gov.ice.registry.web.query;

import java.util.List;

/** Query parameters that cannot be understood: answered 400 with one violation per parameter. */
public class InvalidQuery extends RuntimeException {

  /** One invalid parameter, named as in the URL. */
  public record Violation(String field, String message) {}

  private final List<Violation> violations;

  public InvalidQuery(List<Violation> violations) {
    super(violations.size() + " invalid query parameter(s)");
    this.violations = List.copyOf(violations);
  }

  public List<Violation> violations() {
    return violations;
  }
}
