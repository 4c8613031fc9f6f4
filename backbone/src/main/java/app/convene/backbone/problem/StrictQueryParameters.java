package app.convene.backbone.problem;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import org.jboss.resteasy.reactive.RestQuery;

/**
 * Reads the typed query parameters of every operation strictly, and names the one that is not in its form.
 *
 * <p>Left to the framework, a query parameter that does not convert is a 404 that says there is no resource at the
 * path ({@code ?limit=abc}), and a yes-or-no parameter reads anything but {@code true} as false ({@code
 * ?checkedIn=1} lists those not checked in). Here a whole number, an id or a yes-or-no that is not in its form is a
 * 400 {@code validation} problem with the parameter as its field and the form as its rule; so is an instant not in
 * ISO-8601 form or whose year is not four digits, and a value that names none of an enumeration's constants (the
 * rule lists them). An empty value counts as absent (false or 0 where the operation takes a plain {@code boolean},
 * {@code int} or {@code long}). Path parameters keep the framework's reading: an id that is not one names no resource
 * (404).
 */
@Provider
public class StrictQueryParameters implements ParamConverterProvider {
    private static final Pattern UUID_FORM = Pattern
            .compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = queryName(annotations);
        if (name == null) {
            return null;
        }
        if (rawType == Integer.class || rawType == int.class) {
            return (ParamConverter<T>) new Strict<>(name, rawType.isPrimitive() ? 0 : null,
                    "must be a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE, Integer::valueOf);
        }
        if (rawType == Long.class || rawType == long.class) {
            return (ParamConverter<T>) new Strict<>(name, rawType.isPrimitive() ? 0L : null,
                    "must be a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE, Long::valueOf);
        }
        if (rawType == Boolean.class || rawType == boolean.class) {
            // For a plain boolean left out, the framework passes "0" (its default for every primitive).
            return (ParamConverter<T>) new Strict<>(name, rawType.isPrimitive() ? Boolean.FALSE : null,
                    "must be true or false", rawType.isPrimitive() ? StrictQueryParameters::yesOrNoOrLeftOut
                            : StrictQueryParameters::yesOrNo);
        }
        if (rawType == UUID.class) {
            return (ParamConverter<T>) new Strict<>(name, null,
                    "must be an id: 32 hexadecimal digits in groups of 8-4-4-4-12", StrictQueryParameters::id);
        }
        if (rawType == Instant.class) {
            return (ParamConverter<T>) new Strict<>(name, null,
                    "must be an instant such as 2027-03-10T08:00:00Z, with a four-digit year",
                    StrictQueryParameters::instant);
        }
        if (rawType.isEnum()) {
            return (ParamConverter<T>) oneOf(name, rawType.asSubclass(Enum.class));
        }
        return null;
    }

    /** A constant of the enum, by its exact name. */
    private static <E extends Enum<E>> Strict<E> oneOf(String name, Class<E> type) {
        String names = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
        return new Strict<>(name, null, "must be one of " + names, value -> Enum.valueOf(type, value));
    }

    private static String queryName(Annotation[] annotations) {
        if (annotations == null) {
            return null;
        }
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                return query.value();
            }
            if (annotation instanceof RestQuery query) {
                return query.value();
            }
        }
        return null;
    }

    private static Boolean yesOrNo(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException(value);
        };
    }

    private static Boolean yesOrNoOrLeftOut(String value) {
        return "0".equals(value) ? Boolean.FALSE : yesOrNo(value);
    }

    private static Instant instant(String value) {
        try {
            return Rfc3339.instant(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(value, e);
        }
    }

    private static UUID id(String value) {
        if (!UUID_FORM.matcher(value).matches()) {
            throw new IllegalArgumentException(value);
        }
        return UUID.fromString(value);
    }

    /** One parameter's reading: its value in its form, or the problem naming it. */
    private static final class Strict<T> implements ParamConverter<T> {
        private final String name;
        private final T absent;
        private final String rule;
        private final Function<String, T> read;

        Strict(String name, T absent, String rule, Function<String, T> read) {
            this.name = name;
            this.absent = absent;
            this.rule = rule;
            this.read = read;
        }

        @Override
        public T fromString(String value) {
            String trimmed = value == null ? "" : value.trim();
            if (trimmed.isEmpty()) {
                return absent;
            }
            try {
                return read.apply(trimmed);
            } catch (IllegalArgumentException e) {
                // The framework wraps what a converter throws; ProblemMappers answers the problem inside.
                throw ProblemException.invalidField(name, rule);
            }
        }

        @Override
        public String toString(T value) {
            return value == null ? null : value.toString();
        }
    }
}
