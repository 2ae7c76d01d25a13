package io.livecomplaints.platform.faults;

import io.livecomplaints.platform.runtime.ServiceProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which services had a stream thread fenced since a mark, read from their logs: Kafka Streams reports each fencing
 * itself ({@link #REPORT}). A fenced thread has lost its transaction (the broker aborted it, e.g. after it outlived
 * {@code transaction.timeout.ms} across a broker crash); it rejoins its group and, under exactly-once, throws away the
 * local state of every task it had and restores it from the changelogs: the costly part of a recovery.
 */
final class FencedThreads {

    /** Kafka Streams' own line (StreamThread, on a TaskMigratedException). */
    static final String REPORT = "Detected that the thread is being fenced";

    private final Map<ServiceProcess, Long> marks = new LinkedHashMap<>();

    private FencedThreads() {
    }

    /** Remembers where each service's log ends now. */
    static FencedThreads mark(List<ServiceProcess> services) {
        FencedThreads fenced = new FencedThreads();
        services.forEach(s -> fenced.marks.put(s, size(s.log())));
        return fenced;
    }

    /** Per service, how many fencings its log reported since the mark; services without any are left out. */
    Map<String, Integer> since() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        marks.forEach((service, mark) -> {
            int n = countReports(service.log(), mark);
            if (n > 0) {
                counts.merge(service.name(), n, Integer::sum);
            }
        });
        return counts;
    }

    static int countReports(Path log, long from) {
        if (!Files.exists(log)) {
            return 0;
        }
        try (InputStream in = Files.newInputStream(log)) {
            in.skipNBytes(Math.min(from, Files.size(log)));
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int count = 0;
            for (int at = text.indexOf(REPORT); at >= 0; at = text.indexOf(REPORT, at + REPORT.length())) {
                count++;
            }
            return count;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path log) {
        try {
            return Files.exists(log) ? Files.size(log) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
