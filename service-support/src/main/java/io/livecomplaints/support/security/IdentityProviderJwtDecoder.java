package io.livecomplaints.support.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Decodes tokens of the OIDC provider, and turns a provider that cannot be reached (discovery document or JWKS) into
 * an invalid token — 401 to the caller, with one clear log line here — instead of Spring's authentication-service
 * failure, which would answer 500. A bad token (signature, key not in the JWKS, issuer, expiry, alg) stays what the
 * delegate says.
 */
final class IdentityProviderJwtDecoder implements JwtDecoder {

    private static final Logger log = LoggerFactory.getLogger(IdentityProviderJwtDecoder.class);

    private final JwtDecoder delegate;
    private final String provider;

    IdentityProviderJwtDecoder(JwtDecoder delegate, String provider) {
        this.delegate = delegate;
        this.provider = provider;
    }

    @Override
    public Jwt decode(String token) {
        try {
            return delegate.decode(token);
        } catch (BadJwtException e) {
            throw e;
        } catch (RuntimeException e) {
            log.warn("Token refused: the identity provider's signing keys could not be fetched from {} ({}: {})",
                    provider, e.getClass().getSimpleName(), rootMessage(e));
            throw new BadJwtException("The identity provider's signing keys are unavailable");
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? e.getMessage() : e.getMessage() + " / " + root;
    }
}
