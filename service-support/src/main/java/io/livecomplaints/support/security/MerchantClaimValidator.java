package io.livecomplaints.support.security;

import io.livecomplaints.schemas.auth.TokenClaims;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * A MERCHANT token must name the merchant it acts for (and an ANCHOR token its anchor, claim {@code anchorId}) ({@code merchantId} claim, an id of the usual shape): merchant
 * APIs take the merchant from the token only, so a merchant token without one is invalid (401), never "any merchant".
 */
public final class MerchantClaimValidator implements OAuth2TokenValidator<Jwt> {

    private static final Pattern MERCHANT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        List<String> roles = token.getClaimAsStringList("roles");
        if (roles != null && roles.contains(TokenClaims.Role.ANCHOR)) {
            // an ANCHOR token names its anchor the same way (claim anchorId)
            String anchorId = token.getClaimAsString(TokenClaims.ANCHOR_ID_CLAIM);
            if (anchorId == null || !MERCHANT_ID.matcher(anchorId).matches()) {
                return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token",
                        "an ANCHOR token must name its anchor in the " + TokenClaims.ANCHOR_ID_CLAIM + " claim", null));
            }
        }
        if (roles == null || !roles.contains(TokenClaims.Role.MERCHANT)) {
            return OAuth2TokenValidatorResult.success();
        }
        String merchantId = token.getClaimAsString(TokenClaims.MERCHANT_ID_CLAIM);
        if (merchantId == null || !MERCHANT_ID.matcher(merchantId).matches()) {
            return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token",
                    "a MERCHANT token must name its merchant in the " + TokenClaims.MERCHANT_ID_CLAIM + " claim", null));
        }
        return OAuth2TokenValidatorResult.success();
    }
}
