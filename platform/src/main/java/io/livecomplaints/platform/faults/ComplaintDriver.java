package io.livecomplaints.platform.faults;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.livecomplaints.platform.simulator.ComplaintCorpus;
import io.livecomplaints.platform.simulator.IntakeClient;
import io.livecomplaints.platform.simulator.UpstreamWorld;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Files complaints through the real intake API at a steady rate, each with its own Idempotency-Key, as a careful client
 * does: a 503, 429, 5xx or a connection error is retried with the same key and body until accepted (that is how a
 * client stays exactly-once across an intake crash). Every tenth complaint is submitted twice with the same key:
 * alternately once more after the first was accepted, and twice at the same moment from two threads. Records, per
 * key, every complaint id the intake answered with. Given several intake instances, they are chosen as a load
 * balancer would: {@link Routing}.
 */
public final class ComplaintDriver {

    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(5);

    private final List<IntakeClient> intakes;
    private final Routing routing;

    /** How requests are spread over several intake instances. */
    public enum Routing {
        /**
         * Affinity by user (as docs/intake-service.md asks of a load balancer in front of several intakes): a user's
         * requests go to one instance, to the next only while that one does not answer at all (connection refused,
         * timeout); an error status is retried on the same instance.
         */
        BY_USER,
        /** Complaint i to instance i mod n, every retry to the next instance; the twins of a resubmission reach two instances. */
        ROUND_ROBIN
    }
    private final UpstreamWorld world;
    private final ComplaintCorpus corpus = ComplaintCorpus.load();
    private final String runTag;
    private final Map<String, Submissions.KeyOutcome> outcomes = new ConcurrentHashMap<>();
    private final AtomicInteger issued = new AtomicInteger();
    private final AtomicInteger retries = new AtomicInteger();

    public ComplaintDriver(IntakeClient intake, UpstreamWorld world, String runTag) {
        this(List.of(intake), Routing.BY_USER, world, runTag);
    }

    /** A driver spreading its complaints over several intake instances. */
    public ComplaintDriver(List<IntakeClient> intakes, Routing routing, UpstreamWorld world, String runTag) {
        this.intakes = List.copyOf(intakes);
        this.routing = routing;
        this.world = world;
        this.runTag = runTag;
    }

    /** Files {@code count} complaints at {@code ratePerSecond}; returns when every submission has an answer. */
    public Submissions run(int count, double ratePerSecond, long seed) throws InterruptedException {
        Random random = new Random(seed);
        ExecutorService pool = Executors.newFixedThreadPool(32);
        long started = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long due = started + (long) (i * 1e9 / ratePerSecond);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            UpstreamWorld.Order order = world.orders().get(random.nextInt(world.orders().size()));
            ObjectNode body = body(corpus.pick(random), order);
            String key = runTag + "-" + i;
            int first = routing == Routing.BY_USER ? Math.floorMod(order.userId().hashCode(), intakes.size()) : i;
            int second = routing == Routing.BY_USER ? first : first + 1;
            Submissions.KeyOutcome outcome = new Submissions.KeyOutcome(key, i % 10 == 0 ? (i / 10 % 2 == 0 ? Submissions.Repeat.SEQUENTIAL
                    : Submissions.Repeat.CONCURRENT) : Submissions.Repeat.NONE);
            outcomes.put(key, outcome);
            switch (outcome.repeat()) {
                case NONE -> pool.execute(() -> fileOnce(order.userId(), body, outcome, first));
                case SEQUENTIAL -> pool.execute(() -> {
                    fileOnce(order.userId(), body, outcome, first);
                    fileOnce(order.userId(), body, outcome, second);
                });
                case CONCURRENT -> {
                    CountDownLatch together = new CountDownLatch(2);
                    AtomicInteger twins = new AtomicInteger(first);
                    int step = second - first;
                    Runnable twin = () -> {
                        together.countDown();
                        try {
                            together.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                        fileOnce(order.userId(), body, outcome, twins.getAndAdd(step));
                    };
                    pool.execute(twin);
                    pool.execute(twin);
                }
            }
            issued.incrementAndGet();
        }
        pool.shutdown();
        if (!pool.awaitTermination(GIVE_UP_AFTER.toMinutes() + 5, TimeUnit.MINUTES)) {
            pool.shutdownNow();
        }
        return new Submissions(List.copyOf(outcomes.values()), retries.get(), (System.nanoTime() - started) / 1e9);
    }

    /** How many complaints have been handed to the senders so far (the fault schedule follows it). */
    public int issued() {
        return issued.get();
    }

    /** @param first the intake instance to ask first (mod n); retries move on as {@link #routing} says */
    private void fileOnce(String userId, ObjectNode body, Submissions.KeyOutcome outcome, int first) {
        long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        long backoffMillis = 100;
        int instance = first;
        while (System.nanoTime() < deadline) {
            try {
                IntakeClient.Filed filed = intakes.get(Math.floorMod(instance, intakes.size())).file(userId, body, outcome.key());
                if (filed.accepted()) {
                    outcome.accepted(filed.complaintId());
                    return;
                }
                if (filed.status() != 503 && filed.status() != 429 && filed.status() < 500) {
                    outcome.refused(filed.status() + " " + filed.body());
                    return;
                }
                if (routing == Routing.ROUND_ROBIN) {
                    instance++;
                }
            } catch (IOException e) {
                // intake down or restarting: the same key makes the retry safe, on the next instance
                instance++;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            retries.incrementAndGet();
            try {
                Thread.sleep(backoffMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            backoffMillis = Math.min(2000, backoffMillis * 2);
        }
        outcome.refused("no answer within " + GIVE_UP_AFTER);
    }

    static ObjectNode body(ComplaintCorpus.Sample sample, UpstreamWorld.Order order) {
        ObjectNode body = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        body.put("channel", "ORDER_PAGE");
        body.put("text", sample.text());
        body.put("language", sample.english() ? "en" : "zh-CN");
        body.put("orderId", order.orderId());
        body.putArray("demands").add("REFUND");
        body.put("claimedAmountFen", order.amountPaidFen());
        return body;
    }

    /** The answers of one run: per Idempotency-Key, the complaint ids the intake gave. */
    public record Submissions(List<KeyOutcome> keys, int retries, double seconds) {

        public enum Repeat { NONE, SEQUENTIAL, CONCURRENT }

        /** What the intake answered to the submissions under one key. */
        public static final class KeyOutcome {
            private final String key;
            private final Repeat repeat;
            private final List<String> complaintIds = new ArrayList<>();
            private final List<String> refusals = new ArrayList<>();

            public KeyOutcome(String key, Repeat repeat) {
                this.key = key;
                this.repeat = repeat;
            }

            synchronized void accepted(String complaintId) {
                complaintIds.add(complaintId);
            }

            synchronized void refused(String why) {
                refusals.add(why);
            }

            public String key() {
                return key;
            }

            public Repeat repeat() {
                return repeat;
            }

            public synchronized List<String> complaintIds() {
                return List.copyOf(complaintIds);
            }

            public synchronized List<String> refusals() {
                return List.copyOf(refusals);
            }
        }
    }
}
