package gov.ice.registry.web.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;

/**
 * Requests the security firewall refuses before any handler runs (an encoded slash, a NUL or a
 * line break in the path, {@code ..} segments): a 400 problem+json like any other bad input,
 * instead of the firewall's empty answer. The detail says only what kind of path was refused.
 */
@Configuration(proxyBeanMethods = false)
class RejectedRequests {

  @Bean
  ServerExchangeRejectedHandler problemForRejectedRequests(ObjectMapper mapper) {
    return (exchange, rejected) -> Problems.write(exchange, mapper,
        Problems.of(HttpStatus.BAD_REQUEST, "invalid-path", "Invalid request path",
            "The request path holds characters or segments the registry does not accept (encoded slashes, "
                + "control characters or dot segments); no resource has such a name."),
        Map.of());
  }
}
