package io.livecomplaints.analytics.satisfaction;

import io.livecomplaints.analytics.query.StatsQuery;
import io.livecomplaints.analytics.query.model.Period;
import io.livecomplaints.analytics.satisfaction.model.SatisfactionFigures;
import io.livecomplaints.analytics.stats.model.Dimension;
import io.livecomplaints.analytics.stats.model.Metric;
import io.livecomplaints.analytics.stats.model.Tally;
import io.livecomplaints.analytics.web.StatsParameters;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/stats/satisfaction?by=type[&from=&to=]}: survey answers and mean score, decided and reopened
 * complaints and the reopen rate per value of a breakdown, and the distribution of scores overall.
 */
@RestController
@PreAuthorize("hasAnyRole('OPERATOR','SYSTEM')")
class SatisfactionController {

    static final Set<Dimension> BREAKDOWNS = EnumSet.of(Dimension.ALL, Dimension.TYPE, Dimension.CHANNEL,
            Dimension.SEVERITY, Dimension.TEAM);

    record Satisfaction(String by, Instant from, Instant to, Map<String, SatisfactionFigures> figures, Map<String, Long> scores) {
    }

    private final StatsQuery stats;

    SatisfactionController(StatsQuery stats) {
        this.stats = stats;
    }

    @GetMapping("/api/v1/stats/satisfaction")
    Satisfaction satisfaction(@RequestParam(defaultValue = "all") String by,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
        Dimension dimension = StatsParameters.dimension(by, BREAKDOWNS);
        Period period = StatsParameters.period(from, to);
        Map<String, Tally> answers = stats.breakdown(Metric.SATISFACTION, dimension, period);
        Map<String, Tally> decided = stats.breakdown(Metric.RESOLUTION, dimension, period);
        Map<String, Tally> reopened = stats.breakdown(Metric.REOPENED, dimension, period);
        Set<String> values = new TreeSet<>(answers.keySet());
        values.addAll(decided.keySet());
        values.addAll(reopened.keySet());
        Map<String, SatisfactionFigures> figures = new TreeMap<>();
        for (String value : values) {
            figures.put(value, SatisfactionFigures.of(answers.getOrDefault(value, new Tally()),
                    decided.getOrDefault(value, new Tally()), reopened.getOrDefault(value, new Tally())));
        }
        return new Satisfaction(dimension.id(), from, to, figures, stats.counts(Metric.SATISFACTION, Dimension.SCORE, period));
    }
}
