package io.livecomplaints.registry.store;

import io.livecomplaints.schemas.compat.CompatibilityLevel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.avro.Schema;

/**
 * The registry's state, derived only from the {@code _schemas} log by applying entries in order. Deterministic:
 * a claim on an id that another schema already has, on a subject version already taken, or of a schema the
 * subject already has, is ignored; the writer that lost sees this and retries.
 */
public final class RegistryState {

    /** A schema under a subject. */
    public record Version(String subject, int version, int id, Schema schema) {
    }

    private final Map<Integer, Schema> schemasById = new HashMap<>();
    private final Map<String, TreeMap<Integer, Version>> subjects = new TreeMap<>();
    private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
    private CompatibilityLevel globalLevel;

    public RegistryState(CompatibilityLevel defaultLevel) {
        this.globalLevel = defaultLevel;
    }

    public synchronized void apply(SchemaLogEntry entry) {
        if (entry instanceof SchemaLogEntry.SchemaRegistered s) {
            applySchema(s);
        } else if (entry instanceof SchemaLogEntry.CompatibilitySet c) {
            if (c.subject() == null) {
                globalLevel = c.level();
            } else {
                subjectLevels.put(c.subject(), c.level());
            }
        }
    }

    private void applySchema(SchemaLogEntry.SchemaRegistered s) {
        Schema schema;
        try {
            schema = new Schema.Parser().parse(s.schema());
        } catch (RuntimeException e) {
            return; // never written by us: writers validate first
        }
        Schema holder = schemasById.get(s.id());
        if (holder != null && !holder.equals(schema)) {
            return;
        }
        Optional<Integer> existingId = idOf(schema);
        if (holder == null && existingId.isPresent()) {
            return; // one schema, one id
        }
        TreeMap<Integer, Version> versions = subjects.computeIfAbsent(s.subject(), k -> new TreeMap<>());
        if (versions.containsKey(s.version()) || versions.values().stream().anyMatch(v -> v.schema().equals(schema))) {
            return;
        }
        schemasById.put(s.id(), schema);
        versions.put(s.version(), new Version(s.subject(), s.version(), s.id(), schema));
    }

    public synchronized Optional<Schema> schemaById(int id) {
        return Optional.ofNullable(schemasById.get(id));
    }

    public synchronized Optional<Integer> idOf(Schema schema) {
        return schemasById.entrySet().stream().filter(e -> e.getValue().equals(schema)).map(Map.Entry::getKey).findFirst();
    }

    public synchronized int nextId() {
        return schemasById.keySet().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
    }

    public synchronized List<String> subjects() {
        return subjects.entrySet().stream().filter(e -> !e.getValue().isEmpty()).map(Map.Entry::getKey).toList();
    }

    /** Versions of a subject, oldest first; empty if the subject does not exist. */
    public synchronized List<Version> versions(String subject) {
        TreeMap<Integer, Version> versions = subjects.get(subject);
        return versions == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(versions.values()));
    }

    public synchronized Optional<Version> find(String subject, Schema schema) {
        return versions(subject).stream().filter(v -> v.schema().equals(schema)).findFirst();
    }

    public synchronized List<Version> versionsWithId(int id) {
        return subjects.values().stream().flatMap(v -> v.values().stream()).filter(v -> v.id() == id).toList();
    }

    public synchronized CompatibilityLevel globalLevel() {
        return globalLevel;
    }

    public synchronized Optional<CompatibilityLevel> subjectLevel(String subject) {
        return Optional.ofNullable(subjectLevels.get(subject));
    }

    public synchronized CompatibilityLevel effectiveLevel(String subject) {
        return subjectLevels.getOrDefault(subject, globalLevel);
    }
}
