package gov.ice.registry.agreement.api;

/**
 * The number of an Appendix B exemption as a profile claims it. Appendix B has 1 to 16; a claim
 * of another number is a value the domain refuses with its rule ({@code APPENDIX_B}), not one that
 * cannot be written down, so any int is kept. Stored and over HTTP it is the plain JSON number.
 */
public record ExemptionNumber(int value) {

  public static ExemptionNumber of(int value) {
    return new ExemptionNumber(value);
  }

  @Override
  public String toString() {
    return Integer.toString(value);
  }
}
