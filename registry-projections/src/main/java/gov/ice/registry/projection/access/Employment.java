package gov.ice.registry.projection.access;

/** Whom a user works for, as the markings ask it: FED ONLY, FEDCON and NOCON turn on it. */
public enum Employment {
  FEDERAL,
  CONTRACTOR
}
