package io.livecomplaints.resolution.remedies.model;

import io.livecomplaints.events.AgentTier;
import io.livecomplaints.events.RemedyDecision;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The refund authority ladder (退款权限阶梯): each tier grants refunds and compensation up to its limits; a remedy
 * above them needs the approval of the next tier whose limits cover it. Remedies without money (exchange, reship,
 * apology, ...) are within every tier's authority. Tiers rank in {@link AgentTier} order, JUNIOR lowest. Limits
 * apply to what the whole case pays ({@link GrantedTotal}): the earlier outcomes of a reopened case count.
 */
public final class AuthorityLadder {

    private final Map<AgentTier, TierLimit> limits;

    public AuthorityLadder(Map<AgentTier, TierLimit> limits) {
        this.limits = new EnumMap<>(AgentTier.class);
        for (AgentTier tier : AgentTier.values()) {
            TierLimit limit = limits.get(tier);
            if (limit == null) {
                throw new IllegalArgumentException("the authority ladder has no limits for tier " + tier);
            }
            this.limits.put(tier, limit);
        }
    }

    public TierLimit limitOf(AgentTier tier) {
        return limits.get(tier);
    }

    /** Whether an agent of this tier may grant the remedy without approval (on a case that granted nothing yet). */
    public boolean canGrant(AgentTier tier, RemedyDecision decision) {
        return canGrant(tier, GrantedTotal.NONE.plus(decision));
    }

    /** Whether an agent of this tier may bring a case to this total (all its outcomes together) without approval. */
    public boolean canGrant(AgentTier tier, GrantedTotal total) {
        return limits.get(tier).covers(total.refundFen(), total.compensationFen());
    }

    /** The lowest tier above {@code proposer} that may grant the remedy; empty if none (the proposer is the top). */
    public Optional<AgentTier> approverTier(AgentTier proposer, RemedyDecision decision) {
        return approverTier(proposer, GrantedTotal.NONE.plus(decision));
    }

    /** The lowest tier above {@code proposer} that may bring the case to this total; empty if none. */
    public Optional<AgentTier> approverTier(AgentTier proposer, GrantedTotal total) {
        for (AgentTier tier : AgentTier.values()) {
            if (tier.ordinal() > proposer.ordinal() && canGrant(tier, total)) {
                return Optional.of(tier);
            }
        }
        return Optional.empty();
    }

    /** Whether {@code tier} ranks at least as high as {@code required}. */
    public static boolean atLeast(AgentTier tier, AgentTier required) {
        return tier.ordinal() >= required.ordinal();
    }
}
