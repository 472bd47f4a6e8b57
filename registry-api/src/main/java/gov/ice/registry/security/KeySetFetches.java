package gov.ice.registry.security;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import reactor.core.publisher.Mono;

/**
 * The issuer's key set, fetched at most once per interval. Spring's reactive JWT decoder keeps
 * the last key set and fetches it again for every token whose key id it does not hold, so anyone
 * can make the registry call the issuer once per request with made-up key ids (and wait for it).
 * Its fetches go through the web client this filter sits in: a GET answered successfully less
 * than {@code interval} ago is answered again from that answer, and concurrent GETs share one
 * fetch. A failed fetch is not kept: the next token tries again. Spring offers no such limit for
 * the reactive decoder (the servlet one has a cache); this is one filter rather than a copy of
 * the decoder's key source.
 */
final class KeySetFetches implements ExchangeFilterFunction {

  private record Answer(HttpStatusCode status, String contentType, String body) {

    ClientResponse response() {
      ClientResponse.Builder response = ClientResponse.create(status).body(body);
      return contentType == null ? response.build() : response.header(HttpHeaders.CONTENT_TYPE, contentType).build();
    }
  }

  private record Fetch(Instant started, Mono<Answer> answer) {}

  private final Duration interval;
  private final Clock clock;
  private final Map<URI, Fetch> fetches = new ConcurrentHashMap<>();

  KeySetFetches(Duration interval, Clock clock) {
    this.interval = interval;
    this.clock = clock;
  }

  @Override
  public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
    if (request.method() != HttpMethod.GET) {
      return next.exchange(request);
    }
    return Mono.defer(() -> {
      Instant now = clock.instant();
      Fetch fetch = fetches.compute(request.url(), (url, last) ->
          last != null && now.isBefore(last.started().plus(interval)) ? last : new Fetch(now, fetch(request, next)));
      return fetch.answer()
          .doOnError(failed -> fetches.remove(request.url(), fetch))
          .map(Answer::response);
    });
  }

  private Mono<Answer> fetch(ClientRequest request, ExchangeFunction next) {
    return next.exchange(request)
        .flatMap(response -> response.bodyToMono(String.class).defaultIfEmpty("")
            .flatMap(body -> response.statusCode().is2xxSuccessful()
                ? Mono.just(new Answer(response.statusCode(), response.headers().asHttpHeaders().getFirst(HttpHeaders.CONTENT_TYPE), body))
                : Mono.<Answer>error(new IllegalStateException("The key set answered " + response.statusCode().value()))))
        .cache();
  }
}
