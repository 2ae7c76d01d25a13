package io.livecomplaints.resolution.sla.model;

import java.util.HashMap;
import java.util.Map;

/**
 * Which time a team's handling-plan and resolution clocks count. DOMAIN.md: hours are calendar hours, as the user
 * lives them, so every team counts calendar time (24×7) unless it opted in to a business calendar (e.g. a team that
 * only works days); then "48 h" means 48 working hours of that calendar. The first-response clock (intake's promise
 * to the user) and the merchant's 48 h are not a team's working time and always count calendar time.
 */
public final class SlaCalendars {

    private final Map<String, BusinessCalendar> businessCalendarTeams;

    private SlaCalendars(Map<String, BusinessCalendar> businessCalendarTeams) {
        this.businessCalendarTeams = Map.copyOf(businessCalendarTeams);
    }

    /** Calendar time for every team (the default). */
    public static SlaCalendars calendarTime() {
        return new SlaCalendars(Map.of());
    }

    /** The same, with {@code team}'s plan and resolution clocks counting the working time of {@code calendar}. */
    public SlaCalendars withBusinessCalendar(String team, BusinessCalendar calendar) {
        Map<String, BusinessCalendar> teams = new HashMap<>(businessCalendarTeams);
        teams.put(team, calendar);
        return new SlaCalendars(teams);
    }

    /** The calendar the team's clocks count: its business calendar if it opted in, else calendar time. */
    public BusinessCalendar forTeam(String team) {
        return businessCalendarTeams.getOrDefault(team, BusinessCalendar.ALWAYS_OPEN);
    }

    Map<String, BusinessCalendar> teams() {
        return businessCalendarTeams;
    }

    public boolean countsBusinessHours(String team) {
        return businessCalendarTeams.containsKey(team);
    }
}
