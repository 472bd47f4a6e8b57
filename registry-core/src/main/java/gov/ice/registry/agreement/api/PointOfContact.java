package gov.ice.registry.agreement.api;

/**
 * A person named in the terms (section VI of the DHS template): name, position title and
 * organization, email and phone, and the party the person speaks for. Personal data: kept apart
 * so it can be erased on a lawful request. Events stored before {@code title} and
 * {@code organization} existed read with both null.
 */
public record PointOfContact(String name, String title, String organization, String email, String phone, String party) {

  /** A contact without a title or an organization, as contacts were first recorded. */
  public PointOfContact(String name, String email, String phone, String party) {
    this(name, null, null, email, phone, party);
  }

  /** The contact as it stands after an erasure: the party it speaks for, nothing about the person. */
  public PointOfContact withoutPersonalData() {
    return new PointOfContact(null, null, null, null, null, party);
  }
}
