package gov.ice.registry.web.agreement;

/** A request that is well formed JSON but invalid in a way bean validation cannot see: a 400 naming the field. */
public class InvalidRequest extends RuntimeException {

  private final String field;
  private final String fieldMessage;

  public InvalidRequest(String field, String fieldMessage) {
    super(field + " " + fieldMessage);
    this.field = field;
    this.fieldMessage = fieldMessage;
  }

  public String field() {
    return field;
  }

  public String fieldMessage() {
    return fieldMessage;
  }
}
