package io.livecomplaints.support.streams.schedule;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * A persisted schedule in a processor's key-value store: entries due at an instant, each with an id (unique per
 * instant) and a value. Keys sort by time: 8 bytes big-endian of the due time in epoch millis (sign bit flipped, so
 * that byte order is time order for any instant), then the id in UTF-8. What is due is therefore a range scan from
 * the start, and a drain is bounded by a count (and optionally a time budget): what it leaves stays for the next one.
 *
 * <p>Scheduling the same (due, id) twice keeps one entry (the later value). An entry is deleted before its handler
 * runs, so the handler may schedule it again; in a Streams task the deletion and whatever the handler writes and
 * forwards commit together (exactly-once), and a crash before the commit fires it again.
 *
 * <pre>{@code
 * // topology: builder.addStateStore(DurableSchedule.storeBuilder("sla-schedule", StateSerdes.json(SlaTimer.class)));
 * // processor init():
 * timers = DurableSchedule.from(context, "sla-schedule");
 * context.schedule(Duration.ofSeconds(1), PunctuationType.WALL_CLOCK_TIME, t -> timers.drainDue(now(), 500, this::fire));
 * // process(): timers.schedule(deadline, complaintId + "|DEADLINE", timer);
 * }</pre>
 *
 * @param <V> the value kept with each entry (its serde is the store's value serde)
 */
public final class DurableSchedule<V> {

    private static final int TIME_BYTES = Long.BYTES;

    private final KeyValueStore<Bytes, V> store;

    public DurableSchedule(KeyValueStore<Bytes, V> store) {
        this.store = Objects.requireNonNull(store);
    }

    /** The schedule in the processor's store {@code storeName} (connected to the processor in the topology). */
    public static <V> DurableSchedule<V> from(ProcessorContext<?, ?> context, String storeName) {
        KeyValueStore<Bytes, V> store = context.getStateStore(storeName);
        return new DurableSchedule<>(store);
    }

    /** A persistent (RocksDB, changelogged) store for a schedule. */
    public static <V> StoreBuilder<KeyValueStore<Bytes, V>> storeBuilder(String name, Serde<V> valueSerde) {
        return storeBuilder(Stores.persistentKeyValueStore(name), valueSerde);
    }

    /** A store for a schedule from any supplier (e.g. {@code Stores.inMemoryKeyValueStore}). */
    public static <V> StoreBuilder<KeyValueStore<Bytes, V>> storeBuilder(KeyValueBytesStoreSupplier supplier, Serde<V> valueSerde) {
        return Stores.keyValueStoreBuilder(supplier, Serdes.Bytes(), valueSerde);
    }

    /** One entry that came due. */
    public record Due<V>(Instant due, String id, V value) {
    }

    /** Adds (or replaces) the entry {@code id} due at {@code due} (millisecond precision). */
    public void schedule(Instant due, String id, V value) {
        store.put(key(due.toEpochMilli(), id), Objects.requireNonNull(value, "value"));
    }

    /** Removes the entry {@code id} due at {@code due}, if it is there. */
    public void cancel(Instant due, String id) {
        store.delete(key(due.toEpochMilli(), id));
    }

    /**
     * Removes and hands over the entries due at or before {@code now}, oldest first (same instant: by id), at most
     * {@code max}.
     *
     * @return how many were handed over
     */
    public int drainDue(Instant now, int max, Consumer<Due<V>> onDue) {
        return drainDue(now, max, null, onDue);
    }

    /**
     * Like {@link #drainDue(Instant, int, Consumer)}, and stops handing over once {@code budget} has passed since the
     * call (measured before each entry): a slow handler (a provider call) cannot hold the stream thread for long.
     */
    public int drainDue(Instant now, int max, Duration budget, Consumer<Due<V>> onDue) {
        long started = System.nanoTime();
        List<KeyValue<Bytes, V>> due = new ArrayList<>();
        long nowMillis = now.toEpochMilli();
        // the iterator is closed before anything is deleted or scheduled: handlers may write to the store
        try (KeyValueIterator<Bytes, V> entries = nowMillis == Long.MAX_VALUE ? store.all()
                : store.range(timePrefix(Long.MIN_VALUE), timePrefix(nowMillis + 1))) {
            while (entries.hasNext() && due.size() < max) {
                due.add(entries.next());
            }
        }
        int handed = 0;
        for (KeyValue<Bytes, V> entry : due) {
            if (budget != null && System.nanoTime() - started > budget.toNanos()) {
                break; // the rest stays scheduled for the next drain
            }
            store.delete(entry.key);
            onDue.accept(new Due<>(dueOf(entry.key), idOf(entry.key), entry.value));
            handed++;
        }
        return handed;
    }

    /**
     * Time then id. Ids are never empty, so the bare time prefix of {@code now + 1} sorts before every entry due then
     * and is a safe inclusive upper bound of "due at or before now".
     */
    static Bytes key(long dueMillis, String id) {
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("a schedule entry needs a non-empty id");
        }
        byte[] idBytes = id.getBytes(StandardCharsets.UTF_8);
        return Bytes.wrap(ByteBuffer.allocate(TIME_BYTES + idBytes.length).putLong(dueMillis ^ Long.MIN_VALUE).put(idBytes).array());
    }

    private static Bytes timePrefix(long millis) {
        return Bytes.wrap(ByteBuffer.allocate(TIME_BYTES).putLong(millis ^ Long.MIN_VALUE).array());
    }

    private static Instant dueOf(Bytes key) {
        return Instant.ofEpochMilli(ByteBuffer.wrap(key.get()).getLong() ^ Long.MIN_VALUE);
    }

    private static String idOf(Bytes key) {
        byte[] bytes = key.get();
        return new String(bytes, TIME_BYTES, bytes.length - TIME_BYTES, StandardCharsets.UTF_8);
    }
}
