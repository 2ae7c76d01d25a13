package io.livecomplaints.resolution.merchant.web;

import io.livecomplaints.events.Actor;
import io.livecomplaints.events.ActorRole;
import io.livecomplaints.events.CommandAction;
import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.events.Evidence;
import io.livecomplaints.events.EvidenceKind;
import io.livecomplaints.events.LiableParty;
import io.livecomplaints.events.Remedy;
import io.livecomplaints.events.RemedyDecision;
import io.livecomplaints.schemas.evidence.EvidenceUrls;
import java.util.ArrayList;
import java.util.List;
import io.livecomplaints.support.web.ApiProblem;
import io.livecomplaints.resolution.caseview.CaseAccess;
import io.livecomplaints.resolution.commands.CommandResponses;
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

    /**
     * The merchant's answer; {@code merchantId} is only read to refuse it. A refusal may carry the merchant's proof
     * ({@code evidence}: delivery proof, chat logs) and a {@code counterOffer}: another remedy, at most what the user
     * paid, for the agent to weigh.
     */
    record MerchantAnswer(String merchantId, Boolean agrees, String note, List<ProofItem> evidence, CounterOffer counterOffer) {
    }

    /** {@code {"kind":"DELIVERY_PROOF","url":"https://...","description":"签收记录"}}. */
    record ProofItem(EvidenceKind kind, String url, String description) {
    }

    /** {@code {"remedy":"PARTIAL_REFUND","refundFen":10000,"reason":"..."}}. */
    record CounterOffer(Remedy remedy, Long refundFen, Long compensationFen, String reason) {
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
        List<Evidence> proof = new ArrayList<>();
        List<ProofItem> items = body.evidence() == null ? List.of() : body.evidence();
        for (int i = 0; i < items.size(); i++) {
            ProofItem item = items.get(i);
            if (item == null || item.kind() == null) {
                problems.put("evidence[" + i + "].kind", "is required (DELIVERY_PROOF, CHAT_LOG, SCREENSHOT, PHOTO, ...)");
            }
            String url = item == null ? null : item.url();
            String field = "evidence[" + i + "].url";
            EvidenceUrls.problem(url).ifPresent(problem -> problems.put(field, problem));
            if (item != null && item.kind() != null && url != null && EvidenceUrls.problem(url).isEmpty()) {
                proof.add(Evidence.newBuilder().setKind(item.kind()).setUrl(url).setDescription(item.description()).build());
            }
        }
        CounterOffer offer = body.counterOffer();
        if (offer != null && Boolean.TRUE.equals(body.agrees())) {
            problems.put("counterOffer", "is only sent with a refusal (agrees false)");
        }
        if (offer != null && offer.remedy() == null) {
            problems.put("counterOffer.remedy", "is required: the remedy the merchant offers instead");
        }
        if (offer != null && ((offer.refundFen() != null && offer.refundFen() < 0)
                || (offer.compensationFen() != null && offer.compensationFen() < 0))) {
            problems.put("counterOffer.refundFen", "amounts are fen, at least 0");
        }
        if (!problems.isEmpty()) {
            throw ApiProblem.invalid(problems);
        }
        ComplaintCase c = access.forMerchant(caller, id);
        RemedyDecision counter = null;
        if (offer != null) {
            long refund = offer.refundFen() == null ? 0 : offer.refundFen();
            long compensation = offer.compensationFen() == null ? 0 : offer.compensationFen();
            if (c.getAmountPaidFen() != null && refund + compensation > c.getAmountPaidFen()) {
                throw ApiProblem.invalid(Map.of("counterOffer.refundFen", "a counter-offer of " + (refund + compensation)
                        + " fen is above the " + c.getAmountPaidFen() + " fen the user paid"));
            }
            counter = RemedyDecision.newBuilder().setRemedy(offer.remedy()).setRefundFen(refund).setCompensationFen(compensation)
                    .setLiableParty(LiableParty.MERCHANT).setReason(offer.reason() == null ? "merchant's counter-offer" : offer.reason())
                    .build();
        }
        Actor merchant = Actor.newBuilder().setActorId(caller.merchantId()).setRole(ActorRole.MERCHANT).build();
        String by = caller.id().equals(caller.merchantId()) ? "" : " (by " + caller.id() + ")";
        String note = body.note() == null ? (by.isEmpty() ? null : by.strip()) : body.note() + by;
        return commands.run(c, commands.command(c, merchant, CommandAction.MERCHANT_RESPONDED, null)
                .setMerchantAgrees(body.agrees()).setNote(note).setEvidence(proof).setDecision(counter).build(), MerchantCaseView::of);
    }
}
