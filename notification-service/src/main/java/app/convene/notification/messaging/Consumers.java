package app.convene.notification.messaging;

/**
 * What the consumers share. Each channel has its own consumer group ({@code notification-service.<family>}), so
 * one channel starting or stopping never rebalances the others.
 */
final class Consumers {
    /** Inbox consumer name of every family; kept from before the split so records already handled stay handled. */
    static final String INBOX_NAME = "notification-service";
    /**
     * Inbox consumer name of attendee mail, which reads {@code registration.events} beside the read model: the same
     * event ids, so its receipts need a name of their own. Its dead letters go to
     * {@code notification-service.attendee-mail.dead-letter}.
     */
    static final String ATTENDEE_MAIL_INBOX_NAME = "notification-service.attendee-mail";

    private Consumers() {
    }
}
