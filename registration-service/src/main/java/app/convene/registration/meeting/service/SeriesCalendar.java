package app.convene.registration.meeting.service;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import app.convene.registration.domain.Event;
import app.convene.registration.domain.EventStatus;
import app.convene.registration.meeting.domain.MeetingSeries;
import app.convene.registration.service.TimeZones;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.DateList;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.ExDate;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RDate;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.RecurrenceId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * A series as calendar applications want it (RFC 5545): one VEVENT with the RRULE from the first date at the series'
 * start time, in its time zone (with its VTIMEZONE); EXDATE for the dates called off (or not given any more since
 * the series was scheduled); RDATE for occurrences the present rule no longer gives (kept from before a change); and
 * one VEVENT with a RECURRENCE-ID for each occurrence whose time is not the rule's. SEQUENCE is the series'.
 */
@ApplicationScoped
public class SeriesCalendar {
    private static final String PRODUCT = "-//Convene//Meetings//EN";
    private static final URI ORGANIZER = URI.create("mailto:events@convene.app");

    public String feed(MeetingSeries series, List<Event> occurrences) {
        ZoneId zone = ZoneId.of(series.timeZone);
        Recurrence recurrence = Recurrence.read("recurrence", series.recurrence, series.firstDate, series.startTime,
                zone);
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        calendar.add(new XProperty("X-WR-CALNAME", series.title));
        calendar.add(new XProperty("X-WR-TIMEZONE", series.timeZone));
        TimeZones.definition(series.timeZone).ifPresent(calendar::add);
        String uid = series.id + "@convene.app";
        Duration duration = Duration.ofMinutes(series.durationMinutes);
        VEvent master = new VEvent(instance(series, series.firstDate, zone), duration, series.title);
        master.add(new Uid(uid));
        master.add(new Sequence(series.sequence));
        master.add(new RRule<>(series.recurrence));
        master.add(ImmutableStatus.VEVENT_CONFIRMED);
        master.add(new Organizer(ORGANIZER));
        if (series.location != null) {
            master.add(new Location(series.location));
        }
        if (series.description != null) {
            master.add(new Description(series.description));
        }
        LocalDate lastKnown = occurrences.stream().map(e -> e.occurrenceDate).max(LocalDate::compareTo)
                .orElse(series.materialisedTo);
        LocalDate through = lastKnown.isAfter(series.materialisedTo) ? lastKnown : series.materialisedTo;
        Set<LocalDate> given = new HashSet<>(recurrence.dates(series.firstDate, series.startTime, zone,
                series.firstDate, through, 100_000));
        Set<LocalDate> held = new HashSet<>();
        List<ZonedDateTime> excluded = new ArrayList<>();
        List<ZonedDateTime> added = new ArrayList<>();
        List<VEvent> moved = new ArrayList<>();
        for (Event occurrence : occurrences) {
            LocalDate date = occurrence.occurrenceDate;
            held.add(date);
            ZonedDateTime key = instance(series, date, zone);
            if (!given.contains(date)) {
                added.add(key);
            }
            if (occurrence.status == EventStatus.CANCELLED) {
                excluded.add(key);
            } else if (!occurrence.startsAt.equals(key.toInstant())
                    || !occurrence.endsAt.equals(key.toInstant().plus(duration))) {
                moved.add(override(uid, series, occurrence, key, zone));
            }
        }
        LocalDate scheduledFrom = LocalDate.ofInstant(series.createdAt, zone);
        for (LocalDate date : given) {
            if (!held.contains(date) && !date.isBefore(scheduledFrom) && !date.isAfter(series.materialisedTo)) {
                excluded.add(instance(series, date, zone));
            }
        }
        ParameterList tz = new ParameterList(List.of(new TzId(zone.getId())));
        if (!added.isEmpty()) {
            added.sort(null);
            master.add(new RDate<>(tz, new DateList<>(added)));
        }
        if (!excluded.isEmpty()) {
            excluded.sort(null);
            master.add(new ExDate<>(tz, new DateList<>(excluded)));
        }
        calendar.add(master);
        moved.forEach(calendar::add);
        return calendar.toString();
    }

    private VEvent override(String uid, MeetingSeries series, Event occurrence, ZonedDateTime key, ZoneId zone) {
        VEvent vevent = new VEvent(occurrence.startsAt.atZone(zone), occurrence.endsAt.atZone(zone),
                occurrence.title);
        vevent.add(new Uid(uid));
        vevent.add(new RecurrenceId<>(key));
        vevent.add(new Sequence(series.sequence));
        vevent.add(ImmutableStatus.VEVENT_CONFIRMED);
        vevent.add(new Organizer(ORGANIZER));
        if (series.location != null) {
            vevent.add(new Location(series.location));
        }
        return vevent;
    }

    private static ZonedDateTime instance(MeetingSeries series, LocalDate date, ZoneId zone) {
        return date.atTime(series.startTime).atZone(zone);
    }
}
