package gov.ice.registry.web.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.reactivestreams.Publisher;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ReactiveHttpOutputMessage;
import org.springframework.http.codec.EncoderHttpMessageWriter;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.codec.json.Jackson2JsonEncoder;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every problem a handler answers carries the request's id ({@code requestId}), whichever
 * handler built it (the registry's {@link ProblemHandling}, Spring Boot's, or an {@code
 * ErrorResponse}): the one writer of {@link ProblemDetail} bodies adds it, as the request is
 * known there. Problems written outside the handlers go through {@link Problems#write}, which
 * adds it too.
 */
@Configuration(proxyBeanMethods = false)
class ProblemRequestIds implements WebFluxConfigurer {

  private final ObjectMapper mapper;

  ProblemRequestIds(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public void configureHttpMessageCodecs(ServerCodecConfigurer configurer) {
    // A writer that cannot write Object is registered ahead of the default JSON writer.
    configurer.customCodecs().register(new Writer(new EncoderHttpMessageWriter<>(
        new Jackson2JsonEncoder(mapper, MediaType.APPLICATION_PROBLEM_JSON, MediaType.APPLICATION_JSON))));
  }

  private static final class Writer implements HttpMessageWriter<ProblemDetail> {

    private final EncoderHttpMessageWriter<Object> json;

    Writer(EncoderHttpMessageWriter<Object> json) {
      this.json = json;
    }

    @Override
    public List<MediaType> getWritableMediaTypes() {
      return json.getWritableMediaTypes();
    }

    @Override
    public boolean canWrite(ResolvableType elementType, MediaType mediaType) {
      return elementType.toClass() != Object.class && ProblemDetail.class.isAssignableFrom(elementType.toClass())
          && json.canWrite(elementType, mediaType);
    }

    @Override
    public Mono<Void> write(Publisher<? extends ProblemDetail> problems, ResolvableType elementType, MediaType mediaType,
        ReactiveHttpOutputMessage message, Map<String, Object> hints) {
      return json.write(problems, elementType, mediaType, message, hints);
    }

    @Override
    public Mono<Void> write(Publisher<? extends ProblemDetail> problems, ResolvableType actualType, ResolvableType elementType,
        MediaType mediaType, ServerHttpRequest request, ServerHttpResponse response, Map<String, Object> hints) {
      // A single problem stays a Mono: the encoder writes a Flux as a JSON array.
      Publisher<ProblemDetail> identified = problems instanceof Mono<? extends ProblemDetail> one
          ? one.map(problem -> Problems.withRequestId(problem, request.getId()))
          : Flux.from(problems).map(problem -> Problems.withRequestId(problem, request.getId()));
      return json.write(identified, actualType, elementType, mediaType, request, response, hints);
    }
  }
}
