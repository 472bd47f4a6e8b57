package gov.ice.registry.web.admin;

import java.util.List;

/** A rebuild named no read model: answered 404. */
public class UnknownProjection extends RuntimeException {

  public UnknownProjection(String name, List<String> known) {
    super("No read model is called '" + name + "'; the read models are " + known);
  }
}
