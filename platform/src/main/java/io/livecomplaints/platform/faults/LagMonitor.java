package io.livecomplaints.platform.faults;

import io.livecomplaints.platform.runtime.GroupOffsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.TopicPartition;

/**
 * Samples, once a second, every service's consumer-group committed offsets against the partitions' last stable
 * offsets. A partition stalls while it is behind and its committed offset does not move; the longest stall is what
 * the verdict checks. A stall is not counted while its own service is down or the broker is (that is the fault, timed
 * as recovery instead). "Behind" means at least 2 records: a transactional partition's end offset stays one past the
 * last committed record (the commit marker) until the next transaction, which is not lag.
 */
public final class LagMonitor implements AutoCloseable {

    private static final long BEHIND = 2;

    private final Admin admin;
    private final List<String> groups;
    private final Thread thread;
    private final Map<String, Boolean> down = new ConcurrentHashMap<>();
    private final Map<String, Long> lag = new ConcurrentHashMap<>();
    private final Map<String, Progress> progress = new HashMap<>();
    private volatile boolean brokerDown;
    private volatile boolean running = true;
    private volatile long maxStallMillis;
    private volatile String maxStallWhere = "-";
    private volatile long lastSampleAt;

    private record Progress(long committed, long since) {
    }

    /** Told once per group and scenario when one of its partitions has stalled for longer than asked. */
    public interface LongStallListener {
        void longStall(String group, TopicPartition partition, long stalledMillis) throws Exception;
    }

    private LongStallListener longStallListener;
    private long longStallMillis = Long.MAX_VALUE;
    /** Groups told about in this scenario. */
    private final Set<String> toldLongStall = new java.util.HashSet<>();
    /** Calls the listener off the sampling thread: it may take seconds (thread dumps), the samples go on meanwhile. */
    private final ExecutorService listenerThread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "lag-monitor-long-stall");
        t.setDaemon(true);
        return t;
    });

    public LagMonitor(String bootstrapServers, List<String> groups) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000));
        this.groups = List.copyOf(groups);
        this.thread = new Thread(this::loop, "lag-monitor");
        thread.setDaemon(true);
        thread.start();
    }

    /** The group's service is down (killed, restarting) until {@link #up}: its partitions are not stalls meanwhile. */
    public void down(String group) {
        down.put(group, true);
    }

    public void up(String group) {
        down.remove(group);
    }

    public void brokerDown(boolean isDown) {
        brokerDown = isDown;
    }

    /** Tells {@code listener} when a partition has stalled for longer than {@code after} (once per group until {@link #resetStalls}). */
    public synchronized LagMonitor onLongStall(Duration after, LongStallListener listener) {
        this.longStallMillis = after.toMillis();
        this.longStallListener = listener;
        return this;
    }

    /** The longest stall seen, in ms, and where (group topic-partition). */
    public long maxStallMillis() {
        return maxStallMillis;
    }

    public String maxStallWhere() {
        return maxStallWhere;
    }

    /** Total lag per group at the last sample. */
    public Map<String, Long> lag() {
        return Map.copyOf(lag);
    }

    /** Forgets the longest stall (each scenario reports its own). */
    public synchronized void resetStalls() {
        maxStallMillis = 0;
        maxStallWhere = "-";
        progress.clear();
        toldLongStall.clear();
    }

    /** Waits for a sample taken after now, so lag() describes the present. */
    public void awaitFreshSample(Duration timeout) throws InterruptedException {
        long since = System.currentTimeMillis();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (lastSampleAt <= since && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    private void loop() {
        while (running) {
            long started = System.currentTimeMillis();
            try {
                sample(started);
            } catch (Exception e) {
                // broker away or restarting: no sample this second
                synchronized (this) {
                    progress.clear();
                }
            }
            long rest = 1000 - (System.currentTimeMillis() - started);
            try {
                if (rest > 0) {
                    Thread.sleep(rest);
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void sample(long now) throws Exception {
        Map<String, Map<TopicPartition, GroupOffsets.Position>> positions = GroupOffsets.read(admin, groups, Duration.ofSeconds(5));
        synchronized (this) {
            for (String group : groups) {
                long total = 0;
                boolean excused = brokerDown || down.containsKey(group);
                for (Map.Entry<TopicPartition, GroupOffsets.Position> entry : positions.get(group).entrySet()) {
                    Long offset = entry.getValue().committed();
                    if (offset == null) {
                        continue;
                    }
                    long behind = Math.max(0, entry.getValue().end() - offset);
                    total += behind;
                    String where = group + " " + entry.getKey();
                    Progress last = progress.get(where);
                    if (excused || last == null || last.committed() != offset || behind < BEHIND) {
                        progress.put(where, new Progress(offset, now));
                    } else {
                        long stalled = now - last.since();
                        if (stalled > maxStallMillis) {
                            maxStallMillis = stalled;
                            maxStallWhere = where + " (lag " + behind + ")";
                        }
                        if (stalled > longStallMillis && toldLongStall.add(group)) {
                            tellLongStall(group, entry.getKey(), stalled);
                        }
                    }
                }
                lag.put(group, total);
            }
        }
        lastSampleAt = System.currentTimeMillis();
    }

    private void tellLongStall(String group, TopicPartition partition, long stalled) {
        LongStallListener listener = longStallListener;
        listenerThread.execute(() -> {
            try {
                listener.longStall(group, partition, stalled);
            } catch (Exception e) {
                System.out.printf("  (what the stall of %s looked like could not be written: %s)%n", group, e);
            }
        });
    }

    /** Groups whose total lag is above {@code threshold} now (empty when the pipeline has caught up). */
    public Set<String> behind(long threshold) {
        Set<String> out = new java.util.TreeSet<>();
        lag.forEach((g, l) -> {
            if (l > threshold) {
                out.add(g);
            }
        });
        return out;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        listenerThread.shutdown();
        try {
            listenerThread.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS); // a capture under way gets written
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            thread.join(3000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        admin.close(Duration.ofSeconds(3));
    }
}
