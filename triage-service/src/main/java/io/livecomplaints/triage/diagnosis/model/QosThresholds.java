package io.livecomplaints.triage.diagnosis.model;

import java.time.Duration;

/**
 * When telemetry says the platform is at fault.
 *
 * @param lookBefore          telemetry windows considered before the complaint time
 * @param lookAfter           ... and after it (users complain a little after the stutter started)
 * @param minPushBitrateRatio the anchor's push is degraded below this share of its expected bitrate
 * @param minPushFps          ... or below this frame rate
 * @param degradedShare       ... in at least this share of the samples
 * @param maxNodeLoad         a CDN node is overloaded from this utilisation on (0..1)
 * @param maxStallRatio       ... or when its viewers stall this share of the time
 */
public record QosThresholds(Duration lookBefore, Duration lookAfter, double minPushBitrateRatio, double minPushFps,
                            double degradedShare, double maxNodeLoad, double maxStallRatio) {
}
