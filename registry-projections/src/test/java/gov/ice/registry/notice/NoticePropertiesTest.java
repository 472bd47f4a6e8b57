package gov.ice.registry.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class NoticePropertiesTest {

  @Test
  void webhooksWaitFiveSecondsThenDoubleUpToAnHourByDefault() {
    NoticeProperties defaults = NoticeProperties.defaults();

    assertThat(IntStream.rangeClosed(1, 4).mapToObj(defaults::backoffAfter))
        .containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(40));
    assertThat(defaults.backoffAfter(20)).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void theWaitNeverExceedsTheLongestConfigured() {
    NoticeProperties properties = new NoticeProperties(null, null, 8, Duration.ofSeconds(10), Duration.ofSeconds(25), null);

    assertThat(IntStream.rangeClosed(1, 4).mapToObj(properties::backoffAfter))
        .containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(25), Duration.ofSeconds(25));
  }
}
