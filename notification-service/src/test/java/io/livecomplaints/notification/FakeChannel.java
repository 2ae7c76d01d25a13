package io.livecomplaints.notification;

import io.livecomplaints.events.NotificationChannel;
import io.livecomplaints.notification.channels.DeliveryChannel;
import io.livecomplaints.notification.channels.model.OutboundMessage;
import io.livecomplaints.notification.channels.model.SendOutcome;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** An in-memory channel for topology tests: records what it was asked to send and answers as scripted (SENT by default). */
public final class FakeChannel implements DeliveryChannel {

    private final NotificationChannel channel;
    private final String name;
    private final Deque<SendOutcome> script = new ArrayDeque<>();
    private final List<OutboundMessage> calls = new ArrayList<>();

    public FakeChannel(NotificationChannel channel, String name) {
        this.channel = channel;
        this.name = name;
    }

    public FakeChannel answer(SendOutcome... outcomes) {
        script.addAll(List.of(outcomes));
        return this;
    }

    public List<OutboundMessage> calls() {
        return calls;
    }

    @Override
    public NotificationChannel channel() {
        return channel;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public SendOutcome send(OutboundMessage message) {
        calls.add(message);
        return script.isEmpty() ? SendOutcome.sent() : script.poll();
    }
}
