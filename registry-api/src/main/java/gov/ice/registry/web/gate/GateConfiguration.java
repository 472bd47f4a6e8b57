package gov.ice.registry.web.gate;

import gov.ice.registry.integrity.LedgerIntegrity;
import gov.ice.registry.integrity.log.ChainedLogConfiguration;
import gov.ice.registry.integrity.log.ChainedLogs;
import java.time.Clock;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The sharing gate: its index of parties over the ledger and its one service, which logs in the decisions log. */
@Configuration(proxyBeanMethods = false)
class GateConfiguration {

  @Bean
  GateIndex gateIndex(EventStore eventStore) {
    return new GateIndex(eventStore);
  }

  @Bean
  GateService gateService(GateIndex index, EventStore eventStore, ChainedLogs logs, LedgerIntegrity integrity, Clock clock) {
    return new GateService(index, eventStore, logs.register(ChainedLogConfiguration.DECISIONS), integrity, clock);
  }
}
