package io.livecomplaints.platform.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The {@code <name>.pid} files of the processes a {@link LocalCluster} started, so that another JVM (a later
 * {@code bin/local status} or {@code down}) finds and stops them. A pid counts as the component's only while that
 * process runs and its command line names the component (the jar, {@code kafka}, {@code prometheus}): a pid file left
 * from before a reboot never stops an unrelated process that got the same pid.
 */
public final class PidFiles {

    private final Path dir;

    public PidFiles(Path dir) {
        this.dir = dir;
    }

    void write(String name, long pid) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(name + ".pid"), pid + "\n");
    }

    /** The pid written for {@code name}, running or not. */
    public Optional<Long> recorded(String name) {
        Path file = dir.resolve(name + ".pid");
        try {
            return Files.exists(file) ? Optional.of(Long.parseLong(Files.readString(file).trim())) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The running process of {@code name}, if its pid file names one that is alive and is that component. */
    public Optional<ProcessHandle> running(String name) {
        return recorded(name).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().map(line -> line.contains(name)).orElse(false));
    }

    /** SIGTERM, up to {@code grace} for a clean shutdown, then kill -9; removes the pid file. False when nothing ran. */
    public boolean stop(String name, Duration grace) throws InterruptedException {
        Optional<ProcessHandle> process = running(name);
        if (process.isPresent()) {
            process.get().destroy();
            if (!exited(process.get(), grace)) {
                process.get().destroyForcibly();
                exited(process.get(), Duration.ofSeconds(10));
            }
        }
        try {
            Files.deleteIfExists(dir.resolve(name + ".pid"));
        } catch (IOException e) {
            // a stale file is harmless: running() checks the process
        }
        return process.isPresent();
    }

    private static boolean exited(ProcessHandle process, Duration within) throws InterruptedException {
        try {
            process.onExit().get(within.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return true;
        }
    }
}
