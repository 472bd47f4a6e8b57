package gov.ice.registry.web.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import gov.ice.registry.agreement.api.Marking;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The request reader: a value reads one way or is refused, never coerced into something else. */
class StrictJsonTest {

  record Profile(boolean pii, Boolean bulkTransfer, Marking marking, LocalDate effectiveDate) {}

  private final ObjectMapper strict = StrictJson.strict(new ObjectMapper().findAndRegisterModules());

  @Test
  void readsWhatTheContractSays() throws Exception {
    Profile profile = strict.readValue("{\"pii\":true,\"bulkTransfer\":false,\"marking\":\"CUI\",\"effectiveDate\":\"2026-01-15\"}", Profile.class);
    assertThat(profile).isEqualTo(new Profile(true, false, Marking.CUI, LocalDate.of(2026, 1, 15)));
    // An absent flag stays absent (false, or null for an optional one); only an explicit null is refused.
    Profile absent = strict.readValue("{\"marking\":\"CUI\"}", Profile.class);
    assertThat(absent.pii()).isFalse();
    assertThat(absent.bulkTransfer()).isNull();
  }

  @Test
  void aFlagIsTrueOrFalseNeverNull() {
    assertThatThrownBy(() -> strict.readValue("{\"pii\":null}", Profile.class)).isInstanceOf(MismatchedInputException.class);
    assertThatThrownBy(() -> strict.readValue("{\"bulkTransfer\":null}", Profile.class)).isInstanceOf(MismatchedInputException.class);
  }

  @Test
  void aDateIsADateNotADateTime() {
    assertThatThrownBy(() -> strict.readValue("{\"effectiveDate\":\"2026-01-15T10:00:00\"}", Profile.class))
        .isInstanceOf(MismatchedInputException.class);
    assertThatThrownBy(() -> strict.readValue("{\"effectiveDate\":\"2026-01-15T10:00:00Z\"}", Profile.class))
        .isInstanceOf(MismatchedInputException.class);
  }

  @Test
  void anEnumValueIsSpelledExactly() {
    assertThatThrownBy(() -> strict.readValue("{\"marking\":\"CUI \"}", Profile.class)).isInstanceOf(MismatchedInputException.class);
    assertThatThrownBy(() -> strict.readValue("{\"marking\":\"cui\"}", Profile.class)).isInstanceOf(MismatchedInputException.class);
  }
}
