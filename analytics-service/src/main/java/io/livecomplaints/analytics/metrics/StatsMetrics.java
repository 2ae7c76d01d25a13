package io.livecomplaints.analytics.metrics;

import io.livecomplaints.analytics.query.LocalStats;
import io.livecomplaints.analytics.stats.AnalyticsProperties;
import io.livecomplaints.analytics.stats.model.Attributes;
import io.livecomplaints.analytics.stats.model.Dimension;
import io.livecomplaints.analytics.stats.model.Metric;
import io.livecomplaints.analytics.stats.model.Tally;
import io.livecomplaints.support.web.ApiProblem;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Exports the statistics to Prometheus ({@code complaints_analytics_*}), re-read from this instance's stores every
 * {@code complaints.analytics.metrics.refresh}. Each statistic lives on one instance, so summing a metric over
 * instances in PromQL gives the cluster's figure. Labels are low-cardinality only: type, channel, severity, team
 * (counters carry all four, so {@code sum by (type)} works), remedy, party, status; merchants, anchors, products,
 * rooms and regions are exported by name only for the top N of each ({@code complaints_analytics_top_complaints}), and
 * the top N merchants by answer timeouts with their requests ({@code complaints_analytics_top_merchant_timeouts},
 * {@code ..._top_merchant_requests}; overall {@code complaints_analytics_merchant_timeouts_total} and
 * {@code ..._merchant_requests_total}), which the platform's SLA counters do not include.
 * Quantile gauges ({@code ..._first_response_seconds}, {@code ..._resolution_seconds}) come per single attribute,
 * the others labelled {@code all}, because quantiles do not add up.
 *
 * <p>Meters follow the partitions (issue 17): every refresh reads every figure from the stores of the partitions
 * this instance hosts now (active tasks only, as the interactive queries give them), then removes each meter it had
 * registered that this refresh did not set. So after a rebalance moves a partition away, its statistics' meters
 * disappear here with the next complete refresh while the new owner registers them, and a sum over instances counts
 * each statistic once again (an overlap lasts at most a refresh interval; a gap, until the new owner has restored
 * the partition). Reconciling on every refresh, rather than on Streams state changes, also covers rebalances this
 * instance saw no transition for and needs no listener. A refresh that cannot read the stores
 * (restoring, rebalancing: a 503 {@link ApiProblem}) stops before removing anything, so the meters do not vanish and
 * reappear with every rebalance.
 */
@Component
class StatsMetrics implements InitializingBean, DisposableBean {

    static final String PREFIX = "complaints.analytics.";
    private static final Logger log = LoggerFactory.getLogger(StatsMetrics.class);

    /** Counters per profile (type, channel, severity, team): metric → meter name; the value is the count. */
    private static final Map<Metric, String> PROFILE_COUNTS = Map.of(
            Metric.COMPLAINTS, "complaints",
            Metric.BREACHED_COMPLAINTS, "breached.complaints",
            Metric.SLA_BREACHES, "sla.breaches",
            Metric.SLA_WARNINGS, "sla.warnings",
            Metric.ESCALATIONS, "escalations",
            Metric.REOPENED, "reopened",
            Metric.RESOLUTION, "decided",
            Metric.FIRST_RESPONSE, "first.responses",
            Metric.SATISFACTION, "satisfaction.responses",
            Metric.WITHDRAWN, "withdrawn");
    private static final List<Dimension> QUANTILE_DIMENSIONS = List.of(Dimension.ALL, Dimension.TYPE, Dimension.CHANNEL,
            Dimension.SEVERITY, Dimension.TEAM);
    private static final List<Dimension> TOP_DIMENSIONS = List.of(Dimension.MERCHANT, Dimension.ANCHOR, Dimension.PRODUCT,
            Dimension.ROOM, Dimension.REGION);

    private final MeterRegistry registry;
    private final LocalStats local;
    private final AnalyticsProperties.Metrics settings;
    private final Map<Meter.Id, AtomicReference<Double>> values = new ConcurrentHashMap<>();
    /** every meter this class registered, with its id as set by the refreshes */
    private final Map<Meter.Id, Meter> registered = new ConcurrentHashMap<>();
    /** the ids the running refresh has set so far */
    private Set<Meter.Id> exported = new HashSet<>();
    private ScheduledExecutorService scheduler;

    StatsMetrics(MeterRegistry registry, LocalStats local, AnalyticsProperties properties) {
        this.registry = registry;
        this.local = local;
        this.settings = properties.metrics();
    }

    @Override
    public void afterPropertiesSet() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "stats-metrics"));
        long every = settings.refresh().toMillis();
        scheduler.scheduleWithFixedDelay(this::refreshQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void destroy() {
        scheduler.shutdownNow();
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (ApiProblem e) {
            log.debug("statistics not readable yet: {}", e.detail());
        } catch (RuntimeException e) {
            log.warn("refreshing statistics metrics failed", e);
        }
    }

    /** Re-reads every exported figure from the local stores, then removes the meters of figures no longer here. */
    synchronized void refresh() {
        exported = new HashSet<>();
        PROFILE_COUNTS.forEach((metric, name) -> read(metric, Dimension.PROFILE).forEach((profile, tally) ->
                counter(name, profileTags(profile), tally.count())));
        read(Metric.SATISFACTION, Dimension.PROFILE).forEach((profile, tally) ->
                counter("satisfaction.score.points", profileTags(profile), tally.sum()));
        read(Metric.REMEDIES, Dimension.REMEDY).forEach((remedy, tally) -> {
            counter("remedies", Tags.of("remedy", remedy), tally.count());
            counter("remedy.amount.fen", Tags.of("remedy", remedy), tally.sum());
        });
        read(Metric.LIABILITY, Dimension.LIABLE_PARTY).forEach((party, tally) -> counter("liable.party", Tags.of("party", party), tally.count()));
        read(Metric.NOTIFICATIONS, Dimension.DELIVERY).forEach((status, tally) -> counter("notifications", Tags.of("status", status), tally.count()));
        read(Metric.ORDERS, Dimension.ALL).forEach((all, tally) -> counter("orders", Tags.empty(), tally.count()));
        // merchant lateness, apart from the platform's SLA counters
        read(Metric.MERCHANT_REQUESTS, Dimension.ALL).forEach((all, tally) -> counter("merchant.requests", Tags.empty(), tally.count()));
        read(Metric.MERCHANT_TIMEOUTS, Dimension.ALL).forEach((all, tally) -> counter("merchant.timeouts", Tags.empty(), tally.count()));
        // corrections of triage by agents: per type triage had given, per team a transfer left
        read(Metric.RECLASSIFICATIONS, Dimension.TYPE).forEach((type, tally) -> counter("reclassifications", Tags.of("type", type), tally.count()));
        read(Metric.TRANSFERS, Dimension.TEAM).forEach((team, tally) -> counter("transfers", Tags.of("team", team), tally.count()));
        for (Dimension dimension : QUANTILE_DIMENSIONS) {
            read(Metric.FIRST_RESPONSE, dimension).forEach((value, tally) -> quantiles("first.response.seconds", dimension, value, tally));
            read(Metric.RESOLUTION, dimension).forEach((value, tally) -> quantiles("resolution.seconds", dimension, value, tally));
        }
        refreshTop();
        removeAllBut(exported);
    }

    private void refreshTop() {
        for (Dimension dimension : TOP_DIMENSIONS) {
            read(Metric.COMPLAINTS, dimension).entrySet().stream()
                    .sorted((a, b) -> Long.compare(b.getValue().count(), a.getValue().count()))
                    .limit(settings.topN())
                    .forEach(entry -> gauge("top.complaints",
                            Tags.of("dimension", dimension.id(), "key", entry.getKey()), entry.getValue().count()));
        }
        // the merchants with the most answer timeouts, with their requests (the rate is timeouts / requests in PromQL)
        Map<String, Tally> requests = read(Metric.MERCHANT_REQUESTS, Dimension.MERCHANT);
        read(Metric.MERCHANT_TIMEOUTS, Dimension.MERCHANT).entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue().count(), a.getValue().count()))
                .limit(settings.topN())
                .forEach(entry -> {
                    Tags merchant = Tags.of("merchant", entry.getKey());
                    gauge("top.merchant.timeouts", merchant, entry.getValue().count());
                    gauge("top.merchant.requests", merchant, requests.getOrDefault(entry.getKey(), new Tally()).count());
                });
    }

    /** Removes the meters of figures this instance no longer has (another instance's partitions, or out of the top N). */
    private void removeAllBut(Set<Meter.Id> current) {
        registered.keySet().removeIf(id -> {
            if (current.contains(id)) {
                return false;
            }
            registry.remove(registered.get(id));
            values.remove(id);
            return true;
        });
    }

    private Map<String, Tally> read(Metric metric, Dimension dimension) {
        return local.localTotals(metric, dimension);
    }

    private void counter(String name, Tags tags, long value) {
        Meter.Id id = new Meter.Id(PREFIX + name, tags, null, null, Meter.Type.COUNTER);
        holder(id, () -> FunctionCounter.builder(PREFIX + name, values.get(id), h -> h.get()).tags(tags).register(registry))
                .set((double) value);
    }

    private void quantiles(String name, Dimension dimension, String value, Tally tally) {
        Tags tags = Tags.of("type", Dimension.EVERYTHING, "channel", Dimension.EVERYTHING, "severity", Dimension.EVERYTHING,
                "team", Dimension.EVERYTHING);
        if (dimension != Dimension.ALL) {
            tags = tags.and(dimension.id(), value);
        }
        gauge(name, tags.and("quantile", "0.5"), tally.median());
        gauge(name, tags.and("quantile", "0.95"), tally.p95());
    }

    private void gauge(String name, Tags tags, Long value) {
        Meter.Id id = new Meter.Id(PREFIX + name, tags, null, null, Meter.Type.GAUGE);
        holder(id, () -> Gauge.builder(PREFIX + name, values.get(id), h -> h.get()).tags(tags).register(registry))
                .set(value == null ? Double.NaN : value.doubleValue());
    }

    /** The value holder of a meter, registering the meter the first time; marks the meter as set by this refresh. */
    private AtomicReference<Double> holder(Meter.Id id, java.util.function.Supplier<Meter> register) {
        exported.add(id);
        AtomicReference<Double> existing = values.get(id);
        if (existing != null) {
            return existing;
        }
        AtomicReference<Double> created = new AtomicReference<>(0.0);
        values.put(id, created);
        registered.put(id, register.get());
        return created;
    }

    private static Tags profileTags(String profile) {
        Attributes attributes = Attributes.ofProfile(profile);
        return Tags.of("type", attributes.type(), "channel", attributes.channel(), "severity", attributes.severity(),
                "team", attributes.team());
    }
}
