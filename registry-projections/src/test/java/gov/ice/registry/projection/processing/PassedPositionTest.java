package gov.ice.registry.projection.processing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.junit.jupiter.api.Test;

/** When a read model's token says it has handled a ledger position (read-your-writes waits on this). */
class PassedPositionTest {

  @Test
  void aTokenAtOrBeyondThePositionCoversIt() {
    assertThat(ProjectionRebuilder.covers(GapAwareTrackingToken.newInstance(10, List.of()), 10)).isTrue();
    assertThat(ProjectionRebuilder.covers(GapAwareTrackingToken.newInstance(12, List.of()), 10)).isTrue();
    assertThat(ProjectionRebuilder.covers(GapAwareTrackingToken.newInstance(9, List.of()), 10)).isFalse();
  }

  @Test
  void aGapAtThePositionIsAnEventNotHandledYet() {
    assertThat(ProjectionRebuilder.covers(GapAwareTrackingToken.newInstance(12, List.of(10L)), 10)).isFalse();
    // A gap elsewhere is another writer's event, committed later: it does not hold this read back.
    assertThat(ProjectionRebuilder.covers(GapAwareTrackingToken.newInstance(12, List.of(11L)), 10)).isTrue();
  }

  @Test
  void aReplayingTokenCoversWhatItsCurrentTokenCovers() {
    ReplayToken replaying = (ReplayToken) ReplayToken.createReplayToken(GapAwareTrackingToken.newInstance(100, List.of()),
        GapAwareTrackingToken.newInstance(5, List.of()));
    assertThat(ProjectionRebuilder.covers(replaying, 5)).isTrue();
    assertThat(ProjectionRebuilder.covers(replaying, 6)).isFalse();
  }

  @Test
  void noTokenCoversNothing() {
    assertThat(ProjectionRebuilder.covers(null, 0)).isFalse();
    assertThat(ProjectionRebuilder.covers(new GlobalSequenceTrackingToken(3), 3)).isTrue();
  }
}
