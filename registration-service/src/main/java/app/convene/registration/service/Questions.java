package app.convene.registration.service;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.convene.backbone.problem.Problem;
import app.convene.backbone.problem.ProblemException;
import app.convene.registration.domain.Question;
import app.convene.registration.persistence.QuestionRepository;

/** The event's registration questions and the checking of answers against them. */
@ApplicationScoped
public class Questions {
    static final int MAX_TEXT = 2000;

    @Inject
    java.time.Clock clock;
    @Inject
    EventCatalog events;
    @Inject
    EventAccessRules rules;
    @Inject
    QuestionRepository repository;

    public record NewQuestion(String key, String label, Question.Kind kind, boolean required, List<String> choices) {
    }

    @Transactional
    public Question add(UUID eventId, NewQuestion request) {
        rules.change(eventId);
        events.lock(eventId);
        if (repository.isAsked(eventId, request.key())) {
            throw ProblemException.conflict("question-exists", "event " + eventId + " already asks (or asked, "
                    + "and keeps its answers) \"" + request.key() + "\"");
        }
        boolean choice = request.kind() == Question.Kind.CHOICE;
        if (choice && (request.choices() == null || request.choices().size() < 2)) {
            throw ProblemException.invalidField("choices", "a CHOICE question needs at least two choices");
        }
        if (!choice && request.choices() != null) {
            throw ProblemException.invalidField("choices", "only CHOICE questions have choices");
        }
        if (choice && new HashSet<>(request.choices()).size() != request.choices().size()) {
            throw ProblemException.invalidField("choices", "must not repeat");
        }
        Question question = new Question();
        question.id = UUID.randomUUID();
        question.eventId = eventId;
        question.key = request.key();
        question.label = request.label();
        question.kind = request.kind();
        question.required = request.required();
        question.choices = request.choices();
        question.position = repository.countOf(eventId);
        question.persist();
        return question;
    }

    /**
     * Changes a question of a live event: its label, whether it is required (for registrations from now on) and a
     * CHOICE question's choices (every one it has stays, since answers may name it; new ones may be added). Its key
     * and kind stay what answers were given under.
     */
    @Transactional
    public Question change(UUID eventId, UUID questionId, String label, Boolean required, List<String> choices) {
        rules.change(eventId);
        EventCatalog.requireNotCancelled(events.lock(eventId));
        Question question = questionOf(eventId, questionId);
        if (question.retiredAt != null) {
            throw ProblemException.conflict("question-retired", "question " + questionId + " (" + question.key
                    + ") was retired at " + question.retiredAt + " and is no longer asked");
        }
        if (choices != null) {
            if (question.kind != Question.Kind.CHOICE) {
                throw ProblemException.invalidField("choices", "only CHOICE questions have choices");
            }
            if (new HashSet<>(choices).size() != choices.size()) {
                throw ProblemException.invalidField("choices", "must not repeat");
            }
            for (String kept : question.choices) {
                if (!choices.contains(kept)) {
                    throw ProblemException.invalidField("choices", "must keep \"" + kept + "\": answers already "
                            + "given may name it (new choices may be added, the order changed)");
                }
            }
            question.choices = List.copyOf(choices);
        }
        if (label != null) {
            question.label = label;
        }
        if (required != null) {
            question.required = required;
        }
        return question;
    }

    /**
     * Retires a question asked by mistake: from now on nobody is asked it (an answer to it is refused as to a question
     * the event does not ask), and answers already given stay on the registrations under its key, which stays taken.
     * Retiring it again changes nothing.
     */
    @Transactional
    public Question retire(UUID eventId, UUID questionId) {
        rules.change(eventId);
        EventCatalog.requireNotCancelled(events.lock(eventId));
        Question question = questionOf(eventId, questionId);
        if (question.retiredAt == null) {
            question.retiredAt = clock.instant();
        }
        return question;
    }

    private static Question questionOf(UUID eventId, UUID questionId) {
        Question question = Question.findById(questionId);
        if (question == null || !question.eventId.equals(eventId)) {
            throw ProblemException.notFound("question", questionId);
        }
        return question;
    }

    public List<Question> list(UUID eventId) {
        rules.read(eventId);
        return repository.ofEvent(eventId);
    }

    /** One question of the event, for whoever may read the event; a question of another event is a 404. */
    public Question find(UUID eventId, UUID questionId) {
        return list(eventId).stream().filter(q -> q.id.equals(questionId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("question", questionId));
    }

    /** The event's questions, to check answers against with {@link #check}. */
    public List<Question> askedBy(UUID eventId) {
        return repository.askedBy(eventId);
    }

    /**
     * Checks every answer and every required question of the event ({@code questions}, from {@link #askedBy}); all
     * failures are reported together.
     */
    public Map<String, Object> check(List<Question> questions, Map<String, Object> answers, String field) {
        Map<String, Object> given = answers == null ? Map.of() : answers;
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<String> known = new HashSet<>();
        Map<String, Object> accepted = new LinkedHashMap<>();
        for (Question question : questions) {
            known.add(question.key);
            Object answer = given.get(question.key);
            String path = field + "." + question.key;
            if (answer == null) {
                if (question.required) {
                    errors.add(new Problem.FieldError(path, "is required"));
                }
                continue;
            }
            String rule = switch (question.kind) {
                case TEXT -> answer instanceof String text && text.length() <= MAX_TEXT ? null
                        : "must be text of at most " + MAX_TEXT + " characters";
                case YES_NO -> answer instanceof Boolean ? null : "must be true or false";
                case CHOICE -> question.choices.contains(answer) ? null : "must be one of " + question.choices;
            };
            if (rule != null) {
                errors.add(new Problem.FieldError(path, rule));
            } else if (!(answer instanceof String text && text.isBlank() && !question.required)) {
                accepted.put(question.key, answer);
            }
        }
        for (String key : given.keySet()) {
            if (!known.contains(key)) {
                errors.add(new Problem.FieldError(field + "." + key, "the event asks no such question"));
            }
        }
        if (!errors.isEmpty()) {
            errors.sort(java.util.Comparator.comparing(Problem.FieldError::field));
            throw new ProblemException(400, "validation", "Request is not valid", errors.stream()
                    .map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b).orElse(""), errors);
        }
        return accepted.isEmpty() ? null : accepted;
    }
}
