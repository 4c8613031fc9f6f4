package app.convene.backbone.event;

/**
 * A record that can never be processed (unreadable, unknown version, breaks a rule): it goes to the dead-letter
 * topic with this message as the reason, and the consumer moves on.
 */
public class PoisonEventException extends RuntimeException {
    public PoisonEventException(String message) {
        super(message);
    }
}
