package gov.ice.registry.security;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * The client's real address, which sign-in throttling and the security events count by. Only
 * when the direct peer is one of {@code registry.http.trusted-proxies} (addresses or CIDR
 * ranges) are its {@code X-Forwarded-For} and {@code X-Forwarded-Proto} believed: the client
 * is the right-most {@code X-Forwarded-For} entry that is not itself a trusted proxy (each
 * proxy appends the peer it saw, so entries to the left of it are whatever the client chose
 * to send). From any other peer both headers are ignored. Spring's own {@code
 * ForwardedHeaderTransformer} (and {@code server.forward-headers-strategy}) believes every
 * peer, and Boot offers no list of trusted proxies for Reactor Netty: hence this filter, ahead
 * of every other.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public final class TrustedProxies implements WebFilter {

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  /** An IPv6 literal: hex digits, colons (at least one) and dots; never a host name to look up. */
  private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

  private final List<Range> trusted;

  public TrustedProxies(@Value("${registry.http.trusted-proxies:}") List<String> trusted) {
    this.trusted = trusted.stream().map(String::trim).filter(s -> !s.isEmpty()).map(TrustedProxies::matcher).toList();
  }

  private static Range matcher(String range) {
    String address = range.contains("/") ? range.substring(0, range.indexOf('/')) : range;
    if (!literal(address)) {
      throw new IllegalArgumentException("registry.http.trusted-proxies takes IP addresses or CIDR ranges, not \"" + range + "\"");
    }
    byte[] bytes = bytes(address);
    int bits = range.contains("/") ? Integer.parseInt(range.substring(range.indexOf('/') + 1)) : bytes.length * 8;
    if (bits < 0 || bits > bytes.length * 8) {
      throw new IllegalArgumentException("registry.http.trusted-proxies: no such prefix length in \"" + range + "\"");
    }
    return new Range(bytes, bits);
  }

  /**
   * An address and prefix length. Spring Security's {@code IpAddressMatcher} does the same but
   * belongs to its servlet side, which this WebFlux application does not carry.
   */
  private record Range(byte[] network, int bits) {

    boolean matches(String address) {
      byte[] candidate = bytes(address);
      if (candidate.length != network.length) {
        return false;
      }
      for (int bit = 0; bit < bits; bit++) {
        int mask = 0x80 >> (bit % 8);
        if ((candidate[bit / 8] & mask) != (network[bit / 8] & mask)) {
          return false;
        }
      }
      return true;
    }
  }

  /** The bytes of a literal already checked by {@link #literal}: no lookup happens. */
  private static byte[] bytes(String literal) {
    try {
      return InetAddress.getByName(literal).getAddress();
    } catch (UnknownHostException malformed) {
      throw new IllegalArgumentException(malformed);
    }
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    ServerHttpRequest request = exchange.getRequest();
    InetSocketAddress peer = request.getRemoteAddress();
    if (trusted.isEmpty() || peer == null || peer.getAddress() == null || !trusted(peer.getAddress().getHostAddress())) {
      return chain.filter(exchange);
    }
    String client = client(peer.getAddress().getHostAddress(), request.getHeaders().get("X-Forwarded-For"));
    String proto = request.getHeaders().getFirst("X-Forwarded-Proto");
    ServerHttpRequest.Builder forwarded = request.mutate();
    try {
      forwarded.remoteAddress(new InetSocketAddress(InetAddress.getByName(client), peer.getPort()));
    } catch (UnknownHostException notALiteral) {
      // client() only answers literals, which never need a lookup.
    }
    if ("https".equalsIgnoreCase(proto) || "http".equalsIgnoreCase(proto)) {
      URI uri = UriComponentsBuilder.fromUri(request.getURI()).scheme(proto.toLowerCase(Locale.ROOT)).build(true).toUri();
      forwarded.uri(uri);
    }
    return chain.filter(exchange.mutate().request(forwarded.build()).build());
  }

  /** The client behind a trusted peer: the right-most forwarded entry that is not a trusted proxy. */
  String client(String peer, List<String> forwardedFor) {
    String client = peer;
    if (forwardedFor == null) {
      return client;
    }
    List<String> hops = forwardedFor.stream().flatMap(h -> Arrays.stream(h.split(","))).map(String::trim).toList();
    for (int i = hops.size() - 1; i >= 0; i--) {
      String hop = hops.get(i);
      if (!literal(hop)) {
        // Garbage where an address should be: the last hop a trusted proxy vouched for is all we know.
        return client;
      }
      client = hop;
      if (!trusted(hop)) {
        return client;
      }
    }
    return client;
  }

  private boolean trusted(String address) {
    return literal(address) && trusted.stream().anyMatch(range -> range.matches(address));
  }

  /**
   * An IPv4 or IPv6 literal. Checked by shape before {@link InetAddress#getByName} sees it: given
   * anything else, that would look the name up in DNS.
   */
  static boolean literal(String address) {
    boolean shaped = IPV4.matcher(address).matches() && Arrays.stream(address.split("\\.")).allMatch(o -> Integer.parseInt(o) <= 255)
        || address.length() <= 45 && IPV6.matcher(address).matches();
    if (!shaped) {
      return false;
    }
    try {
      InetAddress.getByName(address);
      return true;
    } catch (UnknownHostException malformed) {
      return false;
    }
  }
}
