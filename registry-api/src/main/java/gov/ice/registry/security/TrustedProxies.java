package gov.ice.registry.security;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.adapter.ForwardedHeaderTransformer;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The client's real address, which sign-in throttling and the security events count by. Only
 * when the direct peer is one of {@code registry.http.trusted-proxies} (addresses or CIDR
 * ranges) are its {@code X-Forwarded-For} and {@code X-Forwarded-Proto} believed: the client
 * is the right-most {@code X-Forwarded-For} entry that is not itself a trusted proxy (each
 * proxy appends the peer it saw, so entries to the left of it are whatever the client chose
 * to send). From any other peer the forwarded headers are dropped unread. Spring's own {@code
 * ForwardedHeaderTransformer} (and {@code server.forward-headers-strategy}) believes every
 * peer, and Boot offers no list of trusted proxies for Reactor Netty: this one takes its place
 * (the bean's name is the one the web handler looks for), so it runs before any filter and
 * before the session is read, whose cookie is marked Secure when the request was https.
 */
@Component(WebHttpHandlerBuilder.FORWARDED_HEADER_TRANSFORMER_BEAN_NAME)
public final class TrustedProxies extends ForwardedHeaderTransformer {

  private static final Set<String> FORWARDED = Set.of("forwarded", "x-forwarded-for", "x-forwarded-proto", "x-forwarded-host",
      "x-forwarded-port", "x-forwarded-prefix", "x-forwarded-ssl");
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  /** An IPv6 literal: hex digits, colons (at least one) and dots; never a host name to look up. */
  private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");
  /** More hops than any real chain of proxies: the rest is not read. */
  private static final int MAX_HOPS = 20;

  private final List<Range> trusted;

  public TrustedProxies(@Value("${registry.http.trusted-proxies:}") List<String> trusted) {
    this(trusted, "none");
  }

  /** Refuses to start beside Reactor Netty's own forwarded-header support, which rewrites the peer's address before this sees it. */
  @Autowired
  public TrustedProxies(@Value("${registry.http.trusted-proxies:}") List<String> trusted,
      @Value("${server.forward-headers-strategy:none}") String strategy) {
    if ("native".equalsIgnoreCase(strategy.trim())) {
      throw new IllegalStateException("server.forward-headers-strategy=native believes X-Forwarded-For from any client;"
          + " leave it unset and name the proxies in REGISTRY_HTTP_TRUSTED_PROXIES instead");
    }
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
  public ServerHttpRequest apply(ServerHttpRequest request) {
    InetSocketAddress peer = request.getRemoteAddress();
    boolean fromProxy = !trusted.isEmpty() && peer != null && peer.getAddress() != null && trusted(peer.getAddress().getHostAddress());
    boolean forwarded = request.getHeaders().keySet().stream().anyMatch(name -> FORWARDED.contains(name.toLowerCase(Locale.ROOT)));
    if (!forwarded) {
      return request;
    }
    ServerHttpRequest.Builder builder = request.mutate();
    if (fromProxy) {
      String client = client(peer.getAddress().getHostAddress(), request.getHeaders().get("X-Forwarded-For"));
      try {
        builder.remoteAddress(new InetSocketAddress(InetAddress.getByAddress(bytes(client)), peer.getPort()));
      } catch (UnknownHostException impossible) {
        // getByAddress refuses only a wrong length, and bytes() answers 4 or 16.
      }
      String proto = request.getHeaders().getFirst("X-Forwarded-Proto");
      if ("https".equalsIgnoreCase(proto) || "http".equalsIgnoreCase(proto)) {
        builder.uri(UriComponentsBuilder.fromUri(request.getURI()).scheme(proto.toLowerCase(Locale.ROOT)).build(true).toUri());
      }
    }
    builder.headers(headers -> headers.keySet().removeIf(name -> FORWARDED.contains(name.toLowerCase(Locale.ROOT))));
    return builder.build();
  }

  /** The client behind a trusted peer: the right-most forwarded entry that is not a trusted proxy. */
  String client(String peer, List<String> forwardedFor) {
    String client = peer;
    if (forwardedFor == null) {
      return client;
    }
    List<String> hops = forwardedFor.stream().flatMap(h -> Arrays.stream(h.split(","))).map(String::trim).toList();
    for (int i = hops.size() - 1; i >= Math.max(0, hops.size() - MAX_HOPS); i--) {
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
