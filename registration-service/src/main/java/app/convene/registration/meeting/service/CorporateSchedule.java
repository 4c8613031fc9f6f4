package app.convene.registration.meeting.service;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import app.convene.backbone.problem.ProblemException;
import app.convene.registration.meeting.persistence.ScheduleRepository;
import app.convene.registration.meeting.persistence.ScheduleRepository.Clash;
import app.convene.registration.meeting.persistence.ScheduleRepository.Entry;
import app.convene.registration.service.TimeZones;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * The organisation's schedule: its events and meetings in a time range as the caller may see them (by owner, room or
 * person), with clashes marked: a person confirmed for two meetings at once.
 */
@ApplicationScoped
public class CorporateSchedule {
    /** The longest range one schedule covers. */
    public static final Duration MAX_RANGE = Duration.ofDays(366);
    /** At most this many events in one schedule. */
    public static final int MAX_ENTRIES = 2000;

    @Inject
    ScheduleRepository repository;

    /** What to show. */
    public record Filter(Instant from, Instant to, String owner, String roomId, String department, String person) {
    }

    /** The schedule: its events, the clashes among them, and per event the people who clash there. */
    public record Schedule(Instant from, Instant to, List<Entry> entries, List<Clash> clashes,
            Map<UUID, List<String>> clashingPeople) {
    }

    public Schedule schedule(Filter filter) {
        if (filter.from() == null || filter.to() == null) {
            throw ProblemException.invalidField(filter.from() == null ? "from" : "to", "is required (an instant)");
        }
        if (!filter.to().isAfter(filter.from())) {
            throw ProblemException.invalidField("to", "must be after from");
        }
        if (Duration.between(filter.from(), filter.to()).compareTo(MAX_RANGE) > 0) {
            throw ProblemException.invalidField("to", "must be at most 366 days after from");
        }
        List<Entry> entries = repository.entries(filter.from(), filter.to(), filter.owner(), filter.roomId(),
                filter.department(), filter.person(), MAX_ENTRIES);
        List<Clash> clashes = repository.clashes(entries.stream().map(Entry::eventId).toList());
        if (filter.person() != null) {
            clashes = clashes.stream().filter(c -> c.person().equalsIgnoreCase(filter.person())).toList();
        }
        Map<UUID, List<String>> people = new HashMap<>();
        for (Clash clash : clashes) {
            people.computeIfAbsent(clash.firstEventId(), k -> new java.util.ArrayList<>()).add(clash.person());
            people.computeIfAbsent(clash.secondEventId(), k -> new java.util.ArrayList<>()).add(clash.person());
        }
        people.replaceAll((k, v) -> v.stream().distinct().sorted().toList());
        return new Schedule(filter.from(), filter.to(), entries, clashes, people);
    }

    /**
     * The same schedule as an iCalendar feed (METHOD:PUBLISH), clashes named in each entry's description. Each entry
     * keeps its own time zone, defined once by a VTIMEZONE (a fixed offset stored before the rule by that offset); an
     * entry whose zone neither the calendar data nor a fixed offset define is written in UTC.
     */
    public String calendar(Filter filter) {
        Schedule schedule = schedule(filter);
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Convene//Schedule//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        calendar.add(new XProperty("X-WR-CALNAME", "Schedule"));
        Map<String, VTimeZone> defined = new TreeMap<>();
        List<VEvent> vevents = new ArrayList<>();
        for (Entry entry : schedule.entries()) {
            Optional<VTimeZone> zone = TimeZones.definition(entry.timeZone());
            VEvent vevent;
            if (zone.isPresent()) {
                ZoneId id = ZoneId.of(entry.timeZone());
                vevent = new VEvent(entry.startsAt().atZone(id), entry.endsAt().atZone(id), entry.title());
                defined.putIfAbsent(id.getId(), zone.get());
            } else {
                vevent = new VEvent(entry.startsAt(), entry.endsAt(), entry.title());
            }
            vevent.add(new Uid(entry.eventId() + "@convene.app"));
            vevent.add("CANCELLED".equals(entry.status()) ? ImmutableStatus.VEVENT_CANCELLED
                    : ImmutableStatus.VEVENT_CONFIRMED);
            if (entry.department() != null) {
                vevent.add(new Categories(entry.department()));
            }
            List<String> clashing = schedule.clashingPeople().get(entry.eventId());
            if (clashing != null) {
                vevent.add(new Description("Clash: " + String.join(", ", clashing)
                        + " also booked into another meeting at this time"));
                vevent.add(new XProperty("X-CONVENE-CLASH", String.join(",", clashing)));
            }
            vevents.add(vevent);
        }
        defined.values().forEach(calendar::add);
        vevents.forEach(calendar::add);
        return calendar.toString();
    }
}
