package io.livecomplaints.intake.validation.model;

import io.livecomplaints.events.Channel;

/**
 * A complaint names what the channel it came through is about: the order-page button always knows its order, the
 * live-room button always knows its room. Everything else is looked up (用户只需输入文字).
 */
final class ChannelContextGiven implements ComplaintRule {

    @Override
    public void check(ComplaintDraft draft, Violations violations) {
        Channel channel = ChannelKnown.parse(draft.channel());
        if (channel == Channel.ORDER_PAGE && isBlank(draft.orderId())) {
            violations.add("orderId", "is required for an ORDER_PAGE complaint");
        }
        if (channel == Channel.LIVE_ROOM_BUTTON && isBlank(draft.roomId()) && isBlank(draft.sessionId())) {
            violations.add("roomId", "is required for a LIVE_ROOM_BUTTON complaint (or give sessionId)");
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
