package io.livecomplaints.analytics.query;

import io.livecomplaints.analytics.stats.StatsStores;
import io.livecomplaints.analytics.stats.model.Granularity;
import io.livecomplaints.support.streams.query.StoreOwners;
import io.livecomplaints.support.web.ApiProblem;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /internal/v1/stats/tallies}: this instance's share of one store (the partitions named in {@code partitions},
 * which it must run as active tasks, else 503), for the instance that scatters a query. Same roles as the public API; not meant for people.
 */
@RestController
@PreAuthorize("hasAnyRole('OPERATOR','SYSTEM')")
class InternalStatsController {

    private final LocalStats local;
    private final StoreOwners owners;

    InternalStatsController(LocalStats local, StoreOwners owners) {
        this.local = local;
        this.owners = owners;
    }

    @GetMapping(RemoteStats.PATH)
    List<RemoteStats.WireTally> tallies(@RequestParam String store, @RequestParam String prefix,
                                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                                        @RequestParam(required = false) String partitions) {
        StoreSelection selection;
        if (StatsStores.TOTAL.equals(store)) {
            selection = StoreSelection.total(prefix);
        } else {
            Granularity granularity = StatsStores.granularityOf(store).orElseThrow(() -> badRequest("store", "no tally store '" + store + "'"));
            if (from == null || to == null || !from.isBefore(to)) {
                throw badRequest(from == null ? "from" : "to", "windowed stores need from before to");
            }
            selection = StoreSelection.windows(granularity, prefix, from, to);
        }
        // an older sender names no partitions: it gets every partition this instance runs
        Set<Integer> asked = partitions == null ? owners.localPartitions(store) : StoreOwners.parsePartitions(partitions, "partitions");
        return local.read(selection, asked).stream().map(RemoteStats.WireTally::of).toList();
    }

    private static ApiProblem badRequest(String field, String message) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, null, message).field(field);
    }
}
