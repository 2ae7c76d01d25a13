package io.livecomplaints.resolution.workbench;

import io.livecomplaints.support.security.Caller;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/me}: the signed-in agent as this service sees them, after the claim mapping (an OIDC provider
 * names the tier and team claims its own way; the workbench header shows these, not the raw token's claims).
 */
@RestController
class MeController {

    record Me(String id, List<String> roles, String tier, String team) {
    }

    @GetMapping("/api/v1/me")
    @PreAuthorize("hasAnyRole('AGENT','SUPERVISOR')")
    Me me(Caller caller) {
        return new Me(caller.id(), caller.roles().stream().sorted().toList(), caller.tier(), caller.team());
    }
}
