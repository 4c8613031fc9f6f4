package app.convene.backbone.event;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Who may see and change an event, as registration-service announces it with every
 * {@code registration.event-scheduled.v1} and {@code registration.event-updated.v1}, so that the other services
 * enforce it locally. Subjects are the token's {@code upn} (an e-mail address), kept in lower case; they travel
 * on the topic because every consumer needs them to decide who may read the event's budget, bookings and briefings.
 *
 * @param organisation the organisation (token claim {@code org}) the event and everything hanging off it belong to
 * @param owner the organizer who created the event
 * @param confidential when true only the owner, co-organizers and delegates see the event (finance its budget too)
 * @param coOrganizers organizers who may change the event as its owner may
 * @param delegates assistants acting on behalf of the owner or a co-organizer
 */
public record EventAccess(@Schema(required = true) String organisation, @Schema(required = true) String owner,
        boolean confidential, @Schema(required = true) List<String> coOrganizers,
        @Schema(required = true) List<Delegate> delegates) {

    /** An assistant ({@code subject}) who acts on behalf of {@code onBehalfOf}, the owner or a co-organizer. */
    public record Delegate(@Schema(required = true) String subject, @Schema(required = true) String onBehalfOf) {
    }

    public EventAccess {
        Objects.requireNonNull(organisation, "organisation");
        Objects.requireNonNull(owner, "owner");
        coOrganizers = coOrganizers == null ? List.of() : List.copyOf(coOrganizers);
        delegates = delegates == null ? List.of() : List.copyOf(delegates);
    }

    /** The owner, a co-organizer or a delegate. */
    public boolean isMember(String subject) {
        if (subject == null) {
            return false;
        }
        String who = normalise(subject);
        return owner.equals(who) || coOrganizers.contains(who) || delegates.stream().anyMatch(d -> d.subject().equals(who));
    }

    /** Whom {@code subject} acts for when it is a delegate of the event (and nothing more); null otherwise. */
    public String onBehalfOf(String subject) {
        if (subject == null) {
            return null;
        }
        String who = normalise(subject);
        if (owner.equals(who) || coOrganizers.contains(who)) {
            return null;
        }
        return delegates.stream().filter(d -> d.subject().equals(who)).map(Delegate::onBehalfOf).findFirst()
                .orElse(null);
    }

    /** Every subject with a place on the event: owner, co-organizers, delegates. */
    public List<String> members() {
        java.util.ArrayList<String> all = new java.util.ArrayList<>();
        all.add(owner);
        all.addAll(coOrganizers);
        delegates.forEach(d -> all.add(d.subject()));
        return all;
    }

    public static String normalise(String subject) {
        return subject.trim().toLowerCase(Locale.ROOT);
    }
}
