package app.convene.notification.attendee.service;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ComponentList;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.Observance;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * The iCalendar (RFC 5545) invitation sent to an attendee, written with ical4j: METHOD:REQUEST (with a higher
 * SEQUENCE each time the event moves) or METHOD:CANCEL, in the event's time zone (with its VTIMEZONE). The UID is
 * stable per event and attendee, so each update replaces the entry in the attendee's calendar.
 */
@ApplicationScoped
public class InvitationCalendar {
    private static final String PRODUCT = "-//Convene//Attendee mail//EN";
    private static final URI ORGANIZER = URI.create("mailto:events@convene.app");
    private final TimeZoneRegistry zones = TimeZoneRegistryFactory.getInstance().createRegistry();
    /**
     * Each zone's VTIMEZONE, made once: copying and renaming the registry's definition cost a third of a confirmation's
     * handling. The components are never changed after they are made, so every invitation may share them.
     */
    private final Map<String, Optional<VTimeZone>> definitions = new ConcurrentHashMap<>();
    /**
     * The part of each zone's definition an event's entries need, by zone and times: every invitation of one event
     * shares it. At most {@link #MOST_COVERINGS} kept, the least used dropped first.
     */
    private static final int MOST_COVERINGS = 1024;
    private static final Duration A_YEAR = Duration.ofDays(366);
    private static final Instant ZONED_FROM = Instant.parse("1900-01-01T00:00:00Z");
    private static final Instant ZONED_UNTIL = Instant.parse("2200-01-01T00:00:00Z");
    private final Cache<Covered, Optional<VTimeZone>> coverings = Caffeine.newBuilder().maximumSize(MOST_COVERINGS)
            .build();

    private record Covered(String zoneId, Instant startsAt, Instant endsAt) {
    }

    /** What the invitation is about. */
    public record Invited(UUID eventId, String title, Instant startsAt, Instant endsAt, String timeZone,
            String attendeeEmail) {
    }

    /** The UID of the attendee's entry: the same for every invitation and cancellation of the event to them. */
    public static String uid(UUID eventId, String attendeeEmail) {
        String attendee = attendeeEmail.trim().toLowerCase(Locale.ROOT);
        return UUID.nameUUIDFromBytes((eventId + "/" + attendee).getBytes(StandardCharsets.UTF_8)) + "@convene.app";
    }

    public String request(Invited invited, int sequence) {
        return write(invited, sequence, false);
    }

    public String cancel(Invited invited, int sequence) {
        return write(invited, sequence, true);
    }

    private String write(Invited invited, int sequence, boolean cancel) {
        ZoneId zone = zoned(invited) ? zone(invited.timeZone()) : ZoneOffset.UTC;
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(cancel ? ImmutableMethod.CANCEL : ImmutableMethod.REQUEST);
        if (!(zone instanceof ZoneOffset)) {
            coverings.get(new Covered(zone.getId(), invited.startsAt(), invited.endsAt()), this::covering)
                    .ifPresent(calendar::add);
        }
        // UTC times are written as such (20270310T080000Z), not under a TZID no VTIMEZONE defines.
        VEvent vevent = zone instanceof ZoneOffset
                ? new VEvent(invited.startsAt(), invited.endsAt(), invited.title())
                : new VEvent(invited.startsAt().atZone(zone), invited.endsAt().atZone(zone), invited.title());
        vevent.add(new Uid(uid(invited.eventId(), invited.attendeeEmail())));
        vevent.add(new Sequence(sequence));
        vevent.add(cancel ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
        vevent.add(new Organizer(ORGANIZER));
        vevent.add(new Attendee(new ParameterList(List.of(Role.REQ_PARTICIPANT,
                cancel ? PartStat.DECLINED : PartStat.ACCEPTED)), URI.create("mailto:" + invited.attendeeEmail())));
        calendar.add(vevent);
        return calendar.toString();
    }

    /**
     * The zone's definition with only the observances in effect while the event runs (RFC 5545 lets a VTIMEZONE leave
     * out those it does not need): the zone's whole history since the 1890s would make up most of every invitation.
     * Kept: the observance in effect at the start, at the end and at each 30 days between. A zone's observances
     * repeat every year, so an event's first year covers the rest of it: the walk stops there.
     */
    private Optional<VTimeZone> covering(Covered covered) {
        return definition(covered.zoneId()).map(whole -> {
            ZoneId zone = ZoneId.of(covered.zoneId());
            Set<Observance> needed = new HashSet<>();
            Instant yearOn = covered.startsAt().plus(A_YEAR);
            Instant end = covered.endsAt().isAfter(yearOn) ? yearOn : covered.endsAt();
            Instant at = covered.startsAt();
            while (at.isBefore(end)) {
                add(needed, whole.getApplicableObservance(at.atZone(zone)));
                at = at.plus(Duration.ofDays(30));
            }
            add(needed, whole.getApplicableObservance(end.atZone(zone)));
            ComponentList<Observance> observances = new ComponentList<>(
                    whole.getObservances().stream().filter(needed::contains).toList());
            return new VTimeZone(whole.getPropertyList(), observances);
        });
    }

    private static void add(Set<Observance> needed, Observance observance) {
        if (observance != null) {
            needed.add(observance);
        }
    }

    private Optional<VTimeZone> definition(String zoneId) {
        return definitions.computeIfAbsent(zoneId, id -> {
            TimeZone timeZone = zones.getTimeZone(id);
            if (timeZone == null) {
                return Optional.empty();
            }
            // Filed under the zone's own name: the bundled data keeps some zones under an alias (Stockholm as Berlin).
            VTimeZone vtimezone = timeZone.getVTimeZone().copy();
            vtimezone.removeAll("TZID", "TZURL", "X-LIC-LOCATION");
            vtimezone.add(new net.fortuna.ical4j.model.property.TzId(id));
            return Optional.of(vtimezone);
        });
    }

    /**
     * Whether the entry is written in the event's time zone. Finding the zone's rule in effect at an instant walks
     * its recurrences from their start, so an event dated in another millennium (registration-service refuses them
     * now, older ones may still be announced) is written in UTC, as RFC 5545 allows, instead of holding up every
     * invitation behind it.
     */
    private static boolean zoned(Invited invited) {
        return !invited.startsAt().isBefore(ZONED_FROM) && !invited.endsAt().isAfter(ZONED_UNTIL);
    }

    private static ZoneId zone(String timeZone) {
        try {
            return timeZone == null ? ZoneOffset.UTC : ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }
}
