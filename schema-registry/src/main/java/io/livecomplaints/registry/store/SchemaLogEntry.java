package io.livecomplaints.registry.store;

import io.livecomplaints.schemas.compat.CompatibilityLevel;

/** A record of the {@code _schemas} log: a schema registered under a subject, or a compatibility setting. */
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
}
