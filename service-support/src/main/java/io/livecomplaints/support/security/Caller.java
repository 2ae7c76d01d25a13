package io.livecomplaints.support.security;

import io.livecomplaints.schemas.auth.TokenClaims.Role;
import java.util.Set;

/**
 * Who is calling an API, from the verified bearer token: a user, an agent (with tier and team), a supervisor,
 * an upstream/internal system, operations staff, or a merchant (with the merchant id its token names). Controllers
 * take it as a parameter.
 */
public record Caller(String id, Set<String> roles, String tier, String team, String merchantId, String anchorId) {

    public Caller(String id, Set<String> roles, String tier, String team) {
        this(id, roles, tier, team, null, null);
    }

    public Caller(String id, Set<String> roles, String tier, String team, String merchantId) {
        this(id, roles, tier, team, merchantId, null);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean isUser() {
        return hasRole(Role.USER);
    }

    public boolean isAgent() {
        return hasRole(Role.AGENT) || hasRole(Role.SUPERVISOR);
    }

    public boolean isSupervisor() {
        return hasRole(Role.SUPERVISOR);
    }

    public boolean isSystem() {
        return hasRole(Role.SYSTEM);
    }

    public boolean isOperator() {
        return hasRole(Role.OPERATOR);
    }

    /** A merchant's token: {@link #merchantId()} is the merchant it acts for (always set, see MerchantClaimValidator). */
    public boolean isMerchant() {
        return hasRole(Role.MERCHANT);
    }

    /** An anchor's (or their agency's) token: {@link #anchorId()} is the anchor it acts for (always set, see MerchantClaimValidator). */
    public boolean isAnchor() {
        return hasRole(Role.ANCHOR);
    }
}
