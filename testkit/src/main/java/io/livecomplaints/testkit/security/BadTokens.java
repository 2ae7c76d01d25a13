package io.livecomplaints.testkit.security;

import io.livecomplaints.schemas.auth.TokenClaims;
import io.livecomplaints.testkit.security.AccessTokens;
import io.livecomplaints.schemas.auth.TokenClaims.Role;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tokens every API must refuse with 401, each carrying every role so that only its one defect can be the reason:
 * expired, signed with another secret, from another issuer, unsigned ({@code alg: none}), not a JWT at all, and
 * correctly signed but without {@code exp}, without {@code iat}, issued in the future, or issued 48 h ago (beyond
 * {@code complaints.security.token-max-age}) with an {@code exp} still ahead.
 */
public final class BadTokens {

    private static final Set<String> ALL_ROLES = Set.of(Role.USER, Role.AGENT, Role.SUPERVISOR, Role.SYSTEM, Role.OPERATOR);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private BadTokens() {
    }

    /** Defect → token, for the secret the services under test verify with. */
    public static Map<String, String> against(String secret) {
        long now = Instant.now().getEpochSecond();
        return Map.of(
                "expired", new AccessTokens(secret).mint("expired-caller", ALL_ROLES, "SUPERVISOR", "any", Duration.ofMinutes(-10)),
                "wrong signature", new AccessTokens(UUID.randomUUID() + "-" + UUID.randomUUID())
                        .mint("forger", ALL_ROLES, "SUPERVISOR", "any", Duration.ofHours(1)),
                "wrong issuer", signed(secret, "HS256", "someone-else", now, now + 3600),
                "unsigned", signed(null, "none", TokenClaims.ISSUER, now, now + 3600),
                "garbage", "not-a-jwt",
                "no expiry", signed(secret, "HS256", TokenClaims.ISSUER, now, null),
                "no issue time", signed(secret, "HS256", TokenClaims.ISSUER, null, now + 3600),
                "issued in the future", signed(secret, "HS256", TokenClaims.ISSUER, now + 3600, now + 7200),
                "issued 48 h ago", signed(secret, "HS256", TokenClaims.ISSUER, now - 48 * 3600, now + 3600));
    }

    /** A token with every role, signed with {@code secret} (none if null), with the given iat/exp (left out if null). */
    public static String signed(String secret, String alg, String issuer, Long issuedAt, Long expiresAt) {
        String header = "{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}";
        String claims = "{\"iss\":\"" + issuer + "\",\"sub\":\"intruder\""
                + (issuedAt == null ? "" : ",\"iat\":" + issuedAt) + (expiresAt == null ? "" : ",\"exp\":" + expiresAt)
                + ",\"roles\":[\"AGENT\",\"OPERATOR\",\"SUPERVISOR\",\"SYSTEM\",\"USER\"],\"tier\":\"SUPERVISOR\"}";
        String input = encode(header) + "." + encode(claims);
        return input + "." + (secret == null ? "" : B64.encodeToString(hmac(secret, input)));
    }

    private static String encode(String json) {
        return B64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hmac(String secret, String input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(input.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
