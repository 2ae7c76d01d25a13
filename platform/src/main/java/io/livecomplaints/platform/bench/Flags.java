package io.livecomplaints.platform.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** {@code --name value} command-line flags with defaults; unknown flags are reported, never ignored silently. */
final class Flags {

    private final Map<String, String> values;
    private final Set<String> read = new TreeSet<>();

    private Flags(Map<String, String> values) {
        this.values = values;
    }

    static Flags parse(String[] args, int from) {
        Map<String, String> values = new HashMap<>();
        for (int i = from; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --flag value, got " + args[i]);
            }
            values.put(args[i].substring(2), args[i + 1]);
        }
        return new Flags(values);
    }

    String string(String name, String fallback) {
        read.add(name);
        return values.getOrDefault(name, fallback);
    }

    int integer(String name, int fallback) {
        return Integer.parseInt(string(name, Integer.toString(fallback)));
    }

    double decimal(String name, double fallback) {
        return Double.parseDouble(string(name, Double.toString(fallback)));
    }

    boolean has(String name) {
        read.add(name);
        return values.containsKey(name);
    }

    /** Flags given but never asked for: a typo would otherwise silently run with the defaults. */
    Set<String> unknown() {
        Set<String> unknown = new TreeSet<>(values.keySet());
        unknown.removeAll(read);
        return unknown;
    }
}
