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
  /** 3 free failures per pair, 5 per address with unknown names; waits from 1 s doubling up to 60 s, forgotten after 15 min. */
  final SignInThrottle throttle = new SignInThrottle(
      new SecurityProperties.SignIn(3, 5, Duration.ofMinutes(15), Duration.ofSeconds(60), null, Duration.ofSeconds(1)), clock);

  Duration waitFor(String user, String address) {
    return throttle.waitFor(user, address).duration();
  }

  void wrong(String user, String address, int times) {
    for (int i = 0; i < times; i++) {
      throttle.failed(user, address, true);
    }
  }

  @Test
  void slowsDownTheGuessingPairOnlyNeverTheSameUserElsewhere() {
    wrong("pat", "10.0.0.1", 3);
    assertThat(waitFor("pat", "10.0.0.1")).isEqualTo(Duration.ofSeconds(1));
    assertThat(throttle.waitFor("pat", "10.0.0.1").basis()).isEqualTo(SignInThrottle.Basis.USER_AND_ADDRESS);
    assertThat(waitFor("pat", "10.0.0.2")).as("the user from an address that has not failed").isZero();
    assertThat(waitFor("ivy", "10.0.0.1")).as("another user known at the guessing address").isZero();
  }

  @Test
  void growsTheWaitByDoublingUpToTheCapRatherThanOneLongLock() {
    wrong("pat", "10.0.0.1", 3);
    assertThat(waitFor("pat", "10.0.0.1")).isEqualTo(Duration.ofSeconds(1));
    wrong("pat", "10.0.0.1", 1);
    assertThat(waitFor("pat", "10.0.0.1")).isEqualTo(Duration.ofSeconds(2));
    wrong("pat", "10.0.0.1", 1);
    assertThat(waitFor("pat", "10.0.0.1")).isEqualTo(Duration.ofSeconds(4));
    wrong("pat", "10.0.0.1", 20);
    assertThat(waitFor("pat", "10.0.0.1")).as("capped").isEqualTo(Duration.ofSeconds(60));
    clock.now = clock.now.plusSeconds(59);
    assertThat(waitFor("pat", "10.0.0.1")).isEqualTo(Duration.ofSeconds(1));
    clock.now = clock.now.plusSeconds(1);
    assertThat(waitFor("pat", "10.0.0.1")).isZero();
  }

  @Test
  void aRefusedAttemptIsNotCountedSoItNeverLengthensTheWait() {
    wrong("pat", "10.0.0.1", 3);
    for (int i = 0; i < 10; i++) {
      assertThat(waitFor("pat", "10.0.0.1")).isEqualTo(Duration.ofSeconds(1));
    }
    clock.now = clock.now.plusSeconds(1);
    assertThat(waitFor("pat", "10.0.0.1")).isZero();
  }

  @Test
  void slowsDownAnAddressThatTriesUnknownNamesForEveryNameItTriesButNoOtherAddress() {
    for (String user : new String[] {"a", "b", "c", "d", "e"}) {
      throttle.failed(user, "10.0.0.9", false);
    }
    assertThat(waitFor("pat", "10.0.0.9")).isEqualTo(Duration.ofSeconds(1));
    assertThat(throttle.waitFor("pat", "10.0.0.9").basis()).isEqualTo(SignInThrottle.Basis.ADDRESS);
    assertThat(waitFor("pat", "10.0.0.8")).isZero();
  }

  @Test
  void doesNotCountKnownUsersWrongPasswordsAgainstTheAddress() {
    for (String user : new String[] {"a", "b", "c", "d", "e", "f"}) {
      throttle.failed(user, "10.0.0.9", true);
    }
    assertThat(waitFor("g", "10.0.0.9")).isZero();
  }

  @Test
  void forgetsFailuresAWindowAfterTheLastAndAPairsFailuresAfterItsSuccess() {
    wrong("pat", "10.0.0.1", 2);
    clock.now = clock.now.plus(Duration.ofMinutes(16));
    wrong("pat", "10.0.0.1", 2);
    assertThat(waitFor("pat", "10.0.0.1")).isZero();
    throttle.succeeded("pat", "10.0.0.1");
    wrong("pat", "10.0.0.1", 2);
    assertThat(waitFor("pat", "10.0.0.1")).isZero();
  }

  @Test
  void aSuccessDoesNotClearTheAddressesUnknownNameFailures() {
    for (String user : new String[] {"a", "b", "c", "d", "e"}) {
      throttle.failed(user, "10.0.0.9", false);
    }
    throttle.succeeded("pat", "10.0.0.9");
    assertThat(waitFor("x", "10.0.0.9")).isEqualTo(Duration.ofSeconds(1));
  }
}
