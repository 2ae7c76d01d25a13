package io.livecomplaints.analytics.web;

import io.livecomplaints.analytics.query.model.Period;
import io.livecomplaints.analytics.stats.model.Dimension;
import io.livecomplaints.analytics.stats.model.Granularity;
import io.livecomplaints.support.web.ApiProblem;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.springframework.http.HttpStatus;

/**
 * Turns query parameters into a period, a dimension or a window size, or throws a 400 {@link ApiProblem} naming the
 * parameter (rendered by service-support's ApiProblemAdvice).
 */
public final class StatsParameters {

    /**
     * The instants a period may name: statistics exist only from the platform's epoch on, and the window stores fail
     * (segment arithmetic, long overflow) far outside it; the review report also reads the period just before, which
     * stays on or after 1970 for every allowed period.
     */
    public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");
    public static final Duration LONGEST = Duration.ofDays(30 * 365);

    private StatsParameters() {
    }

    /**
     * 400 naming the field, the message as detail (title "Bad Request"); a bad {@code from} or {@code to} also gives
     * the allowed range ({@code earliest}, {@code latest}).
     */
    public static ApiProblem badParameter(String field, String message) {
        ApiProblem problem = new ApiProblem(HttpStatus.BAD_REQUEST, null, message).field(field);
        if (field.equals("from") || field.equals("to")) {
            problem.with("earliest", EARLIEST.toString()).with("latest", LATEST.toString());
        }
        return problem;
    }

    public static Period period(Instant from, Instant to) {
        if ((from == null) != (to == null)) {
            throw badParameter(from == null ? "from" : "to", "give both from and to (ISO-8601 instants), or neither for all time");
        }
        if (from != null && !from.isBefore(to)) {
            throw badParameter("to", "to must be after from");
        }
        if (from != null) {
            within("from", from);
            within("to", to);
            if (Duration.between(from, to).compareTo(LONGEST) > 0) {
                throw badParameter("to", "a period may span at most " + LONGEST.toDays() + " days");
            }
        }
        return new Period(from, to);
    }

    private static void within(String field, Instant value) {
        if (value.isBefore(EARLIEST) || value.isAfter(LATEST)) {
            throw badParameter(field, field + " must lie between " + EARLIEST + " and " + LATEST);
        }
    }

    public static Dimension dimension(String by, Set<Dimension> allowed) {
        try {
            Dimension dimension = Dimension.fromId(by);
            if (allowed.contains(dimension)) {
                return dimension;
            }
        } catch (IllegalArgumentException e) {
            // fall through to the answer naming what is allowed
        }
        throw badParameter("by", "'" + by + "' is not one of " + allowed.stream().map(Dimension::id).sorted().toList());
    }

    public static Granularity window(String window) {
        try {
            return Granularity.fromId(window);
        } catch (IllegalArgumentException e) {
            throw badParameter("window", "window must be total, 1m, 1h or 1d");
        }
    }
}
