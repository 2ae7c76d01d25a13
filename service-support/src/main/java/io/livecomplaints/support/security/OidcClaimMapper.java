package io.livecomplaints.support.security;

import io.livecomplaints.schemas.auth.TokenClaims;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.convert.converter.Converter;

/**
 * Copies what an OIDC provider's token says into the claims the platform reads ({@code sub}, {@code roles},
 * {@code team}, {@code tier}, {@code merchantId}), from the claim names configured in
 * {@code complaints.security.oidc.claims}; runs in the decoder before validation, so {@link MerchantClaimValidator},
 * {@link Caller} and the role checks work unchanged for every provider. A platform claim whose configured source is
 * another claim is taken from that source only: a provider's own {@code roles} claim does not count when roles are
 * configured to come from {@code realm_access.roles}.
 */
public final class OidcClaimMapper implements Converter<Map<String, Object>, Map<String, Object>> {

    private final Map<String, String> sources = new LinkedHashMap<>();

    public OidcClaimMapper(SecurityProperties.Claims claims) {
        sources.put("sub", claims.userId());
        sources.put("roles", claims.roles());
        sources.put("team", claims.team());
        sources.put("tier", claims.tier());
        sources.put(TokenClaims.MERCHANT_ID_CLAIM, claims.merchantId());
    }

    @Override
    public Map<String, Object> convert(Map<String, Object> claims) {
        Map<String, Object> mapped = new HashMap<>(claims);
        sources.forEach((claim, source) -> {
            Object value = read(claims, source);
            if (claim.equals("roles")) {
                value = roles(value);
            } else if (value != null && !(value instanceof String)) {
                value = String.valueOf(value);
            }
            if (value == null) {
                mapped.remove(claim);
            } else {
                mapped.put(claim, value);
            }
        });
        return mapped;
    }

    /** A claim by name, or by a dotted path into nested objects when no claim has the whole name. */
    static Object read(Map<String, Object> claims, String path) {
        if (claims.containsKey(path)) {
            return claims.get(path);
        }
        Object current = claims;
        for (String part : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(part);
        }
        return current;
    }

    private static List<String> roles(Object value) {
        if (value instanceof Collection<?> list) {
            return list.stream().map(String::valueOf).map(String::trim).filter(r -> !r.isEmpty()).toList();
        }
        if (value instanceof String text) {
            return Arrays.stream(text.split("[\\s,]+")).filter(r -> !r.isEmpty()).toList();
        }
        return null;
    }
}
