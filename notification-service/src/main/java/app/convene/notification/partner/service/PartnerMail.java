package app.convene.notification.partner.service;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.convene.backbone.event.VenueEvents;
import app.convene.notification.delivery.domain.Delivery;
import app.convene.notification.delivery.service.Deliveries;
import app.convene.notification.delivery.service.MailLanguages;
import app.convene.notification.partner.persistence.PartnerMailRepository;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/**
 * Mail to a venue's partner contacts, written in the contact's language when venue's fact is applied (in the
 * consumer's transaction, after the inbox accepted it) and sent later by the delivery machinery, like attendee mail:
 * the contact who raised an issue hears of each status change and proposal; subscribed contacts hear of bookings
 * confirmed and cancelled at the venue, and of its closures and their withdrawal. One mail per contact, kind and
 * fact (a unique key), so neither a redelivered record nor a replayed fact writes twice. Nobody is written to whose
 * address was erased.
 */
@ApplicationScoped
public class PartnerMail {
    public static final String ISSUE_STATUS = "ISSUE_STATUS";
    public static final String ISSUE_PROPOSAL = "ISSUE_PROPOSAL";
    public static final String CLOSURE = "CLOSURE";
    public static final String CLOSURE_WITHDRAWN = "CLOSURE_WITHDRAWN";
    public static final String BOOKING_MOVED = "BOOKING_MOVED";
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneOffset.UTC);

    @Inject
    PartnerMailRepository repository;
    @Inject
    Clock clock;

    /** A status change or a proposal is written to the contact who raised the issue; raising it is not. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onIssueUpdated(VenueEvents.IssueUpdated update) {
        repository.heardOfVenue(update.venueId(), update.organisation(), clock.instant());
        VenueEvents.PartnerContact contact = update.contact();
        if (contact == null) {
            return;
        }
        PartnerMessages words = words(contact);
        String venue = text(update.venueName());
        String description = text(update.description());
        switch (update.change()) {
            case "STATUS_CHANGED" -> {
                String status = status(words, update.status());
                StringBuilder body = new StringBuilder(words.issue_status_body(venue, description, status));
                if (update.resolution() != null && !update.resolution().isBlank()) {
                    body.append("\n\n").append(words.issue_resolution(update.resolution()));
                }
                queue(update.organisation(), update.venueId(), venue, contact, ISSUE_STATUS,
                        update.issueId() + "/" + update.status() + "/" + update.updatedAt().toEpochMilli(),
                        words.issue_status_subject(venue, status), body.toString(), words);
            }
            case "PROPOSED" -> {
                VenueEvents.Proposal proposal = update.proposal();
                if (proposal == null) {
                    return;
                }
                queue(update.organisation(), update.venueId(), venue, contact, ISSUE_PROPOSAL,
                        proposal.proposalId().toString(), words.issue_proposal_subject(venue),
                        words.issue_proposal_body(venue, description, text(proposal.proposedBy()),
                                text(proposal.description())), words);
            }
            default -> {
                // RAISED: the contact raised it themselves; nothing to tell yet.
            }
        }
    }

    /**
     * Each subscribed contact hears of the booking (once per contact, kind and booking; of each move once) or of the closure of the
     * venue or one of its rooms and its withdrawal (once per contact, kind and closure).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onVenueNotice(VenueEvents.VenueNotice notice) {
        repository.heardOfVenue(notice.venueId(), notice.organisation(), clock.instant());
        if (notice.subscribers() == null) {
            return;
        }
        String venue = text(notice.venueName());
        String room = text(notice.roomName());
        String from = notice.startsAt() == null ? "" : DAY_TIME.format(notice.startsAt());
        String until = notice.endsAt() == null ? "" : DAY_TIME.format(notice.endsAt());
        for (VenueEvents.PartnerContact contact : notice.subscribers()) {
            PartnerMessages words = words(contact);
            String subject;
            String body;
            switch (notice.kind()) {
                case "BOOKING_CONFIRMED" -> {
                    subject = words.booking_confirmed_subject(venue, room);
                    body = words.booking_confirmed_body(venue, room, from, until);
                }
                case BOOKING_MOVED -> {
                    subject = words.booking_moved_subject(venue, room);
                    body = words.booking_moved_body(venue, room, from, until);
                }
                case "BOOKING_CANCELLED" -> {
                    subject = words.booking_cancelled_subject(venue, room);
                    body = words.booking_cancelled_body(venue, room, from, until, text(notice.reason()));
                }
                case CLOSURE -> {
                    String place = notice.roomName() == null ? words.whole_venue() : room;
                    subject = words.closure_subject(venue, place);
                    body = words.closure_body(venue, place, from, until, text(notice.reason()));
                }
                case CLOSURE_WITHDRAWN -> {
                    String place = notice.roomName() == null ? words.whole_venue() : room;
                    subject = words.closure_withdrawn_subject(venue, place);
                    body = words.closure_withdrawn_body(venue, place, from, until, text(notice.reason()));
                }
                default -> {
                    continue;
                }
            }
            // The fact of a booking's notice is the booking; of a move, the notice (a booking moves more than once);
            // of a closure's (and its withdrawal's), the closure.
            boolean ofClosure = CLOSURE.equals(notice.kind()) || CLOSURE_WITHDRAWN.equals(notice.kind());
            if (ofClosure && notice.closureId() == null) {
                continue;
            }
            String fact = ofClosure ? String.valueOf(notice.closureId())
                    : BOOKING_MOVED.equals(notice.kind()) ? notice.bookingId() + "/" + notice.noticeId()
                    : String.valueOf(notice.bookingId());
            queue(notice.organisation(), notice.venueId(), venue, contact, notice.kind(), fact, subject, body, words);
        }
    }

    private boolean queue(String organisation, UUID venueId, String venue, VenueEvents.PartnerContact contact,
            String kind,
            String fact, String subject, String body, PartnerMessages words) {
        if (organisation == null || contact.contactId() == null || !MailLanguages.writable(contact.email())) {
            return false;
        }
        Instant now = clock.instant();
        Delivery mail = new Delivery();
        mail.id = UUID.randomUUID();
        mail.organisation = organisation;
        mail.venueId = venueId;
        mail.partnerContactId = contact.contactId();
        mail.address = contact.email();
        mail.subject = Deliveries.subjectLine(subject);
        mail.bodyText = words.greeting(text(contact.name())) + "\n\n" + body + "\n\n" + words.footer(venue);
        mail.mailKind = kind;
        mail.mailFact = fact;
        mail.createdAt = now;
        return repository.insertOnce(mail);
    }

    private static PartnerMessages words(VenueEvents.PartnerContact contact) {
        return MessageBundles.get(PartnerMessages.class,
                Localized.Literal.of(MailLanguages.choose(contact.language(), null)));
    }

    private static String status(PartnerMessages words, String status) {
        return switch (status == null ? "" : status) {
            case "OPEN" -> words.status_OPEN();
            case "IN_MEDIATION" -> words.status_IN_MEDIATION();
            case "RESOLVED" -> words.status_RESOLVED();
            default -> text(status);
        };
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
