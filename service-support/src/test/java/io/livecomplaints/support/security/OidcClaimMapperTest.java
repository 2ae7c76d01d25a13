package io.livecomplaints.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OidcClaimMapperTest {

    @Test
    void keycloakStyleClaimsBecomeThePlatformsClaims() {
        OidcClaimMapper mapper = new OidcClaimMapper(new SecurityProperties.Claims("preferred_username",
                "realm_access.roles", "agent_team", "agent_tier", "merchant_id"));
        Map<String, Object> mapped = mapper.convert(Map.of("sub", "f81d4fae", "preferred_username", "li",
                "realm_access", Map.of("roles", List.of("AGENT", "offline_access")), "agent_team", "returns",
                "agent_tier", "JUNIOR", "roles", List.of("SUPERVISOR")));
        assertThat(mapped).containsEntry("sub", "li").containsEntry("team", "returns").containsEntry("tier", "JUNIOR")
                .doesNotContainKey("merchantId");
        assertThat(mapped.get("roles")).as("only the configured source counts").isEqualTo(List.of("AGENT", "offline_access"));
    }

    @Test
    void rolesMayBeOneStringAndTheDefaultsChangeNothing() {
        OidcClaimMapper defaults = new OidcClaimMapper(new SecurityProperties.Claims(null, null, null, null, null));
        Map<String, Object> claims = Map.of("sub", "hotline", "roles", "SYSTEM OPERATOR", "team", "t");
        assertThat(defaults.convert(claims)).containsEntry("sub", "hotline").containsEntry("team", "t")
                .containsEntry("roles", List.of("SYSTEM", "OPERATOR"));
        assertThat(defaults.convert(Map.of("sub", "x"))).doesNotContainKey("roles");
    }
}
