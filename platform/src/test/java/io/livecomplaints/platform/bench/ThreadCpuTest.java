package io.livecomplaints.platform.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThreadCpuTest {

    @Test
    void jvmThreadsAreKnownByTheirOsNames() {
        assertThat(ThreadCpu.kindOf("GC Thread#1\n", "triage-service")).isEqualTo(ThreadCpu.GC);
        assertThat(ThreadCpu.kindOf("G1 Conc#0", "triage-service")).isEqualTo(ThreadCpu.GC);
        assertThat(ThreadCpu.kindOf("G1 Refine#1", "kafka broker")).isEqualTo(ThreadCpu.GC);
        assertThat(ThreadCpu.kindOf("C2 CompilerThre", "triage-service")).isEqualTo(ThreadCpu.JIT);
        assertThat(ThreadCpu.kindOf("C1 CompilerThre", "triage-service")).isEqualTo(ThreadCpu.JIT);
        assertThat(ThreadCpu.kindOf("VM Periodic Tas", "triage-service")).isEqualTo(ThreadCpu.JVM);
        assertThat(ThreadCpu.kindOf("VM Thread", "triage-service")).isEqualTo(ThreadCpu.JVM);
        assertThat(ThreadCpu.kindOf("Cleaner-0", "triage-service")).isEqualTo(ThreadCpu.JVM);
    }

    @Test
    void streamThreadsAreThoseNamedAfterTheServiceWithinTheFifteenCharactersTheOsKeeps() {
        assertThat(ThreadCpu.kindOf("triage-service-", "triage-service")).isEqualTo(ThreadCpu.STREAMS);
        assertThat(ThreadCpu.kindOf("notification-se", "notification-service")).isEqualTo(ThreadCpu.STREAMS);
        // another thread of triage, and a process that is not a service
        assertThat(ThreadCpu.kindOf("triage-control-", "triage-service")).isEqualTo("triage-control-");
        assertThat(ThreadCpu.kindOf("kafka broker", "kafka broker")).isEqualTo("kafka broker");
    }

    @Test
    void clientServerAndBackgroundThreadsHaveTheirKindsAndTheRestTheirNameWithoutNumbers() {
        assertThat(ThreadCpu.kindOf("kafka-producer-", "intake-service")).isEqualTo(ThreadCpu.KAFKA_CLIENTS);
        assertThat(ThreadCpu.kindOf("kafka-coordinat", "intake-service")).isEqualTo(ThreadCpu.KAFKA_CLIENTS);
        assertThat(ThreadCpu.kindOf("http-nio-38099-", "intake-service")).isEqualTo(ThreadCpu.HTTP_SERVER);
        assertThat(ThreadCpu.kindOf("rocksdb:low", "intake-service")).isEqualTo(ThreadCpu.ROCKSDB);
        assertThat(ThreadCpu.kindOf("BatchSpanProces", "intake-service")).isEqualTo(ThreadCpu.TELEMETRY);
        assertThat(ThreadCpu.kindOf("data-plane-kafk", "kafka broker")).isEqualTo("data-plane-kafk");
        assertThat(ThreadCpu.kindOf("ReplicaFetcher-3", "kafka broker")).isEqualTo("ReplicaFetcher");
        assertThat(ThreadCpu.kindOf("pool-2-thread-7", "benchmark JVM (load, observers)")).isEqualTo("pool-N-thread");
    }

    @Test
    void usedIsTheGrowthPerKindAndWhatTheProcessUsedBeyondItsLiveThreadsIsThreadsThatEnded() {
        Map<String, Double> before = Map.of(ThreadCpu.GC, 1.0, ThreadCpu.STREAMS, 2.0, "gone", 0.5);
        Map<String, Double> after = new LinkedHashMap<>();
        after.put(ThreadCpu.GC, 1.5);
        after.put(ThreadCpu.STREAMS, 4.0);
        after.put(ThreadCpu.JIT, 0.25); // started in between: counts in full

        Map<String, Double> used = ThreadCpu.used(before, after, 3.25);

        assertThat(used).containsOnlyKeys(ThreadCpu.GC, ThreadCpu.STREAMS, ThreadCpu.JIT, ThreadCpu.ENDED);
        assertThat(used.get(ThreadCpu.GC)).isCloseTo(0.5, within(1e-9));
        assertThat(used.get(ThreadCpu.STREAMS)).isCloseTo(2.0, within(1e-9));
        assertThat(used.get(ThreadCpu.JIT)).isCloseTo(0.25, within(1e-9));
        assertThat(used.get(ThreadCpu.ENDED)).isCloseTo(0.5, within(1e-9));
        assertThat(ThreadCpu.used(before, after, 2.75)).doesNotContainKey(ThreadCpu.ENDED);
    }

    @Test
    void largestFirstInMillisPerComplaintWithTheRestSummed() {
        Map<String, Double> seconds = Map.of("a", 0.1, "b", 0.4, "c", 0.2, "d", 0.05);

        assertThat(ThreadCpu.largestFirst(seconds, 100, 2)).isEqualTo("b 4.00, c 2.00, rest 1.50");
        assertThat(ThreadCpu.largestFirst(seconds, 100, 4)).isEqualTo("b 4.00, c 2.00, a 1.00, d 0.50");
    }

    @Test
    void thisJvmsThreadsAccountForItsCpuAndIncludeTheCollectorAndTheCompiler() {
        long pid = ProcessHandle.current().pid();
        double busy = 0;
        for (int i = 0; i < 3_000_000; i++) { // some CPU of our own, so the main thread has ticks
            busy += Math.sqrt(i);
        }
        Map<String, Double> byKind = ThreadCpu.snapshot(pid, "test JVM");
        double process = CpuTime.seconds(pid);

        assertThat(busy).isPositive();
        assertThat(byKind).containsKeys(ThreadCpu.GC, ThreadCpu.JIT, ThreadCpu.JVM);
        // the threads alive now hold at most what the process used (ended threads make up the rest)
        assertThat(byKind.values().stream().mapToDouble(Double::doubleValue).sum()).isLessThanOrEqualTo(process + 0.02);
        assertThat(ThreadCpu.snapshot(Long.MAX_VALUE, "gone")).isEmpty();
    }
}
