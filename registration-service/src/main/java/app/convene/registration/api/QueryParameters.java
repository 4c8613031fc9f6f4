package app.convene.registration.api;

import java.util.Arrays;
import java.util.stream.Collectors;

import app.convene.backbone.problem.ProblemException;

/** Query parameters read as the types they stand for; a value that is not one is a 400 naming the parameter. */
public final class QueryParameters {
    private QueryParameters() {
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
