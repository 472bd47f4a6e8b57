package gov.ice.registry.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PasswordCheckCacheTest {

  final SignInThrottleTest.MovingClock clock = new SignInThrottleTest.MovingClock();
  final PasswordCheckCache cache = new PasswordCheckCache(Duration.ofMinutes(2), clock);

  @Test
  void remembersAMatchOnlyForTheSameStoredPasswordAndOnlyForItsTime() {
    cache.matched("pat", "{noop}registry", "registry");
    assertThat(cache.recentlyMatched("pat", "{noop}registry", "registry")).isTrue();
    assertThat(cache.recentlyMatched("pat", "{noop}changed", "registry")).as("a changed password in the users file").isFalse();
    assertThat(cache.recentlyMatched("pat", "{noop}registry", "registry2")).isFalse();
    assertThat(cache.recentlyMatched("ivy", "{noop}registry", "registry")).isFalse();
    clock.now = clock.now.plus(Duration.ofMinutes(2));
    assertThat(cache.recentlyMatched("pat", "{noop}registry", "registry")).isFalse();
  }

  @Test
  void keysDoNotRunTogether() {
    cache.matched("pa", "t{noop}x", "y");
    assertThat(cache.recentlyMatched("pat", "{noop}x", "y")).isFalse();
  }
}
