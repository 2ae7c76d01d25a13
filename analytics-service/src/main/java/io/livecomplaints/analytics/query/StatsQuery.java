package io.livecomplaints.analytics.query;

import io.livecomplaints.analytics.stats.AnalyticsProperties;
import io.livecomplaints.analytics.query.model.Period;
import io.livecomplaints.analytics.query.model.WindowChoice;
import io.livecomplaints.analytics.stats.model.Dimension;
import io.livecomplaints.analytics.stats.model.Granularity;
import io.livecomplaints.analytics.stats.model.Metric;
import io.livecomplaints.analytics.stats.model.StatKey;
import io.livecomplaints.analytics.stats.model.Tally;
import io.livecomplaints.support.streams.query.StoreOwners;
import io.livecomplaints.support.web.ApiProblem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Answers statistics for the whole cluster of analytics instances. Every statistic key lives in exactly one
 * partition, owned by one instance; a breakdown (every value of a dimension) spans partitions, so the query is
 * scattered with {@link StoreOwners#gather} to every instance running active partitions of the store, each asked for
 * exactly the partitions it runs (this one read locally, the others over HTTP on their internal endpoint), and the
 * disjoint answers are merged. If any owner cannot answer within the patience, the query fails (503 with Retry-After)
 * rather than returning partial figures.
 */
@Service
public class StatsQuery {

    private final StoreOwners owners;
    private final LocalStats local;
    private final RemoteStats remote;
    private final Map<Granularity, Duration> retention = new EnumMap<>(Granularity.class);
    private final Clock clock;

    StatsQuery(StoreOwners owners, LocalStats local, RemoteStats remote, AnalyticsProperties properties) {
        this.owners = owners;
        this.local = local;
        this.remote = remote;
        this.clock = Clock.systemUTC();
        retention.put(Granularity.MINUTE, properties.retention().minute());
        retention.put(Granularity.HOUR, properties.retention().hour());
        retention.put(Granularity.DAY, properties.retention().day());
    }

    /** Every value of the dimension with its tally over the period (all-time totals, or merged windows). */
    public Map<String, Tally> breakdown(Metric metric, Dimension dimension, Period period) {
        String prefix = StatKey.prefix(metric, dimension);
        StoreSelection selection;
        if (period.isAllTime()) {
            selection = StoreSelection.total(prefix);
        } else {
            WindowChoice.Plan plan = plan(period);
            selection = StoreSelection.windows(plan.granularity(), prefix, plan.from(), plan.to());
        }
        Map<String, Tally> out = new HashMap<>();
        for (TallyEntry entry : gather(selection)) {
            out.merge(StatKey.parse(entry.key()).value(), entry.tally(), Tally::merge);
        }
        return out;
    }

    /** Every value of the dimension with its count over the period. */
    public Map<String, Long> counts(Metric metric, Dimension dimension, Period period) {
        Map<String, Long> out = new java.util.TreeMap<>();
        breakdown(metric, dimension, period).forEach((value, tally) -> out.put(value, tally.count()));
        return out;
    }

    /** The overall tally of a metric over the period. */
    public Tally overall(Metric metric, Period period) {
        return breakdown(metric, Dimension.ALL, period).getOrDefault(Dimension.EVERYTHING, new Tally());
    }

    /** Every window of the size in [from, to), each with every value of the dimension. */
    public SortedMap<Instant, Map<String, Tally>> series(Metric metric, Dimension dimension, Granularity granularity,
                                                         Instant from, Instant to) {
        SortedMap<Instant, Map<String, Tally>> out = new TreeMap<>();
        for (TallyEntry entry : gather(StoreSelection.windows(granularity, StatKey.prefix(metric, dimension), from, to))) {
            out.computeIfAbsent(entry.windowStart(), w -> new HashMap<>())
                    .merge(StatKey.parse(entry.key()).value(), entry.tally(), Tally::merge);
        }
        return out;
    }

    /** Which windows answer the period (see {@link WindowChoice}); 400 naming {@code from} if none still does. */
    public WindowChoice.Plan plan(Period period) {
        try {
            return WindowChoice.plan(period, retention, clock.instant());
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, null, e.getMessage()).field("from");
        }
    }

    public Map<Granularity, Duration> retention() {
        return retention;
    }

    /** Every owner's share of the selection (this instance's read directly), complete or a 503 with Retry-After. */
    private List<TallyEntry> gather(StoreSelection selection) {
        List<TallyEntry> entries = new ArrayList<>();
        owners.gather(selection.store(), partitions -> local.read(selection, partitions),
                (host, partitions) -> remote.read(host, partitions, selection)).forEach(entries::addAll);
        return entries;
    }
}
