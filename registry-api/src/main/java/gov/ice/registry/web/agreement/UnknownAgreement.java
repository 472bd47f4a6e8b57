package gov.ice.registry.web.agreement;

/** No agreement has this id: a 404. */
public class UnknownAgreement extends RuntimeException {

  public UnknownAgreement(String id) {
    super("No agreement has the id " + id);
  }
}
