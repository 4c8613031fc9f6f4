package app.convene.notification.partner.service;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of mail to a venue's partner contacts, English by default; {@code messages/partner_<lang>.properties}
 * hold the Swedish, Dutch and Romanian ones.
 */
@MessageBundle(value = "partner", locale = "en")
public interface PartnerMessages {
    @Message("Hello {name},")
    String greeting(String name);

    @Message("Your issue at {venue}: {status}")
    String issue_status_subject(String venue, String status);

    @Message("The issue you raised at {venue} (\"{description}\") is now: {status}.")
    String issue_status_body(String venue, String description, String status);

    @Message("How it was resolved: {resolution}")
    String issue_resolution(String resolution);

    @Message("A proposal for your issue at {venue}")
    String issue_proposal_subject(String venue);

    @Message("For the issue you raised at {venue} (\"{description}\"), {by} proposes: {proposal}")
    String issue_proposal_body(String venue, String description, String by, String proposal);

    @Message("Booking confirmed at {venue}: {room}")
    String booking_confirmed_subject(String venue, String room);

    @Message("An event is booked at {venue} in {room}, from {startsAt} to {endsAt} (UTC).")
    String booking_confirmed_body(String venue, String room, String startsAt, String endsAt);

    @Message("Booking moved at {venue}: {room}")
    String booking_moved_subject(String venue, String room);

    @Message("A booking at {venue} has changed: the event is now in {room}, from {startsAt} to {endsAt} (UTC).")
    String booking_moved_body(String venue, String room, String startsAt, String endsAt);

    @Message("Booking cancelled at {venue}: {room}")
    String booking_cancelled_subject(String venue, String room);

    @Message("The booking at {venue} in {room}, from {startsAt} to {endsAt} (UTC), is cancelled. Reason: {reason}")
    String booking_cancelled_body(String venue, String room, String startsAt, String endsAt, String reason);

    @Message("Closed at {venue}: {place}")
    String closure_subject(String venue, String place);

    @Message("{venue}: {place} is closed from {startsAt} to {endsAt} (UTC). Reason: {reason}")
    String closure_body(String venue, String place, String startsAt, String endsAt, String reason);

    @Message("Open again at {venue}: {place}")
    String closure_withdrawn_subject(String venue, String place);

    @Message("{venue}: the closure of {place} from {startsAt} to {endsAt} (UTC) is withdrawn; it is open again. "
            + "It had been closed for: {reason}")
    String closure_withdrawn_body(String venue, String place, String startsAt, String endsAt, String reason);

    /** What a closure of no single room closes. */
    @Message("the whole venue")
    String whole_venue();

    @Message("open")
    String status_OPEN();

    @Message("in mediation")
    String status_IN_MEDIATION();

    @Message("resolved")
    String status_RESOLVED();

    @Message("You receive this as a partner contact of {venue}.")
    String footer(String venue);
}
