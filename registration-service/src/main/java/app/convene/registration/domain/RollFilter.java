package app.convene.registration.domain;

import java.util.Locale;

/**
 * Which registrations the roll shows; each criterion left null does not filter. {@code sessionId}: those holding a
 * seat in that session of the event, or waiting for one. {@code text}: those whose attendee's name, address or
 * organisation contains it, ignoring case, or whose ticket code it is (as a person at the door is looked up).
 */
public record RollFilter(RegistrationStatus status, Boolean checkedIn, Boolean noShow, java.util.UUID sessionId,
        String text) {
    /** {@code text} as a ticket code is written (32 hexadecimal digits, upper case). */
    public String asTicketCode() {
        return text.replace("-", "").toUpperCase(Locale.ROOT);
    }
}
