package gov.ice.registry.notice;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Scheduling for the notice job, the webhook sender and the metrics refresh, and the webhook
 * outbox's processor: tracking, starting at the ledger's head when it has no token, with the
 * application's default token store (in the ledger's database, not the read store).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties({NoticeProperties.class, ReminderProperties.class})
public class NoticeConfiguration {

  @Bean
  ConfigurerModule noticeWebhookProcessor() {
    return configurer -> configurer.eventProcessing(processing -> processing
        .registerTrackingEventProcessor(NoticeWebhookOutbox.GROUP, c -> c.eventStore(),
            c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                .andInitialTrackingToken(StreamableMessageSource::createHeadToken))
        .registerListenerInvocationErrorHandler(NoticeWebhookOutbox.GROUP, c -> PropagatingErrorHandler.instance()));
  }
}
