package io.livecomplaints.resolution.caseview;

import io.livecomplaints.events.Actor;
import io.livecomplaints.events.ActorRole;
import io.livecomplaints.events.AgentTier;
import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.support.web.ApiProblem;
import io.livecomplaints.support.security.Caller;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * Object-level authorization: an agent sees only their team's cases (a supervisor every team's), a user only their
 * own, a merchant only cases about their orders. Anything else is a 404, as if it did not exist.
 */
@Component
public class CaseAccess {

    private final CaseQueries queries;

    public CaseAccess(CaseQueries queries) {
        this.queries = queries;
    }

    public ComplaintCase forAgent(Caller caller, String complaintId) {
        ComplaintCase c = queries.find(complaintId).orElseThrow(() -> notFound(complaintId));
        if (!caller.isSupervisor() && !Objects.equals(caller.team(), c.getTeam())) {
            throw notFound(complaintId);
        }
        return c;
    }

    public ComplaintCase forUser(Caller caller, String complaintId) {
        ComplaintCase c = queries.find(complaintId).orElseThrow(() -> notFound(complaintId));
        if (!caller.id().equals(c.getUserId())) {
            throw notFound(complaintId);
        }
        return c;
    }

    /** A case for the merchant its MERCHANT token names (the only source of a merchant's identity). */
    public ComplaintCase forMerchant(Caller caller, String complaintId) {
        String merchantId = caller.isMerchant() ? caller.merchantId() : null;
        ComplaintCase c = queries.find(complaintId).orElseThrow(() -> notFound(complaintId));
        if (merchantId == null || !merchantId.equals(c.getMerchantId())) {
            throw notFound(complaintId);
        }
        return c;
    }

    /** A case about the anchor its ANCHOR token names (the only source of an anchor's identity). */
    public ComplaintCase forAnchor(Caller caller, String complaintId) {
        String anchorId = caller.isAnchor() ? caller.anchorId() : null;
        ComplaintCase c = queries.find(complaintId).orElseThrow(() -> notFound(complaintId));
        if (anchorId == null || !anchorId.equals(c.getAnchorId())) {
            throw notFound(complaintId);
        }
        return c;
    }

    /** 404: the case does not exist or is not the caller's to see (object-level authorization). */
    public static ApiProblem notFound(String complaintId) {
        return ApiProblem.notFound("Case not found", "No case " + complaintId + " that you may see");
    }

    /** The actor an agent's or supervisor's token stands for, at the ladder tier its {@code tier} claim names. */
    public static Actor agentActor(Caller caller) {
        AgentTier tier = null;
        if (caller.tier() != null) {
            try {
                tier = AgentTier.valueOf(caller.tier());
            } catch (IllegalArgumentException e) {
                throw ApiProblem.forbidden("Unknown tier", "the token's tier " + caller.tier()
                        + " is not a tier of the authority ladder");
            }
        }
        return Actor.newBuilder().setActorId(caller.id())
                .setRole(caller.isSupervisor() ? ActorRole.SUPERVISOR : ActorRole.AGENT)
                .setTier(tier).setTeam(caller.team()).build();
    }
}
