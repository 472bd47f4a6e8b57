package gov.ice.registry.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

  /** A clock the test moves by hand. */
  static final class MovingClock extends Clock {
    Instant now = Instant.parse("2026-11-30T12:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  final MovingClock clock = new MovingClock();
  final SignInThrottle throttle = new SignInThrottle(
      new SecurityProperties.SignIn(3, 5, Duration.ofMinutes(15), Duration.ofMinutes(5), null), clock);

  @Test
  void locksAUserOutAfterTheLimitForTheLockoutWhicheverAddressTries() {
    throttle.failed("pat", "10.0.0.1");
    throttle.failed("pat", "10.0.0.2");
    assertThat(throttle.waitFor("pat", "10.0.0.3")).isZero();
    throttle.failed("pat", "10.0.0.3");
    assertThat(throttle.waitFor("pat", "10.0.0.4")).isEqualTo(Duration.ofMinutes(5));
    assertThat(throttle.waitFor("ivy", "10.0.0.4")).isZero();
    clock.now = clock.now.plus(Duration.ofMinutes(5));
    assertThat(throttle.waitFor("pat", "10.0.0.4")).isZero();
  }

  @Test
  void locksAnAddressOutThatTriesManyUsers() {
    for (String user : new String[] {"a", "b", "c", "d", "e"}) {
      throttle.failed(user, "10.0.0.9");
    }
    assertThat(throttle.waitFor("f", "10.0.0.9")).isEqualTo(Duration.ofMinutes(5));
    assertThat(throttle.waitFor("f", "10.0.0.8")).isZero();
  }

  @Test
  void forgetsFailuresOutsideTheWindowAndAfterASuccess() {
    throttle.failed("pat", "10.0.0.1");
    throttle.failed("pat", "10.0.0.1");
    clock.now = clock.now.plus(Duration.ofMinutes(16));
    throttle.failed("pat", "10.0.0.1");
    assertThat(throttle.waitFor("pat", "10.0.0.1")).isZero();
    throttle.failed("pat", "10.0.0.1");
    throttle.succeeded("pat");
    throttle.failed("pat", "10.0.0.1");
    assertThat(throttle.waitFor("pat", "10.0.0.1")).isZero();
  }
}
