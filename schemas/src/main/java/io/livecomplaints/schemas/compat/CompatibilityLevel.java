package io.livecomplaints.schemas.compat;

/** Confluent's compatibility levels. BACKWARD: consumers using the new schema can read data written with the previous one. */
public enum CompatibilityLevel {
    NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE;

    boolean transitive() {
        return name().endsWith("_TRANSITIVE");
    }

    boolean newReadsOld() {
        return this != NONE && !name().startsWith("FORWARD");
    }

    boolean oldReadsNew() {
        return this != NONE && !name().startsWith("BACKWARD");
    }
}
