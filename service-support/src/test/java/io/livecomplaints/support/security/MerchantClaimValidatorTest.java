package io.livecomplaints.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

/** A MERCHANT token must name its merchant; other tokens need no merchant. */
class MerchantClaimValidatorTest {

    private final MerchantClaimValidator validator = new MerchantClaimValidator();

    private static Jwt token(List<String> roles, String merchantId) {
        Jwt.Builder jwt = Jwt.withTokenValue("t").header("alg", "HS256").subject("s").claim("roles", roles)
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60));
        if (merchantId != null) {
            jwt.claim("merchantId", merchantId);
        }
        return jwt.build();
    }

    @Test
    void aMerchantTokenNamesAWellFormedMerchant() {
        assertThat(validator.validate(token(List.of("MERCHANT"), "M-1")).hasErrors()).isFalse();
        assertThat(validator.validate(token(List.of("MERCHANT"), null)).hasErrors()).isTrue();
        assertThat(validator.validate(token(List.of("MERCHANT"), " ")).hasErrors()).isTrue();
        assertThat(validator.validate(token(List.of("MERCHANT"), "M-1\"><script>")).hasErrors()).isTrue();
    }

    @Test
    void anAnchorTokenNamesAWellFormedAnchor() {
        Jwt.Builder named = Jwt.withTokenValue("t").header("alg", "HS256").subject("A-1").claim("roles", List.of("ANCHOR"))
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60));
        assertThat(validator.validate(named.claim("anchorId", "A-1").build()).hasErrors()).isFalse();
        assertThat(validator.validate(token(List.of("ANCHOR"), null)).hasErrors()).isTrue();
        assertThat(validator.validate(Jwt.withTokenValue("t").header("alg", "HS256").subject("A-1").claim("roles", List.of("ANCHOR"))
                .claim("anchorId", "A 1;drop").build()).hasErrors()).isTrue();
    }

    @Test
    void otherTokensNeedNoMerchant() {
        assertThat(validator.validate(token(List.of("SYSTEM"), null)).hasErrors()).isFalse();
        assertThat(validator.validate(token(List.of("AGENT"), null)).hasErrors()).isFalse();
    }
}
