package gov.ice.registry.agreement;

import gov.ice.registry.agreement.api.AgreementId;
import gov.ice.registry.agreement.api.AgreementRefused;
import gov.ice.registry.agreement.api.AgreementStatus;
import gov.ice.registry.agreement.api.RefusalCode;
import java.time.LocalDate;
import java.util.List;

/** The small checks every stage's decisions share: status, required ids and dates. */
final class Checks {

  private Checks() {}

  static void requireStatus(AgreementState state, String action, AgreementStatus... allowed) {
    for (AgreementStatus status : allowed) {
      if (state.status() == status) {
        return;
      }
    }
    throw new AgreementRefused(RefusalCode.WRONG_STATUS,
        "cannot " + action + " while the agreement is " + state.status() + "; allowed in " + List.of(allowed));
  }

  static void requireId(AgreementId id) {
    if (id == null) {
      throw new AgreementRefused(RefusalCode.PROFILE_INVALID, "an agreement needs an id");
    }
  }

  static void requireDate(String field, LocalDate date) {
    if (date == null) {
      throw new AgreementRefused(RefusalCode.DATE_INVALID, field + " is required");
    }
  }

  static void notInFuture(String field, LocalDate date, LocalDate today) {
    requireDate(field, date);
    if (date.isAfter(today)) {
      throw new AgreementRefused(RefusalCode.DATE_INVALID, field + " " + date + " is in the future (today is " + today + ")");
    }
  }

  static void notBefore(String field, LocalDate date, String otherField, LocalDate other) {
    if (other != null && date.isBefore(other)) {
      throw new AgreementRefused(RefusalCode.DATE_INVALID, field + " " + date + " is before " + otherField + " " + other);
    }
  }
}
