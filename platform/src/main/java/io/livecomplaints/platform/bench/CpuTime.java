package io.livecomplaints.platform.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU seconds a process has used (user + system, from {@code /proc/<pid>/stat} on Linux): sampled before and after a
 * run, it shows where the cores went per complaint. -1 where /proc is not available.
 */
final class CpuTime {

    /** Clock ticks per second of /proc's times; 100 on every Linux this runs on (USER_HZ). */
    static final double TICKS_PER_SECOND = 100;

    private CpuTime() {
    }

    static double seconds(long pid) {
        try {
            return fromStat(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
        } catch (Exception e) {
            return -1;
        }
    }

    /** utime + stime (fields 14 and 15) of a /proc/<pid>/stat line, in seconds; the command name may contain spaces. */
    static double fromStat(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        // fields[0] is field 3 (state): utime is field 14, stime field 15
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
    }

    /** CPU seconds of each named process now. */
    static Map<String, Double> snapshot(Map<String, Long> pids) {
        Map<String, Double> now = new LinkedHashMap<>();
        pids.forEach((name, pid) -> now.put(name, seconds(pid)));
        return now;
    }

    /** Per process, CPU seconds used between two snapshots. */
    static Map<String, Double> used(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> used = new LinkedHashMap<>();
        before.forEach((name, b) -> {
            Double a = after.get(name);
            if (a != null && a >= 0 && b >= 0) {
                used.put(name, a - b);
            }
        });
        return used;
    }
}
