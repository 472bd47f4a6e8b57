package gov.ice.registry.notice;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code registry.reminders}: after how many business days an open concurrence, clearance or
 * signature is reminded ({@code business-days}, default 10), and per holder where it differs
 * ({@code holders.OPLA: 5}, {@code holders.IGP: 15}, {@code holders.HSI_EAD: 20}: an office, IGP for
 * clearance, or a signatory authority). A step is reminded once at each multiple of its threshold it
 * reaches (10, 20, 30 ... business days).
 */
@ConfigurationProperties("registry.reminders")
public record ReminderProperties(Integer businessDays, Map<String, Integer> holders) {

  public static final int DEFAULT_BUSINESS_DAYS = 10;

  public ReminderProperties {
    businessDays = businessDays == null ? DEFAULT_BUSINESS_DAYS : businessDays;
    if (businessDays < 1) {
      throw new IllegalArgumentException("registry.reminders.business-days is at least 1");
    }
    holders = holders == null ? Map.of() : Map.copyOf(holders);
    holders.forEach((holder, days) -> {
      if (days == null || days < 1) {
        throw new IllegalArgumentException("registry.reminders.holders." + holder + " is at least 1");
      }
    });
  }

  public static ReminderProperties defaults() {
    return new ReminderProperties(null, null);
  }

  /** The threshold for {@code holder}. */
  public int threshold(String holder) {
    return holders.getOrDefault(holder, businessDays);
  }
}
