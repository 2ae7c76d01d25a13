package io.livecomplaints.resolution.merchant.web;

import io.livecomplaints.events.Actor;
import io.livecomplaints.events.ActorRole;
import io.livecomplaints.events.CommandAction;
import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.resolution.api.ApiException;
import io.livecomplaints.resolution.api.CaseAccess;
import io.livecomplaints.resolution.api.CommandResponses;
import io.livecomplaints.support.security.Caller;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/merchant/cases/{id}/response}: a merchant (a MERCHANT token naming its merchant id, as the
 * merchant platform 商家后台 holds one per merchant) answers a refund request: agrees (the case is resolved with the
 * requested remedy) or refuses (back to the agent). The merchant is the token's, never the body's: a body that names
 * one is refused (400 on {@code merchantId}), and a case about another merchant's order is a 404.
 */
@RestController
@PreAuthorize("hasRole('MERCHANT')")
class MerchantResponseController {

    /** The merchant's answer; {@code merchantId} is only read to refuse it. */
    record MerchantAnswer(String merchantId, Boolean agrees, String note) {
    }

    private final CaseAccess access;
    private final CommandResponses commands;

    MerchantResponseController(CaseAccess access, CommandResponses commands) {
        this.access = access;
        this.commands = commands;
    }

    @PostMapping("/api/v1/merchant/cases/{id}/response")
    ResponseEntity<Object> answer(Caller caller, @PathVariable String id, @RequestBody MerchantAnswer body) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (body.merchantId() != null) {
            problems.put("merchantId", "must not be sent: the merchant is the one your token names");
        }
        if (body.agrees() == null) {
            problems.put("agrees", "is required: true to accept the requested remedy, false to refuse it");
        }
        if (Boolean.FALSE.equals(body.agrees()) && (body.note() == null || body.note().isBlank())) {
            problems.put("note", "is required when refusing: the merchant's reason");
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        ComplaintCase c = access.forMerchant(caller, id);
        Actor merchant = Actor.newBuilder().setActorId(caller.merchantId()).setRole(ActorRole.MERCHANT).build();
        String by = caller.id().equals(caller.merchantId()) ? "" : " (by " + caller.id() + ")";
        String note = body.note() == null ? (by.isEmpty() ? null : by.strip()) : body.note() + by;
        return commands.run(c, commands.command(c, merchant, CommandAction.MERCHANT_RESPONDED, null)
                .setMerchantAgrees(body.agrees()).setNote(note).build(), merchant);
    }
}
