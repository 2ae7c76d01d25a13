package io.livecomplaints.platform.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JfrProfileTest {

    @Test
    void countsTopFramesMostFrequentFirstTiesByNameAndKeepsTheTopN() {
        List<JfrProfile.HotMethod> hot = JfrProfile.hottest(List.of("b.B.x", "a.A.y", "c.C.z", "a.A.y", "b.B.x", "a.A.y"), 2);

        assertThat(hot).containsExactly(new JfrProfile.HotMethod("a.A.y", 3, 0.5), new JfrProfile.HotMethod("b.B.x", 2, 2 / 6.0));
    }

    @Test
    void summarisesARealRecordingOfABusyThread(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("busy.jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
            recording.start();
            long until = System.nanoTime() + Duration.ofMillis(1500).toNanos();
            double sink = 0;
            while (System.nanoTime() < until) {
                sink += spin();
            }
            recording.stop();
            recording.dump(file);
            assertThat(sink).isNotZero();
        }
        assertThat(Files.size(file)).isPositive();

        List<JfrProfile.HotMethod> hot = JfrProfile.hottest(file, 5);

        assertThat(hot).isNotEmpty().hasSizeLessThanOrEqualTo(5);
        assertThat(hot).extracting(JfrProfile.HotMethod::method).anyMatch(m -> m.contains("JfrProfileTest") || m.startsWith("java.lang.Math"));
        assertThat(hot.get(0).samples()).isGreaterThanOrEqualTo(hot.get(hot.size() - 1).samples());
    }

    private static double spin() {
        double x = 0;
        for (int i = 1; i < 10_000; i++) {
            x += Math.sqrt(i) * Math.sin(i);
        }
        return x;
    }
}
