package io.livecomplaints.registry.store;

/** Confluent's registry modes: READWRITE accepts new schemas; READONLY refuses registrations and deletes. */
public enum RegistryMode {
    READWRITE, READONLY, IMPORT
}
