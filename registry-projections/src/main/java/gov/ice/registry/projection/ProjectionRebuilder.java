package gov.ice.registry.projection;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Rebuilds a read model from the ledger: stops its processor, resets its tokens (the reset
 * handler drops its collection), and starts it again; the replay then runs in the background.
 * Only the read models of {@link TrackingProjections#GROUPS} can be rebuilt: the webhook outbox
 * never replays, so no notice is sent twice.
 */
@Service
public class ProjectionRebuilder {

  /** Where a projection stands: replaying, caught up with the ledger, and its position in it. */
  public record ProjectionStatus(String name, boolean running, boolean replaying, boolean caughtUp, Long position, String error) {}

  private final EventProcessingConfiguration processing;

  public ProjectionRebuilder(EventProcessingConfiguration processing) {
    this.processing = processing;
  }

  public List<String> names() {
    return TrackingProjections.GROUPS;
  }

  /** Empty when no read model has that name. Blocking work runs off the event loop. */
  public Mono<ProjectionStatus> rebuild(String name) {
    return Mono.justOrEmpty(processor(name))
        .publishOn(Schedulers.boundedElastic())
        .map(processor -> {
          processor.shutDown();
          processor.resetTokens();
          processor.start();
          return statusOf(name, processor);
        });
  }

  public Mono<List<ProjectionStatus>> statuses() {
    return Mono.fromCallable(() -> names().stream()
            .flatMap(name -> processor(name).map(p -> statusOf(name, p)).stream())
            .toList())
        .subscribeOn(Schedulers.boundedElastic());
  }

  private Optional<TrackingEventProcessor> processor(String name) {
    return names().contains(name) ? processing.eventProcessor(name, TrackingEventProcessor.class) : Optional.empty();
  }

  private static ProjectionStatus statusOf(String name, TrackingEventProcessor processor) {
    Map<Integer, EventTrackerStatus> segments = new TreeMap<>(processor.processingStatus());
    boolean replaying = segments.values().stream().anyMatch(EventTrackerStatus::isReplaying);
    boolean caughtUp = !segments.isEmpty() && segments.values().stream().allMatch(EventTrackerStatus::isCaughtUp);
    Long position = segments.values().stream()
        .map(EventTrackerStatus::getCurrentPosition)
        .filter(OptionalLong::isPresent)
        .map(OptionalLong::getAsLong)
        .min(Long::compare).orElse(null);
    String error = segments.values().stream().filter(EventTrackerStatus::isErrorState)
        .map(s -> String.valueOf(s.getError())).findFirst().orElse(null);
    return new ProjectionStatus(name, processor.isRunning(), replaying, caughtUp, position, error);
  }
}
