package app.convene.registration.api;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.stream.Collectors;

import app.convene.backbone.problem.ProblemException;

/** Query parameters read as the types they stand for; a value that is not one is a 400 naming the parameter. */
public final class QueryParameters {
    private QueryParameters() {
    }

    /** An instant such as 2027-03-10T08:00:00Z; null when not given. */
    public static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(name, "must be an instant such as 2027-03-10T08:00:00Z");
        }
    }

    /** One of the constants of {@code type}, by name; null when not given. */
    public static <E extends Enum<E>> E oneOf(Class<E> type, String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(name, "must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(Enum::name).collect(Collectors.joining(", ")));
        }
    }
}
