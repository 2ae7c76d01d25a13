package io.livecomplaints.registry.store;

import io.livecomplaints.schemas.compat.CompatibilityLevel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.avro.Schema;

/**
 * The registry's state, derived only from the {@code _schemas} log by applying entries in order. Deterministic:
 * a claim on an id that another schema already has, on a subject version number already used (even if deleted
 * since), or of a schema the subject already has live, is ignored; the writer that lost sees this and retries.
 * Soft-deleted versions stay (hidden unless asked for); permanently deleted ones go, and their number is never
 * reused, nor is a schema id.
 */
public final class RegistryState {

    /** A schema under a subject; {@code deleted}: soft-deleted. */
    public record Version(String subject, int version, int id, Schema schema, boolean deleted) {

        public Version(String subject, int version, int id, Schema schema) {
            this(subject, version, id, schema, false);
        }
    }

    private final Map<Integer, Schema> schemasById = new HashMap<>();
    private final Map<String, TreeMap<Integer, Version>> subjects = new TreeMap<>();
    private final Map<String, Integer> highestVersion = new HashMap<>();
    private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
    private final Map<String, RegistryMode> subjectModes = new HashMap<>();
    private CompatibilityLevel globalLevel;
    private RegistryMode globalMode = RegistryMode.READWRITE;

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
        } else if (entry instanceof SchemaLogEntry.ModeSet m) {
            if (m.subject() == null) {
                globalMode = m.mode();
            } else {
                subjectModes.put(m.subject(), m.mode());
            }
        } else if (entry instanceof SchemaLogEntry.VersionDeleted d) {
            applyDelete(d);
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
        if (s.version() <= highestVersion.getOrDefault(s.subject(), 0)
                || versions.values().stream().anyMatch(v -> !v.deleted() && v.schema().equals(schema))) {
            return;
        }
        schemasById.put(s.id(), schema);
        highestVersion.put(s.subject(), s.version());
        versions.put(s.version(), new Version(s.subject(), s.version(), s.id(), schema));
    }

    private void applyDelete(SchemaLogEntry.VersionDeleted d) {
        TreeMap<Integer, Version> versions = subjects.get(d.subject());
        Version version = versions == null ? null : versions.get(d.version());
        if (version == null) {
            return;
        }
        if (d.permanent()) {
            versions.remove(d.version());
        } else {
            versions.put(d.version(), new Version(version.subject(), version.version(), version.id(), version.schema(), true));
        }
    }

    /** A schema by id while some version (live or soft-deleted) still refers to it: a permanent delete removes the id. */
    public synchronized Optional<Schema> schemaById(int id) {
        return versionsWithId(id, true).isEmpty() ? Optional.empty() : Optional.ofNullable(schemasById.get(id));
    }

    /** The id this schema has or had; a schema registered again after a permanent delete gets its old id back. */
    public synchronized Optional<Integer> idOf(Schema schema) {
        return schemasById.entrySet().stream().filter(e -> e.getValue().equals(schema)).map(Map.Entry::getKey).findFirst();
    }

    public synchronized int nextId() {
        return schemasById.keySet().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
    }

    /** The number the next version of the subject gets: numbers of deleted versions are not reused. */
    public synchronized int nextVersion(String subject) {
        return highestVersion.getOrDefault(subject, 0) + 1;
    }

    public synchronized List<String> subjects() {
        return subjects(false);
    }

    /** Subjects with a live version, or also those whose versions are all soft-deleted. */
    public synchronized List<String> subjects(boolean includeDeleted) {
        return subjects.entrySet().stream()
                .filter(e -> e.getValue().values().stream().anyMatch(v -> includeDeleted || !v.deleted()))
                .map(Map.Entry::getKey).toList();
    }

    /** Live versions of a subject, oldest first; empty if the subject does not exist. */
    public synchronized List<Version> versions(String subject) {
        return versions(subject, false);
    }

    public synchronized List<Version> versions(String subject, boolean includeDeleted) {
        TreeMap<Integer, Version> versions = subjects.get(subject);
        if (versions == null) {
            return List.of();
        }
        List<Version> result = new ArrayList<>();
        versions.values().stream().filter(v -> includeDeleted || !v.deleted()).forEach(result::add);
        return List.copyOf(result);
    }

    public synchronized Optional<Version> find(String subject, Schema schema) {
        return versions(subject).stream().filter(v -> v.schema().equals(schema)).findFirst();
    }

    public synchronized List<Version> versionsWithId(int id) {
        return versionsWithId(id, false);
    }

    private List<Version> versionsWithId(int id, boolean includeDeleted) {
        return subjects.values().stream().flatMap(v -> v.values().stream())
                .filter(v -> v.id() == id && (includeDeleted || !v.deleted())).toList();
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

    public synchronized RegistryMode globalMode() {
        return globalMode;
    }

    public synchronized Optional<RegistryMode> subjectMode(String subject) {
        return Optional.ofNullable(subjectModes.get(subject));
    }

    public synchronized RegistryMode effectiveMode(String subject) {
        return subjectModes.getOrDefault(subject, globalMode);
    }
}
