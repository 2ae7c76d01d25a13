package io.livecomplaints.platform.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One fault-injection run: the faults at points of the run (fractions of the complaints filed) and whether poison is
 * injected. Every scenario files its complaints with 10% Idempotency-Key resubmissions.
 */
public record Scenario(String name, String description, List<Fault> faults, boolean injectsPoison) {

    public static final List<String> SERVICES = List.of("intake-service", "triage-service", "resolution-service",
            "notification-service", "analytics-service");

    /** What a fault does. */
    public enum Action { KILL_SERVICE, STOP_BROKER, KILL_BROKER }

    /**
     * A fault at {@code atFraction} of the run; {@code service} only for KILL_SERVICE; {@code down}, how long a stopped
     * or killed broker stays down before its restart (a crashed host is not back at once).
     */
    public record Fault(double atFraction, Action action, String service, Duration down) {
        public Fault(double atFraction, Action action, String service) {
            this(atFraction, action, service, Duration.ZERO);
        }

        public String describe() {
            String restart = down.isZero() ? " + restart" : ", down " + down.toSeconds() + " s, restart";
            return switch (action) {
                case KILL_SERVICE -> "kill -9 " + service;
                case STOP_BROKER -> "broker clean stop" + restart;
                case KILL_BROKER -> "broker kill -9" + restart;
            } + " at " + Math.round(atFraction * 100) + "%";
        }
    }

    /** kill -9 of each of the five services at 20, 50 and 80% of one run, one after another, each restarted at once. */
    public static Scenario kill(List<String> services) {
        List<Fault> faults = new ArrayList<>();
        for (double at : new double[] {0.2, 0.5, 0.8}) {
            services.forEach(s -> faults.add(new Fault(at, Action.KILL_SERVICE, s)));
        }
        return new Scenario("kill", "kill -9 of " + String.join(", ", services) + " at 20/50/80% (in turn, each restarted at once)",
                faults, false);
    }

    public static Scenario broker() {
        return new Scenario("broker", "broker clean restart at 33%, broker kill -9 + restart at 66%",
                List.of(new Fault(1.0 / 3, Action.STOP_BROKER, null), new Fault(2.0 / 3, Action.KILL_BROKER, null)), false);
    }

    public static Scenario poison() {
        return new Scenario("poison", "1% undecodable + 1% rejected well-formed records on every consumed topic", List.of(), true);
    }

    public static Scenario duplicates() {
        return new Scenario("duplicates", "10% resubmissions with the same Idempotency-Key (half concurrent), no other fault",
                List.of(), false);
    }

    /** The scenarios of a command-line name: all, kill, broker, poison or duplicates, or several joined by commas. */
    public static List<Scenario> named(String name) {
        return named(name, SERVICES);
    }

    /** As {@link #named(String)}, the kill scenario killing only {@code victims} (to re-run one service's recovery). */
    public static List<Scenario> named(String name, List<String> victims) {
        if (!SERVICES.containsAll(victims) || victims.isEmpty()) {
            throw new IllegalArgumentException("unknown service in " + victims + " (" + String.join(", ", SERVICES) + ")");
        }
        if (name.contains(",")) {
            return java.util.Arrays.stream(name.split(",")).flatMap(n -> named(n.strip(), victims).stream()).toList();
        }
        return switch (name) {
            case "all" -> List.of(kill(victims), broker(), poison(), duplicates());
            case "kill" -> List.of(kill(victims));
            case "broker" -> List.of(broker());
            case "poison" -> List.of(poison());
            case "duplicates" -> List.of(duplicates());
            default -> throw new IllegalArgumentException("unknown scenario " + name + " (all, kill, broker, poison, duplicates)");
        };
    }
}
