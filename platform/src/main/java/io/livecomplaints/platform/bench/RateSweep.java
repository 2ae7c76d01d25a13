package io.livecomplaints.platform.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Offered rates from a start, times a factor each step, until a step saturates twice in a row at the same rate: on a
 * shared machine another process's burst of work can fake saturation, so a saturated step is run once more before the
 * sweep ends. Shared by the pipeline's sweep and B2's endpoint sweeps.
 */
final class RateSweep {

    /** Runs one step at an offered rate; {@code label} is "sweep N" or "sweep N again". */
    @FunctionalInterface
    interface StepRunner<S> {
        S run(String label, double rate) throws InterruptedException;
    }

    private RateSweep() {
    }

    static <S> List<S> run(double start, double factor, int maxSteps, Predicate<S> saturated, StepRunner<S> runner)
            throws InterruptedException {
        List<S> steps = new ArrayList<>();
        double rate = start;
        boolean retried = false;
        for (int i = 0; i < maxSteps; i++) {
            S step = runner.run("sweep " + (i + 1) + (retried ? " again" : ""), rate);
            steps.add(step);
            if (saturated.test(step) && !retried) {
                retried = true;
                i--;
                continue;
            }
            if (saturated.test(step)) {
                break;
            }
            retried = false;
            rate = Math.round(rate * factor);
        }
        return steps;
    }
}
