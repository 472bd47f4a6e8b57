package gov.ice.registry.agreement.api;

/** A person named in the terms. Personal data: kept apart so it can be erased on a lawful request. */
public record PointOfContact(String name, String email, String phone, String party) {

  /** The contact as it stands after an erasure: the party it speaks for, nothing about the person. */
  public PointOfContact withoutPersonalData() {
    return new PointOfContact(null, null, null, party);
  }
}
