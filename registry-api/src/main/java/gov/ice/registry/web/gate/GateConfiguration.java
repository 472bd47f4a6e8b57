package gov.ice.registry.web.gate;

import gov.ice.registry.integrity.LedgerIntegrity;
import gov.ice.registry.integrity.log.ChainedLogConfiguration;
import gov.ice.registry.integrity.log.ChainedLogs;
import gov.ice.registry.integrity.log.GroupCommit;
import java.time.Clock;
import java.time.Duration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The sharing gate: its index of parties over the ledger and its one service, which logs in the decisions log. */
@Configuration(proxyBeanMethods = false)
class GateConfiguration {

  @Bean
  GateIndex gateIndex(EventStore eventStore) {
    return new GateIndex(eventStore);
  }

  /** One writer appends the decisions that queued up meanwhile in one transaction (decision record 0240). */
  @Bean(destroyMethod = "close")
  GroupCommit decisionsGroupCommit(ChainedLogs logs, @Value("${registry.gate.log-batch:256}") int maxBatch) {
    return new GroupCommit(logs.register(ChainedLogConfiguration.DECISIONS), maxBatch, 4 * maxBatch);
  }

  @Bean
  GateService gateService(GateIndex index, EventStore eventStore, GroupCommit decisionsGroupCommit,
      @Value("${registry.gate.log-timeout:PT5S}") Duration logTimeout, LedgerIntegrity integrity, Clock clock) {
    return new GateService(index, eventStore, decisionsGroupCommit, logTimeout, integrity, clock);
  }
}
