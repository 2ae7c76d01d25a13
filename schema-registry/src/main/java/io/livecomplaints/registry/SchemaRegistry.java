package io.livecomplaints.registry;

import io.livecomplaints.registry.store.KafkaSchemaLog;
import io.livecomplaints.registry.store.RegistryMode;
import io.livecomplaints.registry.store.RegistryState;
import io.livecomplaints.registry.store.RegistryState.Version;
import io.livecomplaints.registry.store.SchemaLogEntry;
import io.livecomplaints.registry.store.StorageUnavailableException;
import io.livecomplaints.schemas.compat.CompatibilityChecker;
import io.livecomplaints.schemas.compat.CompatibilityLevel;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * The registry's operations, with Confluent's semantics: a schema gets one global id; registering it again under a
 * subject returns the same id; a new version must satisfy the subject's compatibility level or is refused (409).
 */
public final class SchemaRegistry {

    private static final int MAX_WRITE_ATTEMPTS = 20;

    private final RegistryState state;
    private final KafkaSchemaLog log;
    private final Duration writeTimeout;

    public SchemaRegistry(RegistryState state, KafkaSchemaLog log, Duration writeTimeout) {
        this.state = state;
        this.log = log;
        this.writeTimeout = writeTimeout;
    }

    /**
     * Registers the schema under the subject and returns its global id. Writes of one instance are serialized;
     * between instances the log decides, and the loser of a race retries after a short random pause.
     */
    public int register(String subject, String schemaText) {
        Schema schema = parse(schemaText);
        Optional<Version> known = state.find(subject, schema);
        if (known.isPresent()) {
            return known.get().id(); // changes nothing, so allowed in READONLY mode too (services register at start)
        }
        requireWritable(subject);
        synchronized (this) {
            return registerNew(subject, schema);
        }
    }

    private int registerNew(String subject, Schema schema) {
        for (int attempt = 0; attempt < MAX_WRITE_ATTEMPTS; attempt++) {
            if (attempt > 0) {
                pause(attempt);
            }
            Optional<Version> existing = state.find(subject, schema);
            if (existing.isPresent()) {
                return existing.get().id();
            }
            List<Version> versions = state.versions(subject);
            List<String> problems = CompatibilityChecker.check(state.effectiveLevel(subject), schema,
                    versions.stream().map(Version::schema).toList());
            if (!problems.isEmpty()) {
                throw new RegistryException(409, RegistryException.INCOMPATIBLE_SCHEMA,
                        "Schema being registered is incompatible with an earlier schema for subject \"" + subject
                                + "\" (" + state.effectiveLevel(subject) + "): " + String.join("; ", problems));
            }
            int id = state.idOf(schema).orElseGet(state::nextId);
            int version = state.nextVersion(subject);
            write(new SchemaLogEntry.SchemaRegistered(subject, version, id, schema.toString()));
            // Another instance may have claimed the id or the version first; the state tells, and we retry.
        }
        return state.find(subject, schema).map(Version::id).orElseThrow(() ->
                new RegistryException(500, RegistryException.STORE_ERROR, "could not register under " + subject + " after retries"));
    }

    /** The version of the subject that holds this schema. */
    public Version lookup(String subject, String schemaText) {
        Schema schema = parse(schemaText);
        if (state.versions(subject).isEmpty()) {
            throw RegistryException.subjectNotFound(subject);
        }
        return state.find(subject, schema).orElseThrow(() ->
                new RegistryException(404, RegistryException.SCHEMA_NOT_FOUND, "Schema not found under subject '" + subject + "'."));
    }

    public Schema schemaById(int id) {
        return state.schemaById(id).orElseThrow(() ->
                new RegistryException(404, RegistryException.SCHEMA_NOT_FOUND, "Schema " + id + " not found"));
    }

    public List<Version> versionsWithId(int id) {
        schemaById(id);
        return state.versionsWithId(id);
    }

    public List<String> subjects(boolean includeDeleted) {
        return state.subjects(includeDeleted);
    }

    public List<Version> versions(String subject) {
        return versions(subject, false);
    }

    /** @param includeDeleted also soft-deleted versions ({@code ?deleted=true}) */
    public List<Version> versions(String subject, boolean includeDeleted) {
        List<Version> versions = state.versions(subject, includeDeleted);
        if (versions.isEmpty()) {
            throw RegistryException.subjectNotFound(subject);
        }
        return versions;
    }

    public Version version(String subject, String version) {
        return version(subject, version, false);
    }

    /** @param version a version number, or "latest" (or -1) */
    public Version version(String subject, String version, boolean includeDeleted) {
        List<Version> versions = versions(subject, includeDeleted);
        if (isLatest(version)) {
            return versions.get(versions.size() - 1);
        }
        int number = versionNumber(version);
        return versions.stream().filter(v -> v.version() == number).findFirst().orElseThrow(() ->
                new RegistryException(404, RegistryException.VERSION_NOT_FOUND, "Version " + version + " not found."));
    }

    /** Whether the schema could be registered after the given version; the messages say why not. */
    public List<String> compatibility(String subject, String version, String schemaText) {
        Schema schema = parse(schemaText);
        List<Version> versions = state.versions(subject);
        if (versions.isEmpty() && isLatest(version)) {
            return List.of();
        }
        Version against = version(subject, version);
        List<Schema> previous = versions.stream().filter(v -> v.version() <= against.version()).map(Version::schema).toList();
        return CompatibilityChecker.check(state.effectiveLevel(subject), schema, previous);
    }

    /**
     * Whether the schema could be registered now: the same check as a registration, against the subject's live
     * versions with its level (the latest one, or all of them for the _TRANSITIVE levels). An unknown subject
     * accepts anything.
     */
    public List<String> compatibilityWithAll(String subject, String schemaText) {
        Schema schema = parse(schemaText);
        return CompatibilityChecker.check(state.effectiveLevel(subject), schema,
                state.versions(subject).stream().map(Version::schema).toList());
    }

    /**
     * Deletes every version of the subject: soft (hidden; ids still readable; the same schema registered again
     * becomes a new version) or, once soft-deleted, permanently. Returns the version numbers deleted.
     */
    public List<Integer> deleteSubject(String subject, boolean permanent) {
        List<Version> all = state.versions(subject, true);
        if (all.isEmpty()) {
            throw RegistryException.subjectNotFound(subject);
        }
        requireWritable(subject);
        List<Version> live = all.stream().filter(v -> !v.deleted()).toList();
        if (!permanent) {
            if (live.isEmpty()) {
                throw new RegistryException(404, RegistryException.SUBJECT_SOFT_DELETED,
                        "Subject '" + subject + "' was soft deleted.Set permanent=true to delete permanently");
            }
            synchronized (this) {
                live.forEach(v -> write(new SchemaLogEntry.VersionDeleted(subject, v.version(), false)));
            }
            return live.stream().map(Version::version).toList();
        }
        if (!live.isEmpty()) {
            throw new RegistryException(404, RegistryException.SUBJECT_NOT_SOFT_DELETED,
                    "Subject '" + subject + "' was not deleted first before being permanently deleted");
        }
        synchronized (this) {
            all.forEach(v -> write(new SchemaLogEntry.VersionDeleted(subject, v.version(), true)));
        }
        return all.stream().map(Version::version).toList();
    }

    /** Deletes one version, soft or (once soft-deleted) permanently; "latest" names the latest live version. */
    public int deleteVersion(String subject, String version, boolean permanent) {
        if (state.versions(subject, true).isEmpty()) {
            throw RegistryException.subjectNotFound(subject);
        }
        // a number names a version even once soft-deleted (so a second soft delete says so); "latest" a live one
        Version target = version(subject, version, permanent || !isLatest(version));
        requireWritable(subject);
        if (!permanent && target.deleted()) {
            throw new RegistryException(404, RegistryException.VERSION_SOFT_DELETED, "Subject '" + subject + "' Version "
                    + target.version() + " was soft deleted.Set permanent=true to delete permanently");
        }
        if (permanent && !target.deleted()) {
            throw new RegistryException(404, RegistryException.VERSION_NOT_SOFT_DELETED, "Subject '" + subject + "' Version "
                    + target.version() + " was not deleted first before being permanently deleted");
        }
        synchronized (this) {
            write(new SchemaLogEntry.VersionDeleted(subject, target.version(), permanent));
        }
        return target.version();
    }

    public RegistryMode globalMode() {
        return state.globalMode();
    }

    public Optional<RegistryMode> subjectMode(String subject) {
        return state.subjectMode(subject);
    }

    /**
     * Sets the global (subject null) or a subject's mode. IMPORT (registering with given ids, for migrations) is
     * refused: this registry assigns every id itself.
     */
    public RegistryMode setMode(String subject, String mode) {
        RegistryMode parsed;
        try {
            parsed = RegistryMode.valueOf(mode == null ? "" : mode.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new RegistryException(422, RegistryException.INVALID_MODE,
                    "Invalid mode. Valid values are READWRITE, READONLY");
        }
        if (parsed == RegistryMode.IMPORT) {
            throw new RegistryException(422, RegistryException.INVALID_MODE,
                    "Invalid mode. IMPORT is not supported by this registry (it assigns every id itself); valid values are READWRITE, READONLY");
        }
        write(new SchemaLogEntry.ModeSet(subject, parsed));
        return parsed;
    }

    private void requireWritable(String subject) {
        if (state.effectiveMode(subject) != RegistryMode.READWRITE) {
            throw new RegistryException(422, RegistryException.OPERATION_NOT_PERMITTED,
                    "Subject " + subject + " is in read-only mode");
        }
    }

    public CompatibilityLevel globalLevel() {
        return state.globalLevel();
    }

    public Optional<CompatibilityLevel> subjectLevel(String subject) {
        return state.subjectLevel(subject);
    }

    public CompatibilityLevel setLevel(String subject, String level) {
        CompatibilityLevel parsed;
        try {
            parsed = CompatibilityLevel.valueOf(level == null ? "" : level.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new RegistryException(422, RegistryException.INVALID_COMPATIBILITY_LEVEL,
                    "Invalid compatibility level '" + level + "'. Valid: " + List.of(CompatibilityLevel.values()));
        }
        write(new SchemaLogEntry.CompatibilitySet(subject, parsed));
        return parsed;
    }

    private void write(SchemaLogEntry entry) {
        try {
            log.append(entry, writeTimeout);
        } catch (StorageUnavailableException e) {
            throw new RegistryException(500, RegistryException.STORE_ERROR, "Error while storing: " + e.getMessage());
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(1, 10L * Math.min(attempt, 5) + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException(500, RegistryException.STORE_ERROR, "interrupted while registering");
        }
    }

    private static boolean isLatest(String version) {
        return "latest".equalsIgnoreCase(version) || "-1".equals(version);
    }

    private static int versionNumber(String version) {
        try {
            int number = Integer.parseInt(version);
            if (number < 1) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new RegistryException(422, RegistryException.INVALID_VERSION,
                    "The specified version '" + version + "' is not a valid version id. Allowed values are between [1, 2^31-1] and the string \"latest\"");
        }
    }

    private static Schema parse(String schemaText) {
        if (schemaText == null || schemaText.isBlank()) {
            throw new RegistryException(422, RegistryException.INVALID_SCHEMA, "Empty schema");
        }
        try {
            return new Schema.Parser().parse(schemaText);
        } catch (SchemaParseException | NullPointerException e) {
            throw new RegistryException(422, RegistryException.INVALID_SCHEMA, "Invalid schema: " + e.getMessage());
        }
    }
}
