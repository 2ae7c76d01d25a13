package io.livecomplaints.platform.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Drives requests at a fixed schedule ({@link LoadPhase}): one dispatcher thread hands each request to a pool of
 * senders when it is due, whether or not earlier ones have been answered. Every latency is measured from the
 * request's due time, so time spent waiting for a free sender (the server being slow) is counted, not hidden.
 */
final class OpenLoopLoad {

    /** One request: when it was due, which phase it belongs to, the answer, and when the answer came. */
    record Sent(int index, int phase, long dueNanos, long answeredNanos, ComplaintFiler.Filed filed) {
        double millisToAnswer() {
            return (answeredNanos - dueNanos) / 1e6;
        }
    }

    private final int senders;
    private final AtomicInteger sequence;

    /**
     * @param senders  concurrent requests at most (HTTP/1.1 connections); beyond, due requests queue (and count)
     * @param sequence numbers the requests across runs (complaint i is about order i modulo the orders)
     */
    OpenLoopLoad(int senders, AtomicInteger sequence) {
        this.senders = senders;
        this.sequence = sequence;
    }

    /** Runs the phases, then waits (bounded) for the last answers; returns every request in due order. */
    List<Sent> run(List<LoadPhase> phases, IntFunction<ComplaintFiler.Filed> request) throws InterruptedException {
        long[] due = LoadPhase.dueOffsetsNanos(phases);
        ConcurrentLinkedQueue<Sent> sent = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(senders, runnable -> {
            Thread thread = new Thread(runnable, "load-sender");
            thread.setDaemon(true);
            return thread;
        });
        long start = System.nanoTime() + 5_000_000;
        int phase = 0;
        int phaseEnd = phases.get(0).requests();
        for (int i = 0; i < due.length; i++) {
            while (i >= phaseEnd) {
                phase++;
                phaseEnd += phases.get(phase).requests();
            }
            long dueAt = start + due[i];
            long wait = dueAt - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            int index = sequence.getAndIncrement();
            int inPhase = phase;
            pool.execute(() -> {
                ComplaintFiler.Filed filed = request.apply(index);
                sent.add(new Sent(index, inPhase, dueAt, System.nanoTime(), filed));
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(90, TimeUnit.SECONDS)) {
            pool.shutdownNow();
        }
        List<Sent> all = new ArrayList<>(sent);
        all.sort((a, b) -> Long.compare(a.dueNanos(), b.dueNanos()));
        return all;
    }
}
