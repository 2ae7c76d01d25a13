package io.livecomplaints.intake.progress.model;

/**
 * A complaint's progress is readable only by the user who filed it; to anyone else (other users, agents, systems)
 * it does not exist, so its id reveals nothing (404, not 403).
 */
public final class OwnerOnly {

    private OwnerOnly() {
    }

    public static boolean mayRead(boolean callerIsUser, String callerId, String ownerId) {
        return callerIsUser && callerId != null && callerId.equals(ownerId);
    }
}
