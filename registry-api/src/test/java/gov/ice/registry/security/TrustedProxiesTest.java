package gov.ice.registry.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

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
  void believesATrustedPeersForwardedHeadersAndDropsThem() {
    ServerHttpRequest forwarded = proxies.apply(MockServerHttpRequest.get("http://registry/api/agreements")
        .remoteAddress(new InetSocketAddress("10.1.1.1", 40000))
        .header("X-Forwarded-For", "6.6.6.6, 203.0.113.7").header("X-Forwarded-Proto", "https").build());
    assertThat(forwarded.getRemoteAddress().getAddress().getHostAddress()).isEqualTo("203.0.113.7");
    assertThat(forwarded.getURI().getScheme()).isEqualTo("https");
    assertThat(forwarded.getHeaders()).doesNotContainKeys("X-Forwarded-For", "X-Forwarded-Proto");
  }

  @Test
  void ignoresAndDropsTheForwardedHeadersOfAnyOtherPeer() {
    ServerHttpRequest spoofed = proxies.apply(MockServerHttpRequest.get("http://registry/api/agreements")
        .remoteAddress(new InetSocketAddress("203.0.113.50", 40000))
        .header("X-Forwarded-For", "198.51.100.1").header("X-Forwarded-Proto", "https").header("Forwarded", "for=1.2.3.4").build());
    assertThat(spoofed.getRemoteAddress().getAddress().getHostAddress()).isEqualTo("203.0.113.50");
    assertThat(spoofed.getURI().getScheme()).isEqualTo("http");
    assertThat(spoofed.getHeaders()).doesNotContainKeys("X-Forwarded-For", "X-Forwarded-Proto", "Forwarded");
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

  @Test
  void refusesToStartBesideNettysOwnForwardedHeaders() {
    assertThatThrownBy(() -> new TrustedProxies(List.of("10.0.0.0/8"), "NATIVE")).hasMessageContaining("REGISTRY_HTTP_TRUSTED_PROXIES");
  }
}
