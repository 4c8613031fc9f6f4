package app.convene.notification.attendee.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.convene.backbone.access.EventAccessGuard;
import app.convene.backbone.problem.ProblemException;
import app.convene.backbone.security.Caller;
import app.convene.notification.attendee.domain.AttendeeEvent;
import app.convene.notification.attendee.persistence.AttendeeMailRepository;
import app.convene.notification.attendee.persistence.AttendeeMessageRepository;
import app.convene.notification.attendee.persistence.AttendeeMessageRepository.Progress;
import app.convene.notification.attendee.persistence.AttendeeMessageRepository.Sent;
import app.convene.notification.delivery.service.Deliveries;
import app.convene.notification.delivery.service.MailLanguages;
import app.convene.notification.digest.service.EventDigests;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/**
 * Messages an event's organizers write to its attendees: a change of entrance, what to bring, a delay. Each attendee
 * of the audience gets a copy in their language's frame (the event's title before the subject, a line saying why they
 * receive it), written in the same transaction as the message and sent by the delivery machinery, never inside it.
 */
@ApplicationScoped
public class AttendeeMessaging {
    public static final int MAX_PAGE = 100;

    /** Who a message goes to. */
    public enum Audience {
        /** Attendees holding a seat. */
        CONFIRMED(List.of("CONFIRMED")),
        /** Those on the waiting list. */
        WAITLISTED(List.of("WAITLISTED")),
        /** Both. */
        REGISTERED(List.of("CONFIRMED", "WAITLISTED"));

        final List<String> statuses;

        Audience(List<String> statuses) {
            this.statuses = statuses;
        }
    }

    /** A message with how far its copies went out. */
    public record Message(Sent sent, Progress progress) {
    }

    public record Page(List<Message> messages, UUID next) {
    }

    @Inject
    AttendeeMessageRepository repository;
    @Inject
    AttendeeMailRepository mail;
    @Inject
    EventDigests digests;
    @Inject
    EventAccessGuard guard;
    @Inject
    Caller caller;
    @Inject
    Clock clock;

    /**
     * Writes the message and a copy for each registration of the audience not erased, in one transaction; only the
     * event's owner, co-organizers and delegates. The event's attendee mail is locked meanwhile, as by the mail its
     * announcements write, so an attendee registering at the same time is written to by one or the other's rules,
     * never missed by both.
     */
    @Transactional
    public Message send(UUID eventId, String subject, String body, Audience audience) {
        guard.change(eventId);
        digests.existing(eventId);
        AttendeeEvent event = mail.lockOrCreate(eventId);
        String title = event.title == null || event.title.isBlank() ? null : event.title;
        String eventLanguage = MailLanguages.choose(null, event.language);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        int recipients = 0;
        for (String language : MailLanguages.SUPPORTED) {
            AttendeeMessages words = MessageBundles.get(AttendeeMessages.class, Localized.Literal.of(language));
            String line = Deliveries.subjectLine(title == null ? subject : words.message_subject(title, subject));
            String text = title == null ? body : body + "\n\n-- \n" + words.message_footer(title);
            recipients += repository.writeCopies(id, eventId, audience.statuses, language, eventLanguage, line, text,
                    now);
        }
        Sent sent = new Sent(id, eventId, subject, body, audience.name(), caller.subject(), now, recipients);
        repository.save(sent);
        return new Message(sent, new Progress(recipients, 0, 0));
    }

    /** One of the event's messages, for staff who may see the event. */
    @Transactional
    public Message message(UUID eventId, UUID messageId) {
        guard.read(eventId);
        digests.existing(eventId);
        Sent sent = repository.find(eventId, messageId);
        if (sent == null) {
            throw ProblemException.notFound("message", messageId);
        }
        return new Message(sent, repository.progress(List.of(messageId)).getOrDefault(messageId, Progress.NONE));
    }

    /** A page of the event's messages, newest first, older than {@code before} when it is given. */
    @Transactional
    public Page messages(UUID eventId, UUID before, int limit) {
        guard.read(eventId);
        digests.existing(eventId);
        Sent after = null;
        if (before != null) {
            after = repository.find(eventId, before);
            if (after == null) {
                throw ProblemException.invalidField("before", "is not a message of this event");
            }
        }
        List<Sent> rows = repository.ofEvent(eventId, after, limit + 1);
        List<Sent> page = rows.size() > limit ? rows.subList(0, limit) : rows;
        Map<UUID, Progress> progress = repository.progress(page.stream().map(Sent::id).toList());
        return new Page(page.stream().map(s -> new Message(s, progress.getOrDefault(s.id(), Progress.NONE))).toList(),
                rows.size() > limit ? page.get(page.size() - 1).id() : null);
    }
}
