package app.convene.backbone.asyncapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.convene.backbone.event.EventType;
import app.convene.backbone.event.RegistrationEvents;
import app.convene.backbone.event.VenueEvents;
import app.convene.backbone.testing.AsyncApiDocument;
import app.convene.backbone.testing.AsyncApiStructure;
import app.convene.backbone.testing.OutboxAppends;
import app.convene.backbone.testing.OutboxAppends.Append;

/**
 * A developer adds an event type, stops reading one or changes a payload: the drift check names what the kept
 * AsyncAPI document lacks or lists too much, and says how to regenerate it.
 */
class AsyncApiDriftTest {
    private static final Path SCANNED = Path.of("target", "test-classes", "app", "convene", "backbone", "asyncapi");

    @TempDir
    Path directory;

    @AfterEach
    void stopWriting() {
        System.clearProperty(AsyncApiDocument.WRITE_PROPERTY);
    }

    @Test
    void theOutboxAppendsAreReadFromTheBytecodeConstantsAndLocalChoicesAlike() {
        Map<String, Append> appends = OutboxAppends.in(SCANNED.resolve("constant"));

        assertThat(appends).containsOnlyKeys("registration.event-cancelled.v1", "registration.check-in-undone.v2",
                "registration.attendee-checked-in.v2");
        assertThat(appends.get("registration.event-cancelled.v1").aggregateTypes()).containsExactly("event");
        assertThat(appends.get("registration.check-in-undone.v2").aggregateTypes()).containsExactly("registration");
        assertThat(appends.get("registration.event-cancelled.v1").places())
                .containsExactly("app.convene.backbone.asyncapi.constant.Announcer.cancel");
    }

    @Test
    void anAppendWhoseTypeTheBytecodeCannotTellFailsTheScan() {
        assertThatThrownBy(() -> OutboxAppends.in(SCANNED.resolve("vague")))
                .hasMessageContaining("not a constant")
                .hasMessageContaining("app.convene.backbone.asyncapi.vague.VagueAnnouncer.announce");
    }

    @Test
    void aDocumentWrittenFromTheCodeIsWellFormedAndPassesTheCheck() throws IOException {
        Path kept = keep(document(sends(RegistrationEvents.CONFIRMED), reads(VenueEvents.BOOKING_CONFIRMED)));

        document(sends(RegistrationEvents.CONFIRMED), reads(VenueEvents.BOOKING_CONFIRMED)).verify(kept);
        String yaml = Files.readString(kept);
        AsyncApiStructure.check(yaml);
        assertThat(AsyncApiStructure.messageNames(yaml, "send")).containsExactly("registration.confirmed.v2");
        assertThat(AsyncApiStructure.messageNames(yaml, "receive")).containsExactly("venue.booking-confirmed.v1");
        assertThat(yaml).contains("registration-service.dead-letter", "const: registration.confirmed.v2",
                "const: /venue-service", "RegistrationEvents.RegistrationConfirmed:", "format: uuid");
    }

    @Test
    void aTypeAnnouncedInCodeButMissingFromTheDocumentFails() throws IOException {
        Path kept = keep(document(sends(RegistrationEvents.CONFIRMED), reads()));

        assertThatThrownBy(() -> document(sends(RegistrationEvents.CONFIRMED, RegistrationEvents.CANCELLED), reads())
                .verify(kept))
                .hasMessageContaining("registration.cancelled.v1 is announced (send) by the code but missing from "
                        + "the document")
                .hasMessageContaining("-Dasyncapi.write=true");
    }

    @Test
    void aTypeTheDocumentListsButTheCodeNoLongerAnnouncesFails() throws IOException {
        Path kept = keep(document(sends(RegistrationEvents.CONFIRMED, RegistrationEvents.CANCELLED), reads()));

        assertThatThrownBy(() -> document(sends(RegistrationEvents.CONFIRMED), reads()).verify(kept))
                .hasMessageContaining("registration.cancelled.v1 is listed as announced (send) in the document but "
                        + "the code does not do so");
    }

    @Test
    void aTypeReadInCodeButMissingFromTheDocumentFailsAndSoDoesOneNoLongerRead() throws IOException {
        Path kept = keep(document(sends(), reads(VenueEvents.BOOKING_CONFIRMED)));

        assertThatThrownBy(() -> document(sends(), reads(VenueEvents.BOOKING_CONFIRMED, VenueEvents.BOOKING_CANCELLED))
                .verify(kept))
                .hasMessageContaining("venue.booking-cancelled.v1 is read (receive) by the code but missing from the "
                        + "document");
        assertThatThrownBy(() -> document(sends(), reads()).verify(kept))
                .hasMessageContaining("venue.booking-confirmed.v1 is listed as read (receive) in the document but "
                        + "the code does not do so");
    }

    @Test
    void aPayloadChangedByHandFailsAsADifferenceFromTheGeneratedDocument() throws IOException {
        Path kept = keep(document(sends(RegistrationEvents.CONFIRMED), reads()));
        Files.writeString(kept, Files.readString(kept).replaceFirst("attendeeEmail:", "attendeeMail:"));

        assertThatThrownBy(() -> document(sends(RegistrationEvents.CONFIRMED), reads()).verify(kept))
                .hasMessageContaining("differs from the one generated from the code")
                .hasMessageContaining("-Dasyncapi.write=true");
    }

    @Test
    void withTheWritePropertyTheKeptDocumentIsRegenerated() throws IOException {
        Path kept = keep(document(sends(RegistrationEvents.CONFIRMED), reads()));
        System.setProperty(AsyncApiDocument.WRITE_PROPERTY, "true");

        document(sends(RegistrationEvents.CONFIRMED, RegistrationEvents.CANCELLED), reads()).verify(kept);

        System.clearProperty(AsyncApiDocument.WRITE_PROPERTY);
        assertThat(AsyncApiStructure.messageNames(Files.readString(kept), "send"))
                .containsExactly("registration.cancelled.v1", "registration.confirmed.v2");
    }

    @Test
    void aServiceAnnouncingAnotherServicesFamilyBreaksTheOwnershipRule() throws IOException {
        Path kept = directory.resolve("asyncapi.yaml");

        assertThatThrownBy(() -> document(sends(VenueEvents.BOOKING_CONFIRMED), reads()).verify(kept))
                .hasMessageContaining("venue.booking-confirmed.v1")
                .hasMessageContaining("announced only by /venue-service");
    }

    @Test
    void aBrokenReferenceOrAnotherVersionOfAsyncApiIsNotWellFormed() throws IOException {
        String yaml = document(sends(RegistrationEvents.CONFIRMED), reads()).yaml();

        assertThatThrownBy(() -> AsyncApiStructure.check(yaml.replace("asyncapi: 3.0.0", "asyncapi: 2.6.0")))
                .hasMessageContaining("asyncapi must be 3.0.0");
        assertThatThrownBy(() -> AsyncApiStructure.check(yaml.replace("$ref: \"#/components/schemas/",
                "$ref: \"#/components/schemata/")))
                .hasMessageContaining("points at nothing");
    }

    private Path keep(AsyncApiDocument document) throws IOException {
        Path kept = directory.resolve("asyncapi.yaml");
        Files.writeString(kept, document.yaml());
        return kept;
    }

    private static AsyncApiDocument document(Map<String, Append> sends, List<EventType<?>> reads) {
        return AsyncApiDocument.of("registration-service", sends, Map.of("registration-service", reads),
                Map.of("venue.events", "venue-events"));
    }

    private static Map<String, Append> sends(EventType<?>... types) {
        Map<String, Append> sends = new TreeMap<>();
        for (EventType<?> type : types) {
            sends.put(type.name(), new Append(type, new TreeSet<>(Set.of("event")), new TreeSet<>(Set.of("test"))));
        }
        return sends;
    }

    private static List<EventType<?>> reads(EventType<?>... types) {
        return List.of(types);
    }
}
