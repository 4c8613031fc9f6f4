package app.convene.notification.attendee.service;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of attendee mail, English by default; {@code messages/attendee_<lang>.properties} hold the Swedish,
 * Dutch and Romanian ones.
 */
@MessageBundle(value = "attendee", locale = "en")
public interface AttendeeMessages {
    @Message("Registration confirmed: {title}")
    String confirmation_subject(String title);

    @Message("Your registration for {title} is confirmed.")
    String confirmation_body(String title);

    @Message("On the waiting list: {title}")
    String waitlisted_subject(String title);

    @Message("{title} is full for now. You are number {position} on the waiting list; we will write to you as soon "
            + "as a seat is yours.")
    String waitlisted_body(String title, int position);

    @Message("A seat is yours: {title}")
    String promoted_subject(String title);

    @Message("A seat became free: your registration for {title} is now confirmed.")
    String promoted_body(String title);

    @Message("Registration cancelled: {title}")
    String cancelled_subject(String title);

    @Message("Your registration for {title} is cancelled.")
    String cancelled_body(String title);

    @Message("Place transferred: {title}")
    String transferred_subject(String title);

    @Message("Your place at {title} has been transferred to another person. Nothing more is needed from you.")
    String transferred_body(String title);

    @Message("Registration moved to another address: {title}")
    String readdressed_subject(String title);

    @Message("The registration for {title} that was written to this address is now written to another one, as the "
            + "organizers corrected it. Nothing more is needed from you.")
    String readdressed_body(String title);

    @Message("Session cancelled: {session} ({title})")
    String session_cancelled_subject(String session, String title);

    @Message("The session {session} at {title} is cancelled. Your registration for {title} stands; you may choose "
            + "another session.")
    String session_cancelled_body(String session, String title);

    @Message("New time: {title}")
    String moved_subject(String title);

    @Message("{title} has moved. The updated invitation is attached.")
    String moved_body(String title);

    @Message("Cancelled: {title}")
    String event_cancelled_subject(String title);

    @Message("We are sorry: {title} has been cancelled.")
    String event_cancelled_body(String title);

    @Message("Reminder: {title}")
    String reminder_subject(String title);

    @Message("A reminder: {title} starts soon.")
    String reminder_body(String title);

    @Message("No more reminders for this event: {url}")
    String reminder_unsubscribe(String url);

    @Message("How was {title}?")
    String feedback_subject(String title);

    @Message("Thank you for attending {title}. Tell us how it was: signed in as an attendee, give a rating from 1 "
            + "to 5 and a comment at {url}")
    String feedback_body(String title, String url);

    @Message("When: {when}")
    String when(String when);

    @Message("The invitation is attached; add it to your calendar.")
    String invitation_attached();

    @Message("Your ticket: {code}. Show it at the door: its QR code is attached (ticket.png).")
    String ticket(String code);

    @Message("The cancellation is attached; it removes the event from your calendar.")
    String cancellation_attached();

    @Message("{title}: {subject}")
    String message_subject(String title, String subject);

    @Message("You receive this message from the organizers of {title} as one of its registered attendees.")
    String message_footer(String title);
}
