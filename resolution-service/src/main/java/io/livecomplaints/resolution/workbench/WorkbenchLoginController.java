package io.livecomplaints.resolution.workbench;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * How the workbench page signs agents in (open, under {@code /workbench/**}): with the OIDC provider the services
 * trust ({@code complaints.security.oidc.issuer-uri}; the page runs the authorization-code flow with PKCE as the public
 * client {@code complaints.resolution.workbench.client-id}), or, without one, with a pasted token (HS256 local mode).
 * Nothing here is secret: a public client has no secret.
 */
@RestController
class WorkbenchLoginController {

    private final String issuer;
    private final String clientId;
    private final String scope;

    WorkbenchLoginController(@Value("${complaints.security.oidc.issuer-uri:}") String issuer,
                             @Value("${complaints.resolution.workbench.client-id:workbench}") String clientId,
                             @Value("${complaints.resolution.workbench.scope:openid profile}") String scope) {
        this.issuer = issuer;
        this.clientId = clientId;
        this.scope = scope;
    }

    @GetMapping("/workbench/login-config")
    Map<String, String> loginConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        if (issuer == null || issuer.isBlank()) {
            config.put("mode", "token");
            return config;
        }
        config.put("mode", "oidc");
        config.put("issuer", issuer.trim());
        config.put("clientId", clientId);
        config.put("scope", scope);
        return config;
    }
}
