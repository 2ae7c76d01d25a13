package io.livecomplaints.support.security;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code complaints.security.*}: the HS256 secret that bearer tokens are signed with (only from the environment:
 * {@code COMPLAINTS_SECURITY_JWT_SECRET}), the paths open without a token (health, metrics, API docs), and the
 * roles required per path pattern ({@code path-roles}, in order, first match wins). Path roles are checked in the
 * filter chain, before the request is parsed, so a caller without the role gets 403 and never a validation error
 * that would tell them about the API; {@code @PreAuthorize} on the controllers stays as the method-level check.
 * {@code token-max-age} (24 h) bounds how old a token's {@code iat} may be, whatever its {@code exp} says. Metrics
 * are for the {@code scraper} (its own Basic credential) and operators only. With {@code oidc.issuer-uri} or
 * {@code oidc.jwk-set-uri} set, tokens come from that OIDC provider instead (RS256/ES256, keys from its JWKS) and the
 * HS256 secret is not used.
 */
@ConfigurationProperties("complaints.security")
public record SecurityProperties(String jwtSecret, List<String> publicPaths, Map<String, List<String>> pathRoles,
                                 Duration tokenMaxAge, Scraper scraper, Oidc oidc) {

    public SecurityProperties {
        oidc = oidc == null ? new Oidc(null, null, null, null, null) : oidc;
        scraper = scraper == null ? new Scraper(null, null) : scraper;
        tokenMaxAge = tokenMaxAge == null ? Duration.ofHours(24) : tokenMaxAge;
        publicPaths = publicPaths == null ? List.of() : publicPaths;
        pathRoles = pathRoles == null ? Map.of() : pathRoles;
    }

    /**
     * The metrics scraper (Prometheus): HTTP Basic on {@code /actuator/prometheus} and {@code /actuator/metrics} only;
     * the password only from the environment ({@code COMPLAINTS_SECURITY_SCRAPER_PASSWORD}).
     */
    public record Scraper(String username, String password) {
        public Scraper {
            username = username == null || username.isBlank() ? "prometheus" : username;
        }
    }

    /**
     * An OIDC provider (Keycloak, Azure AD/Entra ID, Spring Authorization Server...): {@code issuer-uri} (its keys are
     * found through {@code /.well-known/openid-configuration} on first use, and {@code iss} must equal it) or
     * {@code jwk-set-uri} (keys directly; then {@code iss} is checked only when {@code issuer-uri} is set too).
     * {@code audiences}: when set, {@code aud} must name one of them. {@code algorithms}: RS256 and ES256.
     * {@code claims}: where the provider puts what the platform reads.
     */
    public record Oidc(String issuerUri, String jwkSetUri, List<String> audiences, List<String> algorithms,
                       Claims claims) {
        public Oidc {
            issuerUri = blankToNull(issuerUri);
            jwkSetUri = blankToNull(jwkSetUri);
            audiences = audiences == null ? List.of() : audiences.stream().filter(a -> !a.isBlank()).toList();
            algorithms = algorithms == null || algorithms.isEmpty() ? List.of("RS256", "ES256") : algorithms;
            claims = claims == null ? new Claims(null, null, null, null, null) : claims;
        }

        /** Whether tokens come from an OIDC provider (otherwise: HS256 with the local secret). */
        public boolean enabled() {
            return issuerUri != null || jwkSetUri != null;
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.trim();
        }
    }

    /**
     * Claim names (a dotted path reaches into an object, e.g. Keycloak's {@code realm_access.roles}): the user or
     * client id ({@code sub}; Azure AD: {@code oid}), the roles (a list, or one string of roles separated by spaces or
     * commas), the agent's team and tier, the merchant a MERCHANT token acts for.
     */
    public record Claims(String userId, String roles, String team, String tier, String merchantId) {
        public Claims {
            userId = orDefault(userId, "sub");
            roles = orDefault(roles, "roles");
            team = orDefault(team, "team");
            tier = orDefault(tier, "tier");
            merchantId = orDefault(merchantId, "merchantId");
        }

        private static String orDefault(String value, String fallback) {
            return value == null || value.isBlank() ? fallback : value.trim();
        }
    }
}
