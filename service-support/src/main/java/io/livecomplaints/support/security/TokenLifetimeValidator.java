package io.livecomplaints.support.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * A token must say when it was issued and when it expires: Spring's {@code JwtTimestampValidator} checks {@code exp}
 * only when it is present, so a correctly signed token without {@code exp} would be valid forever. Here {@code exp}
 * and {@code iat} are required, {@code iat} may not lie in the future beyond the clock skew, and a token older than
 * {@code maxAge} is refused even if its {@code exp} is later (our longest tokens live 8 h).
 */
public final class TokenLifetimeValidator implements OAuth2TokenValidator<Jwt> {

    private final Duration maxAge;
    private final Duration skew;
    private final Clock clock;

    public TokenLifetimeValidator(Duration maxAge, Duration skew, Clock clock) {
        this.maxAge = maxAge;
        this.skew = skew;
        this.clock = clock;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        Instant now = clock.instant();
        Instant expiresAt = token.getExpiresAt();
        Instant issuedAt = token.getIssuedAt();
        if (expiresAt == null) {
            return failure("The token has no expiry (exp)");
        }
        if (issuedAt == null) {
            return failure("The token has no issue time (iat)");
        }
        if (issuedAt.isAfter(now.plus(skew))) {
            return failure("The token is issued in the future (iat)");
        }
        if (issuedAt.isBefore(now.minus(maxAge).minus(skew))) {
            return failure("The token is older than " + maxAge.toHours() + " h (iat)");
        }
        return OAuth2TokenValidatorResult.success();
    }

    private static OAuth2TokenValidatorResult failure(String description) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null));
    }
}
