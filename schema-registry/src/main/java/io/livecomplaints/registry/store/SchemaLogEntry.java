package io.livecomplaints.registry.store;

import io.livecomplaints.schemas.compat.CompatibilityLevel;

/**
 * A record of the {@code _schemas} log: a schema registered under a subject, a compatibility setting, a mode, or
 * the deletion of a subject version.
 */
public sealed interface SchemaLogEntry {

    /**
     * A schema registered as {@code version} of {@code subject} with global {@code id}. Readers apply these in log
     * order and the first claim of an id or a subject version wins, so every instance derives the same state.
     */
    record SchemaRegistered(String subject, int version, int id, String schema) implements SchemaLogEntry {
    }

    /** Compatibility level of a subject, or the global default when subject is null. Last one wins. */
    record CompatibilitySet(String subject, CompatibilityLevel level) implements SchemaLogEntry {
    }

    /** Mode of a subject, or the global mode when subject is null. Last one wins. */
    record ModeSet(String subject, RegistryMode mode) implements SchemaLogEntry {
    }

    /**
     * A subject version soft-deleted (hidden, its id still readable) or, when {@code permanent}, removed. Version
     * numbers are never reused, so the key (subject, version) names one version forever: a permanent delete
     * replaces the soft one under compaction and the schema record it refers to stays before it in the log.
     */
    record VersionDeleted(String subject, int version, boolean permanent) implements SchemaLogEntry {
    }
}
