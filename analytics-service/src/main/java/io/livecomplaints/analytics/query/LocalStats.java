package io.livecomplaints.analytics.query;

import io.livecomplaints.analytics.stats.StatsStores;
import io.livecomplaints.analytics.stats.model.Dimension;
import io.livecomplaints.analytics.stats.model.Metric;
import io.livecomplaints.analytics.stats.model.StatKey;
import io.livecomplaints.analytics.stats.model.Tally;
import io.livecomplaints.analytics.stats.model.TallyState;
import io.livecomplaints.support.streams.query.StoreOwners;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.springframework.stereotype.Component;

/**
 * Reads statistics from this instance's active partitions (interactive queries, one partition at a time). An instance
 * holding only standby copies of a store has no active partitions of it and reads nothing: it is never asked for a
 * share of a query (see {@link StatsQuery}) and exports no meters for partitions it does not run.
 */
@Component
public class LocalStats {

    private static final String AFTER_EVERY_SUFFIX = String.valueOf(Character.MAX_VALUE);

    private final StoreOwners owners;

    LocalStats(StoreOwners owners) {
        this.owners = owners;
    }

    /** This instance's all-time tallies of every value of a breakdown (the partitions it runs now, possibly none). */
    public Map<String, Tally> localTotals(Metric metric, Dimension dimension) {
        Map<String, Tally> out = new HashMap<>();
        StoreSelection selection = StoreSelection.total(StatKey.prefix(metric, dimension));
        for (TallyEntry entry : read(selection, owners.localPartitions(StatsStores.TOTAL))) {
            out.merge(StatKey.parse(entry.key()).value(), entry.tally(), Tally::merge);
        }
        return out;
    }

    /** The selected tallies of the given partitions; 503 with Retry-After if one of them is not active here now. */
    List<TallyEntry> read(StoreSelection selection, Set<Integer> partitions) {
        List<TallyEntry> out = new ArrayList<>();
        for (int partition : partitions) {
            if (selection.windowed()) {
                owners.readLocal(selection.store(), partition, QueryableStoreTypes.<String, TallyState>windowStore(),
                        store -> readWindows(store, selection, out));
            } else {
                owners.readLocal(selection.store(), partition, QueryableStoreTypes.<String, TallyState>keyValueStore(),
                        store -> readTotals(store, selection, out));
            }
        }
        return out;
    }

    private static List<TallyEntry> readWindows(ReadOnlyWindowStore<String, TallyState> store, StoreSelection selection,
                                                List<TallyEntry> out) {
        try (KeyValueIterator<Windowed<String>, TallyState> range = store.fetch(selection.prefix(),
                selection.prefix() + AFTER_EVERY_SUFFIX, selection.from(), selection.to().minusMillis(1))) {
            range.forEachRemaining(kv -> {
                if (kv.key.key().startsWith(selection.prefix())) {
                    out.add(new TallyEntry(kv.key.key(), kv.key.window().startTime(), Tally.of(kv.value)));
                }
            });
        }
        return out;
    }

    private static List<TallyEntry> readTotals(ReadOnlyKeyValueStore<String, TallyState> store, StoreSelection selection,
                                               List<TallyEntry> out) {
        try (KeyValueIterator<String, TallyState> range = store.range(selection.prefix(), selection.prefix() + AFTER_EVERY_SUFFIX)) {
            range.forEachRemaining(kv -> {
                if (kv.key.startsWith(selection.prefix())) {
                    out.add(new TallyEntry(kv.key, null, Tally.of(kv.value)));
                }
            });
        }
        return out;
    }
}
