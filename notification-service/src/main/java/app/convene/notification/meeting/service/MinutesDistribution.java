package app.convene.notification.meeting.service;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.convene.backbone.event.RegistrationEvents;
import app.convene.notification.attendee.domain.AttendeeEvent;
import app.convene.notification.attendee.domain.AttendeeMailKind;
import app.convene.notification.attendee.persistence.AttendeeMailRepository;
import app.convene.notification.attendee.persistence.AttendeeMailRepository.Attendee;
import app.convene.notification.briefing.service.Rendered;
import app.convene.notification.delivery.domain.Delivery;
import app.convene.notification.delivery.domain.Recipient;
import app.convene.notification.delivery.persistence.RecipientRepository;
import app.convene.notification.delivery.service.Deliveries;
import app.convene.notification.delivery.service.MailLanguages;
import app.convene.notification.digest.domain.EventDigest;
import app.convene.notification.digest.service.EventDigests;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/**
 * Approved minutes go out as soon as they are announced: by mail to the meeting's confirmed attendees (each in their
 * language, else the meeting's) and to every active recipient of its distribution list (mail in the recipient's
 * language, or a signed webhook with the minutes as JSON). Written in the consumer's transaction and sent later by
 * the delivery machinery; one message per person and revision (a correction goes out again, marked as one).
 */
@ApplicationScoped
public class MinutesDistribution {
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Inject
    AttendeeMailRepository attendees;
    @Inject
    RecipientRepository recipients;
    @Inject
    Deliveries deliveries;
    @Inject
    EventDigests digests;
    @Inject
    java.time.Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void onMinutesApproved(RegistrationEvents.MinutesApproved minutes) {
        EventDigest digest = digests.findOrCreate(minutes.eventId());
        AttendeeEvent event = attendees.lockOrCreate(minutes.eventId());
        String zone = digest.timeZone;
        String fact = "r" + minutes.revision();
        for (Attendee attendee : attendees.attendees(minutes.eventId(), List.of("CONFIRMED"))) {
            if (!MailLanguages.writable(attendee.email())) {
                continue;
            }
            Rendered rendered = render(minutes, MailLanguages.choose(attendee.language(), event.language), zone);
            Delivery mail = new Delivery();
            mail.id = UUID.randomUUID();
            mail.eventId = minutes.eventId();
            mail.address = attendee.email();
            mail.subject = Deliveries.subjectLine(rendered.subject());
            mail.bodyText = rendered.text();
            mail.registrationId = attendee.registrationId();
            mail.mailKind = AttendeeMailKind.MINUTES.name();
            mail.mailFact = fact;
            mail.createdAt = clock.instant();
            attendees.insertOnce(mail);
        }
        for (Recipient recipient : recipients.activeFor(minutes.eventId())) {
            if (!MailLanguages.writable(recipient.address)) {
                continue;
            }
            Rendered rendered = render(minutes, MailLanguages.choose(recipient.locale, event.language), zone);
            Delivery delivery = deliveries.create(recipient, Delivery.Purpose.MINUTES, null, null, rendered,
                    payload(minutes), null);
            delivery.mailKind = AttendeeMailKind.MINUTES.name();
            delivery.mailFact = fact;
        }
    }

    /** The minutes as text in one language: intro, each agenda item's notes and decisions, the action items. */
    static Rendered render(RegistrationEvents.MinutesApproved minutes, String language, String timeZone) {
        MinutesMessages words = MessageBundles.get(MinutesMessages.class, Localized.Literal.of(language));
        String title = minutes.eventTitle() == null ? "" : minutes.eventTitle();
        StringBuilder text = new StringBuilder(words.intro(title, when(minutes.startsAt(), timeZone),
                minutes.chair()));
        if (minutes.revision() > 1) {
            text.append("\n").append(words.correction(minutes.revision()));
        }
        int number = 0;
        for (RegistrationEvents.MinutesEntry entry : minutes.entries()) {
            number++;
            text.append("\n\n").append(number).append(". ")
                    .append(entry.agendaTitle() == null ? words.other_business() : entry.agendaTitle());
            if (entry.notes() != null && !entry.notes().isBlank()) {
                text.append("\n   ").append(entry.notes().strip().replace("\n", "\n   "));
            }
            for (RegistrationEvents.Decision decision : entry.decisions()) {
                text.append("\n   ").append(words.decision(decision.text(), outcome(words, decision.outcome())));
                if (decision.votesFor() != null || decision.votesAgainst() != null || decision.abstentions() != null) {
                    text.append("\n   ").append(words.votes(count(decision.votesFor()),
                            count(decision.votesAgainst()), count(decision.abstentions())));
                }
            }
        }
        if (!minutes.actionItems().isEmpty()) {
            text.append("\n\n").append(words.action_items());
            for (RegistrationEvents.ActionItemSummary item : minutes.actionItems()) {
                text.append("\n- ").append(words.action_item(item.title(), item.owner(), item.dueDate().toString()));
            }
        }
        return new Rendered(words.subject(title), text.append("\n").toString(), null);
    }

    private static Map<String, Object> payload(RegistrationEvents.MinutesApproved minutes) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", "minutes-approved");
        payload.put("eventId", minutes.eventId());
        payload.put("title", minutes.eventTitle());
        payload.put("startsAt", minutes.startsAt());
        payload.put("revision", minutes.revision());
        payload.put("chair", minutes.chair());
        payload.put("approvedAt", minutes.approvedAt());
        payload.put("entries", minutes.entries());
        payload.put("actionItems", minutes.actionItems());
        return payload;
    }

    private static String outcome(MinutesMessages words, String outcome) {
        return switch (outcome == null ? "" : outcome) {
            case "CARRIED" -> words.outcome_CARRIED();
            case "REJECTED" -> words.outcome_REJECTED();
            case "DEFERRED" -> words.outcome_DEFERRED();
            case "NOTED" -> words.outcome_NOTED();
            default -> String.valueOf(outcome);
        };
    }

    private static String count(Integer votes) {
        return votes == null ? "–" : votes.toString();
    }

    private static String when(Instant startsAt, String timeZone) {
        if (startsAt == null) {
            return "";
        }
        ZoneId zone;
        try {
            zone = timeZone == null ? ZoneOffset.UTC : ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            zone = ZoneOffset.UTC;
        }
        return DAY_TIME.format(startsAt.atZone(zone)) + " (" + zone.getId() + ")";
    }
}
