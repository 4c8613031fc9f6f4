package app.convene.registration.service;

import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import app.convene.backbone.problem.ProblemException;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.TzId;

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

    private TimeZones() {
    }

    /** The zone {@code id} names; a 400 naming {@code field} unless it is a region the calendars define. */
    public static ZoneId require(String field, String id) {
        if (id == null || !REGIONS.contains(id) || definition(id).isEmpty()) {
            throw ProblemException.invalidField(field, RULE);
        }
        return ZoneId.of(id);
    }

    /**
     * The zone's VTIMEZONE under the zone's own name (the bundled data may file it under an alias); empty for a zone
     * the calendar data do not define. Shared: add it to a calendar, never change it.
     */
    public static Optional<VTimeZone> definition(String id) {
        if (id == null || !REGIONS.contains(id)) {
            return Optional.empty();
        }
        return DEFINITIONS.computeIfAbsent(id, TimeZones::load);
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
}
