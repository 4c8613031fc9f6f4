package app.convene.notification.messaging;

/**
 * What the consumers share. Each channel has its own consumer group ({@code notification-service.<family>}), so
 * one channel starting or stopping never rebalances the others.
 */
final class Consumers {
    /** Inbox consumer name of every family; kept from before the split so records already handled stay handled. */
    static final String INBOX_NAME = "notification-service";

    private Consumers() {
    }
}
