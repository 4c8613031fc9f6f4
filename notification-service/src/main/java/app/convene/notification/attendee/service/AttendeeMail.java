package app.convene.notification.attendee.service;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.convene.backbone.event.RegistrationEvents;
import app.convene.notification.attendee.domain.AttendeeEvent;
import app.convene.notification.attendee.domain.AttendeeMailKind;
import app.convene.notification.attendee.persistence.AttendeeMailRepository;
import app.convene.notification.attendee.persistence.AttendeeMailRepository.Attendee;
import app.convene.notification.config.DeliveryConfig;
import app.convene.notification.delivery.domain.Delivery;
import app.convene.notification.delivery.service.Deliveries;
import app.convene.notification.delivery.service.MailLanguages;
import app.convene.notification.digest.persistence.EventRegistrationRepository.Changed;
import app.convene.notification.digest.persistence.EventRegistrationRepository.Held;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/**
 * Mail to attendees about their registration and their event, written in their language when the fact is applied
 * (in the transaction of attendee mail's own consumer, {@code AttendeeMailConsumer}, after the inbox accepted it) and
 * sent later by the delivery machinery: one mail per registration, kind and fact (a unique key), so neither a
 * redelivered record nor a replayed fact writes twice. Nobody is written to whose address was erased
 * ({@code @erased.invalid}).
 */
@ApplicationScoped
public class AttendeeMail {
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    @Inject
    AttendeeMailRepository repository;
    @Inject
    InvitationCalendar calendars;
    @Inject
    Deliveries deliveries;
    @Inject
    DeliveryConfig config;
    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void onEventScheduled(RegistrationEvents.EventScheduled scheduled) {
        AttendeeEvent event = repository.lockOrCreate(scheduled.eventId());
        event.language = MailLanguages.choose(scheduled.language(), event.language);
        if (event.startsAt == null) {
            event.startsAt = scheduled.startsAt();
            event.endsAt = scheduled.endsAt();
        }
        event.title = scheduled.title();
        event.timeZone = scheduled.timeZone();
    }

    /**
     * New times send confirmed attendees an updated invitation with a higher SEQUENCE (one per new times); a
     * cancellation is handled as {@link #onEventCancelled}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onEventUpdated(RegistrationEvents.EventUpdated updated) {
        if ("CANCELLED".equals(updated.status())) {
            eventCancelled(updated.eventId());
            return;
        }
        AttendeeEvent event = repository.lockOrCreate(updated.eventId());
        event.language = MailLanguages.choose(updated.language(), event.language);
        event.title = updated.title();
        event.timeZone = updated.timeZone();
        boolean moved = event.startsAt != null
                && (!event.startsAt.equals(updated.startsAt()) || !event.endsAt.equals(updated.endsAt()));
        event.startsAt = updated.startsAt();
        event.endsAt = updated.endsAt();
        if (!moved) {
            return;
        }
        event.calendarSequence++;
        if (event.cancelled) {
            return;
        }
        String fact = updated.startsAt() + "/" + updated.endsAt();
        for (Attendee attendee : repository.attendees(updated.eventId(), List.of("CONFIRMED"))) {
            queue(attendee, event, AttendeeMailKind.MOVED, fact, 0, event.calendarSequence, false);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onEventCancelled(RegistrationEvents.EventCancelled cancelled) {
        eventCancelled(cancelled.eventId());
    }

    /**
     * The confirmation mail, for the registration as it has just been kept ({@code held}: its address,
     * language and status), so no second read of it is needed; likewise for a place on the waiting list and a
     * promotion.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onConfirmed(RegistrationEvents.RegistrationConfirmed confirmed, Held held) {
        placed(attendee(held), AttendeeMailKind.CONFIRMATION, 0, confirmed.ticketCode());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onWaitlisted(RegistrationEvents.RegistrationWaitlisted waitlisted, Held held) {
        placed(attendee(held), AttendeeMailKind.WAITLISTED, waitlisted.position(), null);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onPromoted(RegistrationEvents.RegistrationPromoted promoted, Held held) {
        placed(attendee(held), AttendeeMailKind.PROMOTED, 0, promoted.ticketCode());
    }

    /** The attendee is told; a confirmed one gets a METHOD:CANCEL for their calendar. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onCancelled(RegistrationEvents.RegistrationCancelled cancelled, Held held) {
        Attendee attendee = attendee(held);
        AttendeeEvent event = repository.lockOrCreate(attendee.eventId());
        boolean wasConfirmed = "CONFIRMED".equals(cancelled.previousStatus());
        if (wasConfirmed) {
            event.calendarSequence++;
        }
        queue(attendee, event, AttendeeMailKind.CANCELLED, "cancelled", 0, event.calendarSequence,
                wasConfirmed);
    }

    /**
     * A registration held under another address (its place transferred, or the address corrected): the previous
     * address is told (its calendar entry cancelled when confirmed) and the new one is sent the confirmation with an
     * invitation, or its place on the waiting list. The fact is the change's time, so a replay writes nothing more. A
     * change of language only is kept for later mail.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onAttendeeChanged(RegistrationEvents.AttendeeChanged changed, Changed change) {
        Held before = change.before();
        Held after = change.after();
        if (before == null || before.email().equals(after.email()) || "CANCELLED".equals(before.status())) {
            return;
        }
        repository.forgetUnsubscribeLinks(changed.registrationId());
        AttendeeEvent event = repository.lockOrCreate(changed.eventId());
        if (event.cancelled) {
            return;
        }
        boolean confirmed = "CONFIRMED".equals(changed.status());
        if (confirmed) {
            event.calendarSequence++;
        }
        String fact = "changed-" + changed.changedAt().toEpochMilli();
        queue(attendee(before), event, changed.transferred() ? AttendeeMailKind.TRANSFERRED
                : AttendeeMailKind.READDRESSED, fact, 0, event.calendarSequence, confirmed);
        Attendee now = new Attendee(after.registrationId(), after.eventId(), after.email(), after.language(),
                changed.status());
        queue(now, event, confirmed ? AttendeeMailKind.CONFIRMATION : AttendeeMailKind.WAITLISTED, fact,
                changed.position() == null ? 0 : changed.position(), event.calendarSequence, false, null,
                changed.ticketCode());
    }

    /**
     * A session was cancelled: each registration whose choice of it was dropped, and that is still held, is told once
     * (the fact is the session), with the session's times in the event's time zone.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onSessionCancelled(RegistrationEvents.SessionCancelled cancelled) {
        if (cancelled.registrationIds() == null || cancelled.registrationIds().isEmpty()) {
            return;
        }
        AttendeeEvent event = repository.lockOrCreate(cancelled.eventId());
        if (event.cancelled) {
            return;
        }
        Session session = new Session(cancelled.title() == null ? "" : cancelled.title(), cancelled.startsAt(),
                cancelled.endsAt());
        for (Attendee attendee : repository.holding(cancelled.eventId(), cancelled.registrationIds())) {
            queue(attendee, event, AttendeeMailKind.SESSION_CANCELLED, "session-" + cancelled.sessionId(), 0,
                    event.calendarSequence, false, session, null);
        }
    }

    /** The session a mail is about: its title and times. */
    private record Session(String title, Instant startsAt, Instant endsAt) {
    }

    private static Attendee attendee(Held held) {
        return new Attendee(held.registrationId(), held.eventId(), held.email(), held.language(), held.status());
    }

    private void placed(Attendee attendee, AttendeeMailKind kind, int position, String ticketCode) {
        AttendeeEvent event = repository.lockOrCreate(attendee.eventId());
        if (event.cancelled) {
            return;
        }
        queue(attendee, event, kind, kind.name().toLowerCase(), position, event.calendarSequence, false, null,
                ticketCode);
    }

    /** Everyone registered is told, once; the confirmed get a METHOD:CANCEL. */
    private void eventCancelled(UUID eventId) {
        AttendeeEvent event = repository.lockOrCreate(eventId);
        event.cancelled = true;
        List<Attendee> registered = repository.attendees(eventId, List.of("CONFIRMED", "WAITLISTED"));
        if (registered.isEmpty()) {
            return;
        }
        event.calendarSequence++;
        for (Attendee attendee : registered) {
            queue(attendee, event, AttendeeMailKind.EVENT_CANCELLED, "cancelled", 0, event.calendarSequence,
                    "CONFIRMED".equals(attendee.status()));
        }
    }

    /**
     * A reminder before the start, with the attendee's ticket (the one their registration holds now) and a personal
     * link that stops further reminders.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void remind(Attendee attendee) {
        AttendeeEvent event = repository.lockOrCreate(attendee.eventId());
        queue(attendee, event, AttendeeMailKind.REMINDER, "starts-" + event.startsAt
                .getEpochSecond(), 0, event.calendarSequence, false, null, attendee.ticketCode());
    }

    /** After the end: how to give feedback. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void askForFeedback(Attendee attendee) {
        AttendeeEvent event = repository.lockOrCreate(attendee.eventId());
        queue(attendee, event, AttendeeMailKind.FEEDBACK, "ended", 0, event.calendarSequence, false);
    }

    private void queue(Attendee attendee, AttendeeEvent event, AttendeeMailKind kind,
            String fact, int position, int sequence, boolean cancelInvitation) {
        queue(attendee, event, kind, fact, position, sequence, cancelInvitation, null, null);
    }

    /**
     * {@code ticketCode}: with a confirmation, promotion or reminder, the attendee's ticket, written and sent as a QR
     * code.
     */
    private void queue(Attendee attendee, AttendeeEvent event, AttendeeMailKind kind,
            String fact, int position, int sequence, boolean cancelInvitation, Session session, String ticketCode) {
        if (!MailLanguages.writable(attendee.email()) || event.startsAt == null || event.endsAt == null) {
            return;
        }
        String language = MailLanguages.choose(attendee.language(), event.language);
        AttendeeMessages words = MessageBundles.get(AttendeeMessages.class, Localized.Literal.of(language));
        String title = event.title == null ? "" : event.title;
        InvitationCalendar.Invited invited = new InvitationCalendar.Invited(event.eventId, title, event.startsAt,
                event.endsAt, event.timeZone, attendee.email());
        String when = words.when(when(event));
        Delivery mail = new Delivery();
        String calendar = null;
        String subject;
        StringBuilder body = new StringBuilder();
        String unsubscribeToken = null;
        String ticket = null;
        switch (kind) {
            case CONFIRMATION -> {
                subject = words.confirmation_subject(title);
                body.append(words.confirmation_body(title)).append("\n\n").append(when).append("\n\n")
                        .append(words.invitation_attached());
                calendar = calendars.request(invited, sequence);
                ticket = ticketCode;
            }
            case WAITLISTED -> {
                subject = words.waitlisted_subject(title);
                body.append(words.waitlisted_body(title, position)).append("\n\n").append(when);
            }
            case PROMOTED -> {
                subject = words.promoted_subject(title);
                body.append(words.promoted_body(title)).append("\n\n").append(when).append("\n\n")
                        .append(words.invitation_attached());
                calendar = calendars.request(invited, sequence);
                ticket = ticketCode;
            }
            case CANCELLED -> {
                subject = words.cancelled_subject(title);
                body.append(words.cancelled_body(title));
                if (cancelInvitation) {
                    body.append("\n\n").append(words.cancellation_attached());
                    calendar = calendars.cancel(invited, sequence);
                }
            }
            case TRANSFERRED, READDRESSED -> {
                boolean transferred = kind == AttendeeMailKind.TRANSFERRED;
                subject = transferred ? words.transferred_subject(title) : words.readdressed_subject(title);
                body.append(transferred ? words.transferred_body(title) : words.readdressed_body(title));
                if (cancelInvitation) {
                    body.append("\n\n").append(words.cancellation_attached());
                    calendar = calendars.cancel(invited, sequence);
                }
            }
            case SESSION_CANCELLED -> {
                subject = words.session_cancelled_subject(session.title(), title);
                body.append(words.session_cancelled_body(session.title(), title));
                if (session.startsAt() != null && session.endsAt() != null) {
                    body.append("\n\n").append(words.when(when(session.startsAt(), session.endsAt(),
                            event.timeZone)));
                }
            }
            case MOVED -> {
                subject = words.moved_subject(title);
                body.append(words.moved_body(title)).append("\n\n").append(when);
                calendar = calendars.request(invited, sequence);
            }
            case EVENT_CANCELLED -> {
                subject = words.event_cancelled_subject(title);
                body.append(words.event_cancelled_body(title));
                if (cancelInvitation) {
                    body.append("\n\n").append(words.cancellation_attached());
                    calendar = calendars.cancel(invited, sequence);
                }
            }
            case REMINDER -> {
                subject = words.reminder_subject(title);
                unsubscribeToken = Deliveries.newToken();
                body.append(words.reminder_body(title)).append("\n\n").append(when);
                ticket = ticketCode;
            }
            case FEEDBACK -> {
                subject = words.feedback_subject(title);
                body.append(words.feedback_body(title, config.publicBaseUrl() + "/api/events/" + event.eventId
                        + "/feedback"));
            }
            default -> throw new IllegalStateException("no mail for " + kind);
        }
        if (ticket != null) {
            body.append("\n\n").append(words.ticket(ticket));
        }
        if (unsubscribeToken != null) {
            body.append("\n\n").append(words.reminder_unsubscribe(unsubscribeUrl(unsubscribeToken)));
        }
        Instant now = clock.instant();
        mail.id = UUID.randomUUID();
        mail.eventId = event.eventId;
        mail.address = attendee.email();
        mail.subject = Deliveries.subjectLine(subject);
        mail.bodyText = body.toString();
        mail.calendar = calendar;
        mail.ticketCode = ticket;
        mail.registrationId = attendee.registrationId();
        mail.mailKind = kind.name();
        mail.mailFact = fact;
        mail.createdAt = now;
        if (unsubscribeToken == null) {
            // Nothing here depends on whether it was added: a poll's mails are written together as it ends.
            repository.insertOnceWithOthers(mail);
        } else if (repository.insertOnce(mail)) {
            repository.saveUnsubscribeLink(Deliveries.tokenHash(unsubscribeToken), attendee.registrationId(), now,
                    now.plus(config.ackLinkValidity()));
        }
    }

    /** Where a reminder's personal link stops reminders. */
    public String unsubscribeUrl(String token) {
        return config.publicBaseUrl() + "/api/attendee-mail/unsubscribe/" + token;
    }

    /** The event's times in its own time zone, e.g. "2027-03-10 09:00–18:00 (Europe/Stockholm)". */
    private static String when(AttendeeEvent event) {
        return when(event.startsAt, event.endsAt, event.timeZone);
    }

    /** Times in a zone, e.g. "2027-03-10 09:00–18:00 (Europe/Stockholm)"; UTC when the zone is unknown. */
    private static String when(Instant startsAt, Instant endsAt, String timeZone) {
        ZoneId zone;
        try {
            zone = timeZone == null ? ZoneOffset.UTC : ZoneId.of(timeZone);
        } catch (java.time.DateTimeException e) {
            zone = ZoneOffset.UTC;
        }
        var start = startsAt.atZone(zone);
        var end = endsAt.atZone(zone);
        String until = start.toLocalDate().equals(end.toLocalDate()) ? TIME.format(end) : DAY_TIME.format(end);
        return DAY_TIME.format(start) + "–" + until + " (" + zone.getId() + ")";
    }
}
