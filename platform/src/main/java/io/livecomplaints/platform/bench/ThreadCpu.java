package io.livecomplaints.platform.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A process's CPU by kind of thread, from {@code /proc/<pid>/task/<tid>/stat} and {@code comm} (Linux): garbage
 * collection, the JIT compilers and the JVM's other threads, which a JFR execution profile does not sample, next to
 * the application's Kafka Streams threads, Kafka client I/O threads, the HTTP server and the rest. Sampled before and
 * after a window, it shows what a process's share of the cores was spent on. The OS keeps only 15 characters of a
 * thread's name, so a stream thread {@code notification-service-StreamThread-1} is seen as {@code notification-se}:
 * threads are matched by those prefixes.
 */
final class ThreadCpu {

    static final String GC = "GC";
    static final String JIT = "JIT compilers";
    static final String JVM = "JVM, other";
    static final String STREAMS = "Kafka Streams threads";
    static final String KAFKA_CLIENTS = "Kafka client I/O";
    static final String HTTP_SERVER = "HTTP server";
    static final String ROCKSDB = "RocksDB background";
    static final String TELEMETRY = "tracing and metrics export";
    static final String ENDED = "threads that ended";
    /** Linux keeps this many characters of a thread's name. */
    private static final int COMM_LENGTH = 15;

    private ThreadCpu() {
    }

    /**
     * The kind of a thread of process {@code process} (a service's name, whose application id prefixes its stream
     * threads), from its 15-character OS name; a thread of no known kind is named by its name without numbers.
     */
    static String kindOf(String comm, String process) {
        String name = comm.strip();
        if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.startsWith("Parallel GC")) {
            return GC;
        }
        if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre") || name.startsWith("Sweeper thread")) {
            return JIT;
        }
        if (name.startsWith("VM ") || List.of("Service Thread", "Monitor Deflati", "Signal Dispatch", "Reference Handl", "Finalizer",
                "Common-Cleaner", "Notification Th", "Attach Listener").contains(name) || name.startsWith("Cleaner-")) {
            return JVM;
        }
        String application = process.length() > COMM_LENGTH ? process.substring(0, COMM_LENGTH) : process;
        if (process.endsWith("-service") && name.startsWith(application)) {
            return STREAMS;
        }
        if (name.startsWith("kafka-producer-") || name.startsWith("kafka-coordinat") || name.startsWith("kafka-admin-cli")
                || name.startsWith("kafka-consumer-")) {
            return KAFKA_CLIENTS;
        }
        if (name.startsWith("http-nio-") || name.startsWith("Catalina-") || name.startsWith("container-")) {
            return HTTP_SERVER;
        }
        if (name.startsWith("rocksdb:")) {
            return ROCKSDB;
        }
        if (name.startsWith("BatchSpanProces") || name.startsWith("BatchLogRecordP") || name.startsWith("micrometer-")) {
            return TELEMETRY;
        }
        return name.replaceAll("[-_#\\s]*\\d+$", "").replaceAll("\\d+", "N");
    }

    /** CPU seconds per kind of thread of one process now; empty where /proc is not readable (the process is gone). */
    static Map<String, Double> snapshot(long pid, String process) {
        Map<String, Double> byKind = new LinkedHashMap<>();
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        List<Path> threads;
        try (Stream<Path> list = Files.list(tasks)) {
            threads = list.toList();
        } catch (IOException | RuntimeException e) {
            return byKind;
        }
        for (Path thread : threads) {
            try {
                String comm = Files.readString(thread.resolve("comm"));
                double seconds = CpuTime.fromStat(Files.readString(thread.resolve("stat")));
                byKind.merge(kindOf(comm, process), seconds, Double::sum);
            } catch (IOException | RuntimeException e) {
                // the thread ended between the listing and the read: its CPU shows as "threads that ended"
            }
        }
        return byKind;
    }

    /** Per named process, its CPU seconds per kind of thread now. */
    static Map<String, Map<String, Double>> snapshot(Map<String, Long> pids) {
        Map<String, Map<String, Double>> now = new LinkedHashMap<>();
        pids.forEach((name, pid) -> now.put(name, snapshot(pid, name)));
        return now;
    }

    /**
     * CPU seconds per kind of thread used between two snapshots of one process, plus {@value #ENDED}: what the process
     * used in all ({@code processSeconds}, from its own stat) beyond what its threads alive at the end account for.
     * A thread that started in between counts in full.
     */
    static Map<String, Double> used(Map<String, Double> before, Map<String, Double> after, double processSeconds) {
        Map<String, Double> used = new LinkedHashMap<>();
        double accounted = 0;
        for (var kind : after.entrySet()) {
            double seconds = kind.getValue() - before.getOrDefault(kind.getKey(), 0.0);
            if (seconds > 0) {
                used.put(kind.getKey(), seconds);
                accounted += seconds;
            }
        }
        if (processSeconds - accounted > 0.005) {
            used.put(ENDED, processSeconds - accounted);
        }
        return used;
    }

    /** The kinds, largest first, as "kind 1.23" in ms per complaint; those after the first {@code top} summed as "rest". */
    static String largestFirst(Map<String, Double> secondsByKind, long complaints, int top) {
        List<Map.Entry<String, Double>> kinds = new ArrayList<>(secondsByKind.entrySet());
        kinds.sort(Map.Entry.<String, Double>comparingByValue().reversed());
        List<String> parts = new ArrayList<>();
        double rest = 0;
        for (int i = 0; i < kinds.size(); i++) {
            double millis = 1000 * kinds.get(i).getValue() / Math.max(1, complaints);
            if (i < top) {
                parts.add(String.format("%s %.2f", kinds.get(i).getKey(), millis));
            } else {
                rest += millis;
            }
        }
        if (rest > 0) {
            parts.add(String.format("rest %.2f", rest));
        }
        return String.join(", ", parts);
    }
}
