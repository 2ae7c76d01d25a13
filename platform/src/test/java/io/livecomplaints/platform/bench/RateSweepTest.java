package io.livecomplaints.platform.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RateSweepTest {

    /** A step of the fake endpoint: the label it ran under, its rate, and whether it saturated. */
    record Ran(String label, double rate, boolean saturated) {
    }

    @Test
    void raisesTheRateUntilTwoSaturatedRunsInARowAtTheSameRate() throws Exception {
        List<Ran> steps = RateSweep.run(20, 1.5, 10, Ran::saturated, (label, rate) -> new Ran(label, rate, rate >= 45));

        assertThat(steps).containsExactly(new Ran("sweep 1", 20, false), new Ran("sweep 2", 30, false),
                new Ran("sweep 3", 45, true), new Ran("sweep 3 again", 45, true));
    }

    @Test
    void aSaturationThatDoesNotHoldOnTheSecondRunGoesOn() throws Exception {
        Set<String> fakeSaturation = Set.of("sweep 2");
        List<Ran> steps = RateSweep.run(10, 2, 3, Ran::saturated, (label, rate) -> new Ran(label, rate, fakeSaturation.contains(label)));

        assertThat(steps).extracting(Ran::label).containsExactly("sweep 1", "sweep 2", "sweep 2 again", "sweep 3");
        assertThat(steps).extracting(Ran::rate).containsExactly(10.0, 20.0, 20.0, 40.0);
    }

    @Test
    void stopsAfterMaxStepsWhenNothingSaturates() throws Exception {
        List<Double> rates = new ArrayList<>();
        RateSweep.run(50, 1.5, 4, Ran::saturated, (label, rate) -> {
            rates.add(rate);
            return new Ran(label, rate, false);
        });

        assertThat(rates).containsExactly(50.0, 75.0, 113.0, 170.0);
    }
}
