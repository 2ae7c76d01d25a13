package io.livecomplaints.schemas.serde;

/** The registry answered with an error, or could not be reached (status 0). */
public class SchemaRegistryException extends RuntimeException {

    private final int status;
    private final int errorCode;

    public SchemaRegistryException(int status, int errorCode, String message) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
    }

    public SchemaRegistryException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
        this.errorCode = 0;
    }

    /** HTTP status, or 0 when the registry could not be reached. */
    public int status() {
        return status;
    }

    /** Confluent error code such as 40401 (subject not found) or 409 (incompatible). */
    public int errorCode() {
        return errorCode;
    }
}
