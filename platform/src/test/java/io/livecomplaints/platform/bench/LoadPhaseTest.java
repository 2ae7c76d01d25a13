package io.livecomplaints.platform.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LoadPhaseTest {

    @Test
    void requestsAreDueAtAFixedRateWhateverHappenedBefore() {
        long[] due = LoadPhase.dueOffsetsNanos(List.of(new LoadPhase("steady", 4, 1)));

        assertThat(due).containsExactly(0, 250_000_000, 500_000_000, 750_000_000);
    }

    @Test
    void aBurstPhaseStartsWhenThePreviousPhaseEndsAndRunsAtItsOwnRate() {
        List<LoadPhase> phases = List.of(new LoadPhase("steady", 2, 1), new LoadPhase("burst", 10, 0.5), new LoadPhase("after", 2, 1));

        long[] due = LoadPhase.dueOffsetsNanos(phases);

        assertThat(due).hasSize(2 + 5 + 2);
        assertThat(due[1]).isEqualTo(500_000_000);
        assertThat(due[2]).isEqualTo(1_000_000_000);
        assertThat(due[6]).isEqualTo(1_400_000_000);
        assertThat(due[7]).isEqualTo(1_500_000_000);
        assertThat(LoadPhase.phaseOf(phases, 1)).isZero();
        assertThat(LoadPhase.phaseOf(phases, 2)).isEqualTo(1);
        assertThat(LoadPhase.phaseOf(phases, 8)).isEqualTo(2);
    }

    @Test
    void refusesAPhaseWithoutRateOrDuration() {
        assertThatThrownBy(() -> new LoadPhase("none", 0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LoadPhase("none", 10, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
