package app.convene.registration.service;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

import app.convene.registration.domain.Event;
import app.convene.registration.domain.EventStatus;
import app.convene.registration.domain.Registration;
import app.convene.registration.domain.RegistrationStatus;

/** iCalendar (RFC 5545) invitations per registration and a feed per event, written with ical4j. */
@ApplicationScoped
public class Invitations {
    private static final String PRODUCT = "-//Convene//Registration//EN";
    private static final URI ORGANIZER = URI.create("mailto:events@convene.app");

    @Inject
    EventCatalog events;
    @Inject
    Sessions sessions;
    @Inject
    EventAccessRules rules;

    /**
     * An invitation for one registration: confirmed, tentative while waitlisted, or a cancellation. For the event's
     * owner, co-organizers and delegates, and the attendee it belongs to.
     */
    public String invitation(UUID eventId, UUID registrationId) {
        Registration registration = rules.registration(eventId, registrationId, false);
        Event event = events.find(registration.eventId);
        boolean cancelled = registration.status == RegistrationStatus.CANCELLED
                || event.status == EventStatus.CANCELLED;
        Calendar calendar = calendar();
        calendar.add(cancelled ? ImmutableMethod.CANCEL : ImmutableMethod.REQUEST);
        VEvent vevent = new VEvent(event.startsAt, event.endsAt, event.title);
        vevent.add(new Uid(registration.id + "@convene.app"));
        vevent.add(new Sequence(cancelled ? 1 : 0));
        vevent.add(cancelled ? ImmutableStatus.VEVENT_CANCELLED
                : registration.status == RegistrationStatus.CONFIRMED ? ImmutableStatus.VEVENT_CONFIRMED
                        : ImmutableStatus.VEVENT_TENTATIVE);
        vevent.add(new Organizer(ORGANIZER));
        PartStat partStat = registration.status == RegistrationStatus.CONFIRMED ? PartStat.ACCEPTED
                : registration.status == RegistrationStatus.WAITLISTED ? PartStat.TENTATIVE : PartStat.DECLINED;
        vevent.add(new Attendee(new ParameterList(List.of(new Cn(registration.attendeeName), partStat)),
                URI.create("mailto:" + registration.attendeeEmail)));
        if (event.description != null) {
            vevent.add(new Description(event.description));
        }
        calendar.add(vevent);
        return calendar.toString();
    }

    /** The event and its sessions, for subscribing in a calendar application. */
    public String feed(UUID eventId) {
        Event event = events.read(eventId).event();
        Calendar calendar = calendar();
        calendar.add(ImmutableMethod.PUBLISH);
        VEvent main = new VEvent(event.startsAt, event.endsAt, event.title);
        main.add(new Uid(event.id + "@convene.app"));
        main.add(event.status == EventStatus.CANCELLED ? ImmutableStatus.VEVENT_CANCELLED
                : ImmutableStatus.VEVENT_CONFIRMED);
        calendar.add(main);
        for (Sessions.SessionView view : sessions.sessionsOf(eventId)) {
            VEvent session = new VEvent(view.session().startsAt, view.session().endsAt,
                    event.title + ": " + view.session().title);
            session.add(new Uid(view.session().id + "@convene.app"));
            session.add(event.status == EventStatus.CANCELLED || view.session().cancelledAt != null
                    ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
            calendar.add(session);
        }
        return calendar.toString();
    }

    private static Calendar calendar() {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        return calendar;
    }
}
