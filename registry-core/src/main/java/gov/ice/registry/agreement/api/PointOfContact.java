package gov.ice.registry.agreement.api;

/** A person named in the terms. Personal data: kept apart so it can be erased on a lawful request. */
public record PointOfContact(String name, String email, String phone, String party) {}
