package io.livecomplaints.triage.grading.model;

import java.util.Optional;

/**
 * Users whose complaint history looks malicious (恶意投诉: at least {@code minRejected} rejected complaints, making up
 * at least {@code minRejectedShare} of their record) get less priority. Their complaint is still recorded, triaged
 * and answered: only its place in the queue changes.
 */
public record LowTrustRule(int minRejected, double minRejectedShare, int points) implements GradeRule {

    @Override
    public Optional<PriorityRaise> apply(GradingFacts facts) {
        UserCredit credit = facts.credit();
        if (credit == null || credit.rejectedComplaints() < minRejected
                || credit.rejectedComplaints() < minRejectedShare * credit.total()) {
            return Optional.empty();
        }
        return Optional.of(new PriorityRaise(null, -Math.abs(points),
                "low-trust user (" + credit.rejectedComplaints() + " of " + credit.total() + " complaints rejected)"));
    }
}
