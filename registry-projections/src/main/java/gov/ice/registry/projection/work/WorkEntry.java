package gov.ice.registry.projection.work;

import gov.ice.registry.agreement.api.SignatoryAuthority;
import gov.ice.registry.agreement.api.StakeholderOffice;
import java.time.LocalDate;

/** One item of a work queue, as answered: what waits, why, for whom, since when, and how many business days that is. */
public record WorkEntry(String agreementId, String title, WorkReason reason, StakeholderOffice office,
    SignatoryAuthority authority, LocalDate since, int businessDays) {}
