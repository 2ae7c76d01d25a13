package io.livecomplaints.analytics.query;

import io.livecomplaints.analytics.stats.model.Tally;
import io.livecomplaints.analytics.stats.model.TallyState;
import io.livecomplaints.support.streams.query.StoreOwners;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.streams.state.HostInfo;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads another instance's share of the statistics over its internal endpoint
 * ({@code GET /internal/v1/stats/tallies}) with {@link StoreOwners#askPeer}, which passes on the caller's bearer token
 * (the endpoint needs the same roles) and trace.
 */
@Component
class RemoteStats {

    static final String PATH = "/internal/v1/stats/tallies";

    /** A tally on the wire: its key, window start (epoch millis, null for all-time) and state (as its store keeps it). */
    record WireTally(String key, Long windowStart, TallyState tally) {

        static WireTally of(TallyEntry entry) {
            return new WireTally(entry.key(), entry.windowStart() == null ? null : entry.windowStart().toEpochMilli(),
                    entry.tally().state());
        }

        TallyEntry entry() {
            return new TallyEntry(key, windowStart == null ? null : Instant.ofEpochMilli(windowStart), Tally.of(tally));
        }
    }

    private final StoreOwners owners;
    private final JsonMapper json;

    RemoteStats(StoreOwners owners, JsonMapper json) {
        this.owners = owners;
        this.json = json;
    }

    /** The instance's tallies of the selection in the given partitions; IOException if it cannot be reached. */
    List<TallyEntry> read(HostInfo host, Set<Integer> partitions, StoreSelection selection) throws IOException {
        StringBuilder path = new StringBuilder(PATH)
                .append("?store=").append(encode(selection.store())).append("&prefix=").append(encode(selection.prefix()))
                .append("&partitions=").append(partitions.stream().map(String::valueOf).collect(Collectors.joining(",")));
        if (selection.from() != null) {
            path.append("&from=").append(selection.from()).append("&to=").append(selection.to());
        }
        List<WireTally> wire = json.readValue(owners.askPeer(host, path.toString()), new TypeReference<List<WireTally>>() { });
        return wire.stream().map(WireTally::entry).toList();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
