package app.convene.registration.service;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import app.convene.backbone.problem.ProblemException;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.Standard;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.TzId;
import net.fortuna.ical4j.model.property.TzOffsetFrom;
import net.fortuna.ical4j.model.property.TzOffsetTo;

/**
 * The time zones events and meeting series are scheduled in: the regions of IANA's time zone database
 * ({@code Europe/Stockholm}, {@code UTC}) that the calendar data define, so that every invitation and feed names its
 * zone with a VTIMEZONE (RFC 5545 wants one for each TZID). {@code java.time} also reads a fixed offset
 * ({@code +01:00}, {@code Z}) and a prefixed one ({@code GMT+3}), which no calendar application can look up.
 */
public final class TimeZones {
    public static final String RULE = "must be an IANA time zone such as Europe/Stockholm";
    private static final Set<String> REGIONS = Set.copyOf(ZoneId.getAvailableZoneIds());
    private static final TimeZoneRegistry REGISTRY = TimeZoneRegistryFactory.getInstance().createRegistry();
    private static final Map<String, Optional<VTimeZone>> DEFINITIONS = new ConcurrentHashMap<>();
    /** Fixed offsets stored before the rule, by their stored name: as many as distinct such names were stored. */
    private static final Map<String, Optional<VTimeZone>> OFFSETS = new ConcurrentHashMap<>();

    private TimeZones() {
    }

    /** The zone {@code id} names; a 400 naming {@code field} unless it is a region the calendars define. */
    public static ZoneId require(String field, String id) {
        if (id == null || !REGIONS.contains(id) || DEFINITIONS.computeIfAbsent(id, TimeZones::load).isEmpty()) {
            throw ProblemException.invalidField(field, RULE);
        }
        return ZoneId.of(id);
    }

    /**
     * The zone's VTIMEZONE under the zone's own name (the bundled data may file it under an alias). A zone stored
     * before the rule above that is a fixed offset ({@code +01:00}, {@code GMT+3}) is defined by that one offset,
     * under the name {@link ZoneId#getId()} gives it.
     * Empty for any other zone the calendar data do not define. Shared: add it to a calendar, never change it.
     */
    public static Optional<VTimeZone> definition(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Optional<VTimeZone> region = REGIONS.contains(id) ? DEFINITIONS.computeIfAbsent(id, TimeZones::load)
                : Optional.empty();
        return region.or(() -> OFFSETS.computeIfAbsent(id, TimeZones::fixedOffset));
    }

    private static Optional<VTimeZone> load(String id) {
        TimeZone timeZone = REGISTRY.getTimeZone(id);
        if (timeZone == null) {
            return Optional.empty();
        }
        VTimeZone copy = timeZone.getVTimeZone().copy();
        copy.removeAll("TZID", "TZURL", "X-LIC-LOCATION");
        copy.add(new TzId(id));
        return Optional.of(copy);
    }

    /** One standard observance with the zone's only offset, in effect from 1970 (RFC 5545, 3.6.5). */
    private static Optional<VTimeZone> fixedOffset(String id) {
        ZoneId zone;
        try {
            zone = ZoneId.of(id);
        } catch (DateTimeException e) {
            return Optional.empty();
        }
        ZoneRules rules = zone.getRules();
        if (!rules.isFixedOffset()) {
            return Optional.empty();
        }
        ZoneOffset offset = rules.getOffset(Instant.EPOCH);
        Standard standard = new Standard();
        standard.add(new DtStart<>(LocalDateTime.of(1970, 1, 1, 0, 0)));
        standard.add(new TzOffsetFrom(offset));
        standard.add(new TzOffsetTo(offset));
        VTimeZone definition = new VTimeZone();
        // Under the name java.time gives it (GMT+3 is GMT+03:00), which is what a date-time in it is written with.
        definition.add(new TzId(zone.getId()));
        definition.add(standard);
        return Optional.of(definition);
    }
}
