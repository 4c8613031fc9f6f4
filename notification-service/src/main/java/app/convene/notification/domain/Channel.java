package app.convene.notification.domain;

public enum Channel {
    EMAIL, WEBHOOK
}
