package io.livecomplaints.testkit.security;

import io.livecomplaints.schemas.auth.AccessTokens;
import io.livecomplaints.schemas.auth.AccessTokens.Role;
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
 * expired, signed with another secret, from another issuer, unsigned ({@code alg: none}), not a JWT at all.
 */
public final class BadTokens {

    private static final Set<String> ALL_ROLES = Set.of(Role.USER, Role.AGENT, Role.SUPERVISOR, Role.SYSTEM, Role.OPERATOR);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private BadTokens() {
    }

    /** Defect → token, for the secret the services under test verify with. */
    public static Map<String, String> against(String secret) {
        return Map.of(
                "expired", new AccessTokens(secret).mint("expired-caller", ALL_ROLES, "SUPERVISOR", "any", Duration.ofMinutes(-10)),
                "wrong signature", new AccessTokens(UUID.randomUUID() + "-" + UUID.randomUUID())
                        .mint("forger", ALL_ROLES, "SUPERVISOR", "any", Duration.ofHours(1)),
                "wrong issuer", signed(secret, "HS256", "someone-else"),
                "unsigned", signed(null, "none", AccessTokens.ISSUER),
                "garbage", "not-a-jwt");
    }

    private static String signed(String secret, String alg, String issuer) {
        long now = Instant.now().getEpochSecond();
        String header = "{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}";
        String claims = "{\"iss\":\"" + issuer + "\",\"sub\":\"intruder\",\"iat\":" + now + ",\"exp\":" + (now + 3600)
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
