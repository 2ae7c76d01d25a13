package io.livecomplaints.platform.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.platform.runtime.ServiceProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FencedThreadsTest {

    private static final String FENCED = "2026-12-05T07:05:01.419Z  WARN [analytics-service,,] [-StreamThread-1] "
            + "o.a.k.s.p.internals.StreamThread         : stream-thread [analytics-service-StreamThread-1] Detected that the "
            + "thread is being fenced. This implies that this thread missed a rebalance and dropped out of the consumer group. "
            + "Will close out all assigned tasks and rejoin the consumer group.\n"
            + "org.apache.kafka.streams.errors.TaskMigratedException: Producer got fenced trying to add offsets to a transaction\n";

    @TempDir
    Path logs;

    @Test
    void countsOnlyTheFencingsReportedAfterTheMarkPerService() throws Exception {
        ServiceProcess analytics = service("analytics-service");
        ServiceProcess triage = service("triage-service");
        Files.writeString(analytics.log(), "started\n" + FENCED);
        Files.writeString(triage.log(), "started\n");

        FencedThreads fenced = FencedThreads.mark(List.of(analytics, triage));
        assertThat(fenced.since()).isEmpty();

        append(analytics, "a restart's lines\n" + FENCED + FENCED);
        append(triage, "NetworkClient: Bootstrap broker 127.0.0.1:44911 disconnected\n");
        assertThat(fenced.since()).isEqualTo(Map.of("analytics-service", 2));
    }

    @Test
    void aServiceWhoseLogAppearsOnlyAfterTheMarkIsReadFromItsStart() throws Exception {
        ServiceProcess resolution = service("resolution-service");
        FencedThreads fenced = FencedThreads.mark(List.of(resolution));

        Files.writeString(resolution.log(), FENCED);
        assertThat(fenced.since()).isEqualTo(Map.of("resolution-service", 1));
    }

    private ServiceProcess service(String name) {
        return new ServiceProcess(name, logs.resolve(name + ".jar"), 0, Map.of(), logs, "/actuator/health/readiness");
    }

    private static void append(ServiceProcess service, String text) throws Exception {
        Files.writeString(service.log(), text, StandardOpenOption.APPEND);
    }
}
