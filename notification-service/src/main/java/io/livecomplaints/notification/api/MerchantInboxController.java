package io.livecomplaints.notification.api;

import io.livecomplaints.notification.merchants.model.AnchorNoticeRule;
import io.livecomplaints.notification.merchants.model.MerchantNoticeRule;
import io.livecomplaints.support.security.Caller;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/merchant/inbox}: the merchant's messages (requests to answer, reminders, decisions), newest
 * first. The merchant is the one its MERCHANT token names: there is no path to another merchant's inbox.
 */
@RestController
class MerchantInboxController {

    private final NotificationQueries stores;

    MerchantInboxController(NotificationQueries stores) {
        this.stores = stores;
    }

    @GetMapping("/api/v1/merchant/inbox")
    @PreAuthorize("hasRole('MERCHANT')")
    InboxController.Inbox inbox(Caller caller, @RequestParam(defaultValue = "50") int limit) {
        return InboxController.read(stores, MerchantNoticeRule.recipient(caller.merchantId()), limit);
    }

    /** {@code GET /api/v1/anchor/inbox}: the anchor's penalty notices (an ANCHOR token naming the anchor). */
    @GetMapping("/api/v1/anchor/inbox")
    @PreAuthorize("hasRole('ANCHOR')")
    InboxController.Inbox anchorInbox(Caller caller, @RequestParam(defaultValue = "50") int limit) {
        return InboxController.read(stores, AnchorNoticeRule.recipient(caller.anchorId()), limit);
    }
}
