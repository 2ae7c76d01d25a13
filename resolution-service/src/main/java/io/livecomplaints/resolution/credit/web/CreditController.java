package io.livecomplaints.resolution.credit.web;

import io.livecomplaints.events.CreditRecord;
import io.livecomplaints.events.CreditSubject;
import io.livecomplaints.support.web.ApiProblem;
import io.livecomplaints.resolution.caseview.CaseQueries;
import io.livecomplaints.schemas.keys.CreditKeys;
import io.livecomplaints.support.security.Caller;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/credit/{subject}/{id}}: a user's complaint record or a merchant's/anchor's after-sales record
 * (信用体系), for agents, internal systems and operations; a user may read their own. Other services can also consume
 * the compacted credit-records topic.
 */
@RestController
@PreAuthorize("hasAnyRole('AGENT', 'SYSTEM', 'OPERATOR', 'USER')")
class CreditController {

    /** The record with derived rates. */
    record CreditView(CreditSubject subject, String subjectId, int validComplaints, int rejectedComplaints, int refundCount,
                      long refundsFen, int disputes, int merchantResponses, Long averageMerchantResponseMillis,
                      int merchantTimeouts, Double averageSatisfaction, long platformAdvancedFen, int anchorPenalties,
                      AnchorPenaltyView lastAnchorPenalty) {
    }

    /** An anchor's latest penalty: level (WARNING 警告, TRAFFIC_LIMIT 限流, SUSPENSION 停播, BAN 封禁) and days. */
    record AnchorPenaltyView(String level, Integer durationDays) {
    }

    private final CaseQueries queries;

    CreditController(CaseQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/v1/credit/{subject}/{id}")
    CreditView read(Caller caller, @PathVariable String subject, @PathVariable String id) {
        CreditSubject kind;
        try {
            kind = CreditSubject.valueOf(subject.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid(Map.of("subject", "must be USER, MERCHANT, ANCHOR or ORDER"));
        }
        boolean ownRecord = kind == CreditSubject.USER && id.equals(caller.id());
        if (caller.isUser() && !caller.isAgent() && !caller.isSystem() && !caller.isOperator() && !ownRecord) {
            throw ApiProblem.notFound("No record", "No credit record you may see");
        }
        CreditRecord r = queries.credit(CreditKeys.key(kind, id)).orElseThrow(() ->
                ApiProblem.notFound("No record", "No credit record for " + kind + " " + id));
        return new CreditView(r.getSubject(), r.getSubjectId(), r.getValidComplaints(), r.getRejectedComplaints(),
                r.getRefundCount(), r.getRefundsFen(), r.getDisputes(), r.getMerchantResponses(),
                r.getMerchantResponses() == 0 ? null : r.getMerchantResponseMillisTotal() / r.getMerchantResponses(),
                r.getMerchantTimeouts(), r.getSatisfactionCount() == 0 ? null : (double) r.getSatisfactionSum() / r.getSatisfactionCount(),
                r.getPlatformAdvancedFen(), r.getAnchorPenalties(), r.getLastAnchorPenalty() == null ? null
                : new AnchorPenaltyView(r.getLastAnchorPenalty().getLevel().name(), r.getLastAnchorPenalty().getDurationDays()));
    }
}
