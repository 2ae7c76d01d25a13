package io.livecomplaints.registry.store;

/** Kafka, where the registry keeps its state, could not be written or read in time. */
public class StorageUnavailableException extends RuntimeException {
    public StorageUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
