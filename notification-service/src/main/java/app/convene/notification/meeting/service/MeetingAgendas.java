package app.convene.notification.meeting.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.convene.backbone.event.RegistrationEvents;
import app.convene.backbone.problem.StrictJsonCustomizer;
import app.convene.notification.briefing.domain.BriefingFacts;

/**
 * Each meeting's agenda as last published (a newer version replaces an older one, whatever order the records come
 * in), with the open action items carried into it, for the pre-event briefing.
 */
@ApplicationScoped
public class MeetingAgendas {
    @Inject
    EntityManager entityManager;
    @Inject
    ObjectMapper objectMapper;

    @Transactional(Transactional.TxType.MANDATORY)
    public void onAgendaPublished(RegistrationEvents.AgendaPublished published) {
        entityManager.createNativeQuery("""
                insert into meeting_agenda (event_id, version, published_at, items, carried)
                values (:e, :v, :at, cast(:items as jsonb), cast(:carried as jsonb))
                on conflict (event_id) do update set version = excluded.version,
                    published_at = excluded.published_at, items = excluded.items, carried = excluded.carried
                where meeting_agenda.version < excluded.version""")
                .setParameter("e", published.eventId()).setParameter("v", published.version())
                .setParameter("at", published.publishedAt()).setParameter("items", json(published.items()))
                .setParameter("carried", json(published.carriedActionItems())).executeUpdate();
    }

    /** The agenda a briefing shows, or null when none was published. */
    public BriefingFacts.Agenda forBriefing(UUID eventId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select version, cast(items as text), cast(carried as text) from meeting_agenda where event_id = :e""")
                .setParameter("e", eventId).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        try {
            // Kept as announced, read as announced (a due date past four digits too).
            List<RegistrationEvents.AgendaEntry> items = objectMapper
                    .readerFor(new TypeReference<List<RegistrationEvents.AgendaEntry>>() {
                    }).withAttribute(StrictJsonCustomizer.AS_ANNOUNCED, Boolean.TRUE)
                    .readValue((String) rows.get(0)[1]);
            List<RegistrationEvents.ActionItemSummary> carried = objectMapper
                    .readerFor(new TypeReference<List<RegistrationEvents.ActionItemSummary>>() {
                    }).withAttribute(StrictJsonCustomizer.AS_ANNOUNCED, Boolean.TRUE)
                    .readValue((String) rows.get(0)[2]);
            return new BriefingFacts.Agenda(((Number) rows.get(0)[0]).intValue(), items.stream()
                    .map(i -> new BriefingFacts.AgendaLine(i.position(), i.title(), i.presenter(), i.timeBoxMinutes(),
                            i.kind()))
                    .toList(), carried.stream()
                    .map(a -> new BriefingFacts.CarriedAction(a.title(), a.owner(), a.dueDate())).toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the stored agenda of " + eventId + " cannot be read", e);
        }
    }

    private String json(Object value) {
        try {
            return objectMapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the agenda cannot be written", e);
        }
    }
}
