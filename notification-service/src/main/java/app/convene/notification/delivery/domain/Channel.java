package app.convene.notification.delivery.domain;

public enum Channel {
    EMAIL, WEBHOOK
}
