package io.livecomplaints.resolution.merchant.web;

import io.livecomplaints.events.Actor;
import io.livecomplaints.events.ActorRole;
import io.livecomplaints.events.CommandAction;
import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.support.web.ApiProblem;
import io.livecomplaints.resolution.caseview.CaseAccess;
import io.livecomplaints.resolution.commands.CommandResponses;
import io.livecomplaints.support.security.Caller;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/merchant/cases/{id}/appeal}: the merchant appeals (申诉) a decision that charged it without its
 * consent — an auto-approval or a 先行赔付 debt — within the appeal window (409 after it, or for a decision it agreed
 * to); the appeal goes to the supervisors' review queue ({@code GET /api/v1/appeals}). Applied by the case processor.
 */
@RestController
@PreAuthorize("hasRole('MERCHANT')")
class MerchantAppealController {

    /** {@code {"reason":"..."}}; {@code merchantId} is only read to refuse it. */
    record AppealRequest(String merchantId, String reason) {
    }

    private final CaseAccess access;
    private final CommandResponses commands;

    MerchantAppealController(CaseAccess access, CommandResponses commands) {
        this.access = access;
        this.commands = commands;
    }

    @PostMapping("/api/v1/merchant/cases/{id}/appeal")
    ResponseEntity<Object> appeal(Caller caller, @PathVariable String id, @RequestBody AppealRequest body) {
        if (body.merchantId() != null) {
            throw ApiProblem.invalid(Map.of("merchantId", "must not be sent: the merchant is the one your token names"));
        }
        if (body.reason() == null || body.reason().isBlank()) {
            throw ApiProblem.invalid(Map.of("reason", "is required: why the decision should not charge you"));
        }
        ComplaintCase c = access.forMerchant(caller, id);
        Actor merchant = Actor.newBuilder().setActorId(caller.merchantId()).setRole(ActorRole.MERCHANT).build();
        return commands.run(c, commands.command(c, merchant, CommandAction.APPEAL, null).setNote(body.reason()).build(), MerchantCaseView::of);
    }
}
