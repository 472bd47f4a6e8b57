package gov.ice.registry.web.input;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The registry's strict request mapper for tests outside this package (an import row read as the endpoint reads it). */
public final class StrictJsonAccess {

  private StrictJsonAccess() {}

  public static ObjectMapper strictMapper() {
    return StrictJson.strict(new ObjectMapper().findAndRegisterModules());
  }
}
