package gov.ice.registry.agreement.api;

/**
 * An Appendix B exemption claimed for the agreement, by number (1-16). {@code approvedBy} is the
 * approving EAD for exemption 7; {@code parentAgreementId} the executed ISAA that exemptions 9,
 * 12, 13 and 14 rest on.
 */
public record Exemption(int number, String reason, String approvedBy, String parentAgreementId) {}
