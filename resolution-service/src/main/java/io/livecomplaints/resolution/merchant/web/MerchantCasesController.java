package io.livecomplaints.resolution.merchant.web;

import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.resolution.caseview.CaseAccess;
import io.livecomplaints.resolution.caseview.CaseQueries;
import io.livecomplaints.support.security.Caller;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The merchant's side of its cases (商家后台): {@code GET /api/v1/merchant/cases} lists the cases about its orders,
 * those waiting for its answer first (earliest deadline first), then the others newest first;
 * {@code GET /api/v1/merchant/cases/{id}} shows one ({@link MerchantCaseView}). The merchant is the one its token
 * names; another merchant's case is a 404.
 */
@RestController
@PreAuthorize("hasRole('MERCHANT')")
class MerchantCasesController {

    /** Waiting cases first by deadline, then the rest newest first. */
    static final Comparator<ComplaintCase> WAITING_FIRST = Comparator
            .comparing((ComplaintCase c) -> !MerchantCaseView.waiting(c))
            .thenComparing(c -> MerchantCaseView.answerDue(c) == null ? Instant.MAX : MerchantCaseView.answerDue(c))
            .thenComparing(ComplaintCase::getReceivedAt, Comparator.reverseOrder());

    private final CaseQueries queries;
    private final CaseAccess access;

    MerchantCasesController(CaseQueries queries, CaseAccess access) {
        this.queries = queries;
        this.access = access;
    }

    @GetMapping("/api/v1/merchant/cases")
    Map<String, Object> list(Caller caller) {
        String merchantId = caller.merchantId();
        List<MerchantCaseView> cases = queries.all(c -> merchantId != null && merchantId.equals(c.getMerchantId())).stream()
                .sorted(WAITING_FIRST).map(MerchantCaseView::view).toList();
        return Map.of("merchantId", merchantId, "waiting", cases.stream().filter(MerchantCaseView::waitingForYou).count(),
                "cases", cases);
    }

    @GetMapping("/api/v1/merchant/cases/{id}")
    MerchantCaseView one(Caller caller, @PathVariable String id) {
        return MerchantCaseView.view(access.forMerchant(caller, id));
    }
}
