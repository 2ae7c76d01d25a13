package io.livecomplaints.platform.runtime;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts the processes of a {@link LocalCluster}, output appended to a log file, each pid recorded in {@link PidFiles}.
 * Attached (tests, benchmark, fault suite): children of this JVM, in its process group, so Ctrl-C stops them too.
 * Detached ({@code bin/local up}): each in a session of its own ({@code setsid}) with no terminal and stdin from
 * /dev/null, so they outlive the command that started them and a later {@code bin/local down} stops them by pid.
 */
public final class ProcessLauncher {

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final PidFiles pidFiles;
    private final boolean detached;

    private ProcessLauncher(PidFiles pidFiles, boolean detached) {
        this.pidFiles = pidFiles;
        this.detached = detached;
    }

    /** Children of this JVM; pids recorded when {@code pidFiles} is not null. */
    public static ProcessLauncher attached(PidFiles pidFiles) {
        return new ProcessLauncher(pidFiles, false);
    }

    public static ProcessLauncher detached(PidFiles pidFiles) {
        return new ProcessLauncher(pidFiles, true);
    }

    public Process start(String name, List<String> command, Map<String, String> environment, Path log) throws IOException {
        Files.createDirectories(log.getParent());
        List<String> full = new ArrayList<>();
        if (detached && Files.isExecutable(SETSID)) {
            full.add(SETSID.toString()); // not a process group leader: setsid execs in place, the pid stays the same
        }
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        if (detached) {
            builder.redirectInput(new File("/dev/null"));
        }
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (pidFiles != null) {
            pidFiles.write(name, process.pid());
        }
        return process;
    }
}
