package io.livecomplaints.platform.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Java Flight Recorder profiles of running JVMs: started and stopped with {@code jcmd <pid> JFR.start|JFR.stop} (so
 * only the chosen stretch of a run is recorded, without restarting the service), summarised as the methods on top
 * of the most {@code jdk.ExecutionSample} stacks (self time).
 */
final class JfrProfile {

    /** A method and how many execution samples had it on top of the stack, as a share of all samples. */
    record HotMethod(String method, long samples, double share) {
    }

    private static final String NAME = "bench-profile";

    private JfrProfile() {
    }

    /** Starts a recording with the {@code profile} settings (a sample every 10 ms per running thread). */
    static void start(long pid) throws IOException, InterruptedException {
        jcmd(pid, "JFR.start", "name=" + NAME, "settings=profile");
    }

    /** Stops the recording and writes it to {@code file}. */
    static void stop(long pid, Path file) throws IOException, InterruptedException {
        jcmd(pid, "JFR.stop", "name=" + NAME, "filename=" + file.toAbsolutePath());
    }

    /** The {@code top} methods by self samples in a recording. */
    static List<HotMethod> hottest(Path recording, int top) throws IOException {
        List<String> topFrames = new ArrayList<>();
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (event.getEventType().getName().equals("jdk.ExecutionSample") && event.getStackTrace() != null
                    && !event.getStackTrace().getFrames().isEmpty()) {
                topFrames.add(methodName(event.getStackTrace().getFrames().get(0)));
            }
        }
        return hottest(topFrames, top);
    }

    /** Counts each method's samples and keeps the {@code top} most frequent (ties by name, for a stable table). */
    static List<HotMethod> hottest(List<String> topFrames, int top) {
        Map<String, Long> counts = new HashMap<>();
        topFrames.forEach(method -> counts.merge(method, 1L, Long::sum));
        double all = Math.max(1, topFrames.size());
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .limit(top)
                .map(e -> new HotMethod(e.getKey(), e.getValue(), e.getValue() / all))
                .toList();
    }

    private static String methodName(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    /** Runs the JDK's own jcmd (next to this JVM's java) against a process; fails with jcmd's output. */
    static String jcmd(long pid, String... command) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>();
        args.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
        args.add(Long.toString(pid));
        args.addAll(List.of(command));
        Process process = new ProcessBuilder(args).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", args) + " failed: " + output);
        }
        return output;
    }
}
