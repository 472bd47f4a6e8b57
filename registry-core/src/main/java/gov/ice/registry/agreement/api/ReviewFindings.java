package gov.ice.registry.agreement.api;

/** What a biennial review found (section "Maintenance, Auditing, and Termination"). */
public record ReviewFindings(
    boolean missionSupported,
    boolean termsCompliant,
    boolean partiesAdhere,
    boolean trainingCurrent,
    boolean contactsCurrent) {}
