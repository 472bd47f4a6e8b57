package gov.ice.registry.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

  final TrustedProxies proxies = new TrustedProxies(List.of("10.0.0.0/8", "192.168.1.5", "fd00::/8"));

  @Test
  void takesTheRightMostForwardedEntryThatIsNotATrustedProxy() {
    assertThat(proxies.client("10.1.1.1", List.of("203.0.113.7"))).isEqualTo("203.0.113.7");
    assertThat(proxies.client("10.1.1.1", List.of("6.6.6.6, 203.0.113.7, 192.168.1.5"))).isEqualTo("203.0.113.7");
    assertThat(proxies.client("10.1.1.1", List.of("6.6.6.6", "203.0.113.7"))).isEqualTo("203.0.113.7");
    assertThat(proxies.client("10.1.1.1", List.of("2001:db8::1, fd00::2"))).isEqualTo("2001:db8::1");
  }

  @Test
  void keepsThePeerWithoutAForwardedEntryAndTheLastVouchedHopBeforeGarbage() {
    assertThat(proxies.client("10.1.1.1", null)).isEqualTo("10.1.1.1");
    assertThat(proxies.client("10.1.1.1", List.of("evil.example, 10.2.2.2"))).isEqualTo("10.2.2.2");
    assertThat(proxies.client("10.1.1.1", List.of("999.1.1.1"))).isEqualTo("10.1.1.1");
  }

  @Test
  void acceptsOnlyLiteralsNeverNamesToLookUp() {
    assertThat(TrustedProxies.literal("203.0.113.7")).isTrue();
    assertThat(TrustedProxies.literal("::1")).isTrue();
    assertThat(TrustedProxies.literal("abc")).isFalse();
    assertThat(TrustedProxies.literal("localhost")).isFalse();
    assertThat(TrustedProxies.literal("256.1.1.1")).isFalse();
    assertThatThrownBy(() -> new TrustedProxies(List.of("proxy.internal"))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TrustedProxies(List.of("10.0.0.0/33"))).isInstanceOf(IllegalArgumentException.class);
  }
}
