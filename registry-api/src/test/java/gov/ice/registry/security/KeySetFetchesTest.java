package gov.ice.registry.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

/**
 * The issuer's key set through {@link KeySetFetches}, over real HTTP to a local server that
 * counts its requests, on a clock the test moves: one fetch per interval however many ask, a
 * new fetch once the interval has passed, and a failed fetch never kept.
 */
class KeySetFetchesTest {

  static final Duration INTERVAL = Duration.ofMinutes(5);

  HttpServer issuer;
  final AtomicInteger fetches = new AtomicInteger();
  final AtomicReference<String> keys = new AtomicReference<>("{\"keys\":[]}");
  final AtomicInteger status = new AtomicInteger(200);
  final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-07T10:00:00Z"));
  WebClient client;
  String url;

  @BeforeEach
  void start() throws Exception {
    issuer = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
    issuer.createContext("/jwks", exchange -> {
      fetches.incrementAndGet();
      byte[] body = keys.get().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(status.get(), body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    issuer.start();
    url = "http://localhost:" + issuer.getAddress().getPort() + "/jwks";
    Clock clock = new Clock() {
      @Override
      public ZoneOffset getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return now.get();
      }
    };
    client = WebClient.builder().filter(new KeySetFetches(INTERVAL, clock)).build();
  }

  @AfterEach
  void stop() {
    issuer.stop(0);
  }

  private String get() {
    return client.get().uri(url).retrieve().bodyToMono(String.class).block(Duration.ofSeconds(30));
  }

  @Test
  void fetchesOncePerIntervalHoweverManyAskAndAgainAfterIt() {
    assertThat(get()).isEqualTo("{\"keys\":[]}");
    keys.set("{\"keys\":[{\"kid\":\"rotated\"}]}");
    for (int i = 0; i < 30; i++) {
      assertThat(get()).as("the answer of the first fetch, within the interval").isEqualTo("{\"keys\":[]}");
    }
    Flux.range(0, 20).flatMap(i -> client.get().uri(url).retrieve().bodyToMono(String.class)).blockLast(Duration.ofSeconds(30));
    assertThat(fetches.get()).isEqualTo(1);

    now.set(now.get().plus(INTERVAL));
    assertThat(get()).as("a fetch once the interval has passed").isEqualTo("{\"keys\":[{\"kid\":\"rotated\"}]}");
    assertThat(get()).isEqualTo("{\"keys\":[{\"kid\":\"rotated\"}]}");
    assertThat(fetches.get()).isEqualTo(2);
  }

  @Test
  void keepsNoFailedFetch() {
    status.set(503);
    assertThatThrownBy(this::get).isNotNull();
    status.set(200);
    assertThat(get()).isEqualTo("{\"keys\":[]}");
    assertThat(fetches.get()).isEqualTo(2);
  }
}
