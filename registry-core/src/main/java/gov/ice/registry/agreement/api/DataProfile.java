package gov.ice.registry.agreement.api;

/**
 * What the agreement shares, from which the required stakeholders (S1-S10), the blocking rules
 * (B1-B3) and the scope follow. {@code exceptionCitation} names the statutory exception that lets
 * section 1367 or protected-application data be shared at all.
 */
public record DataProfile(
    boolean pii,
    boolean sensitivePii,
    Marking marking,
    boolean intelligenceCommunityInformation,
    boolean leisService,
    boolean chis,
    boolean securityRelated,
    boolean protectedClasses,
    boolean section1367,
    boolean protectedApplications,
    String exceptionCitation,
    boolean bulkTransfer,
    boolean newPurpose,
    boolean itInterconnection,
    boolean novelLegalIssue,
    boolean receiptOnly,
    boolean multipleDhsComponents) {

  public DataProfile {
    if (marking == null) {
      marking = Marking.NONE;
    }
  }

  public boolean hasExceptionCitation() {
    return exceptionCitation != null && !exceptionCitation.isBlank();
  }
}
