package io.livecomplaints.testkit.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.livecomplaints.schemas.auth.TokenClaims;
import io.livecomplaints.schemas.auth.TokenClaims.Role;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Mints the bearer tokens every REST API accepts ({@link TokenClaims}: HS256 JWTs signed with the platform's shared
 * secret). In production the identity provider mints them; here the simulator, the tests and {@code bin/local token}
 * do.
 */
public final class AccessTokens {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final byte[] secret;

    public AccessTokens(String secret) {
        if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < TokenClaims.MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("the token secret must be at least " + TokenClaims.MIN_SECRET_BYTES + " bytes");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** A token for a consumer (role USER). */
    public String user(String userId) {
        return mint(userId, Set.of(Role.USER), null, null, Duration.ofHours(1));
    }

    /** A token for an agent of a team at a tier of the authority ladder. */
    public String agent(String agentId, String tier, String team) {
        return mint(agentId, Set.of(Role.AGENT), tier, team, Duration.ofHours(8));
    }

    /** A token for a supervisor (sees every team's cases; approves at SUPERVISOR tier unless another is given). */
    public String supervisor(String agentId, String tier) {
        return mint(agentId, Set.of(Role.AGENT, Role.SUPERVISOR), tier, null, Duration.ofHours(8));
    }

    /** A token for an upstream or internal system (e.g. the hotline system filing on behalf of users). */
    public String system(String systemName) {
        return mint(systemName, Set.of(Role.SYSTEM), null, null, Duration.ofHours(1));
    }

    /**
     * A token for a merchant (role MERCHANT, claim {@code merchantId}): the merchant platform (商家后台) gets one per
     * merchant, and every merchant API acts for that merchant only, never for one named in a request body.
     */
    public String merchant(String merchantId) {
        return mint(merchantId, Set.of(Role.MERCHANT), null, null, merchantId, Duration.ofHours(8));
    }

    /**
     * A token for an anchor (role ANCHOR, claim {@code anchorId}): the anchor or their agency (MCN) sees the complaints
     * about the anchor's sessions in aggregate and the penalties on the anchor's record, and appeals a penalty.
     */
    public String anchor(String anchorId) {
        String token = mint(anchorId, Set.of(Role.ANCHOR), null, null, null, Duration.ofHours(8), anchorId);
        return token;
    }

    /** A token for operations staff (statistics, rule tuning). */
    public String operator(String operatorId) {
        return mint(operatorId, Set.of(Role.OPERATOR), null, null, Duration.ofHours(8));
    }

    public String mint(String subject, Set<String> roles, String tier, String team, Duration ttl) {
        return mint(subject, roles, tier, team, null, ttl);
    }

    public String mint(String subject, Set<String> roles, String tier, String team, String merchantId, Duration ttl) {
        return mint(subject, roles, tier, team, merchantId, ttl, null);
    }

    public String mint(String subject, Set<String> roles, String tier, String team, String merchantId, Duration ttl,
                       String anchorId) {
        Instant now = Instant.now();
        ObjectNode header = JSON.createObjectNode().put("alg", "HS256").put("typ", "JWT");
        ObjectNode claims = JSON.createObjectNode()
                .put("iss", TokenClaims.ISSUER)
                .put("sub", subject)
                .put("iat", now.getEpochSecond())
                .put("exp", now.plus(ttl).getEpochSecond());
        ArrayNode roleClaim = claims.putArray("roles");
        roles.stream().sorted().forEach(roleClaim::add);
        if (tier != null) {
            claims.put("tier", tier);
        }
        if (team != null) {
            claims.put("team", team);
        }
        if (merchantId != null) {
            claims.put(TokenClaims.MERCHANT_ID_CLAIM, merchantId);
        }
        if (anchorId != null) {
            claims.put(TokenClaims.ANCHOR_ID_CLAIM, anchorId);
        }
        String signingInput = encode(header.toString()) + "." + encode(claims.toString());
        return signingInput + "." + B64.encodeToString(hmac(signingInput));
    }

    private byte[] hmac(String input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(input.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String json) {
        return B64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** Mints a token from the command line: {@code AccessTokens SECRET user U-1 | agent A-1 SENIOR after-sales | ...}. */
    public static void main(String[] args) {
        if (args.length < 3) {
            System.err.println("usage: AccessTokens SECRET (user ID | agent ID TIER TEAM | supervisor ID TIER | system NAME | operator ID | merchant MERCHANT_ID | anchor ANCHOR_ID)");
            System.exit(2);
        }
        AccessTokens tokens = new AccessTokens(args[0]);
        String token = switch (args[1]) {
            case "user" -> tokens.user(args[2]);
            case "agent" -> tokens.agent(args[2], args[3], args[4]);
            case "supervisor" -> tokens.supervisor(args[2], args.length > 3 ? args[3] : "SUPERVISOR");
            case "system" -> tokens.system(args[2]);
            case "operator" -> tokens.operator(args[2]);
            case "merchant" -> tokens.merchant(args[2]);
            case "anchor" -> tokens.anchor(args[2]);
            default -> throw new IllegalArgumentException("unknown kind " + args[1]);
        };
        System.out.println(token);
    }
}
