package gov.ice.registry.web.access;

import gov.ice.registry.integrity.log.ChainedLogs;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The access log: the chained log {@code access}, verified by {@code GET /api/ledger/verify?log=access}. */
@Configuration(proxyBeanMethods = false)
class AccessLogConfiguration {

  static final String ACCESS = "access";

  /** Registered here rather than as a ChainedLog bean of its own, so that beans taking the gate's log by type still find one. */
  @Bean
  AccessLog accessLog(ChainedLogs logs) {
    return new AccessLog(logs.register(ACCESS));
  }
}
