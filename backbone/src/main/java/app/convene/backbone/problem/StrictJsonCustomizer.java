package app.convene.backbone.problem;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.temporal.Temporal;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalAmount;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Reads request bodies strictly: unknown properties, trailing content, {@code 12.5} for a whole number, a number for
 * a string or a string for a number, {@code null} for a primitive, a number or an array for an instant, a date or a
 * duration, an instant or a date whose year is not four digits, a decimal of more than a thousand digits (an
 * exponent such as {@code 1E+2147483647}), half of a surrogate pair, and control characters are all refused with a
 * 400 naming the field: NUL (PostgreSQL refuses it) and every other C0/C1 control character or DEL anywhere; in a
 * one-line field (a {@code title} or {@code name}, also {@code firstName}, {@code subTitle}...) tab, line feed and
 * carriage return too, which elsewhere (descriptions, notes) are text.
 */
@Singleton
public class StrictJsonCustomizer implements ObjectMapperCustomizer {
    /**
     * A reader attribute for another service's announced event: what it holds was checked where it was made, and an
     * event announced before a rule existed (an event's end in the year 99999, say) is still read as it was sent.
     * Such a reader leaves out the four-digit years of {@link Rfc3339}.
     */
    public static final String AS_ANNOUNCED = "convene.as-announced";

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        // {"title": "a", "title": "b"}: a proxy or another reader may take the first where this one took the last.
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.registerModule(new SimpleModule("no-control-characters")
                .addDeserializer(String.class, new NoControlCharacters()));
        mapper.registerModule(new SimpleModule("bounded-decimals")
                .addDeserializer(BigDecimal.class, new BoundedDecimals()));
        mapper.registerModule(new SimpleModule("times-as-text").setDeserializerModifier(new TimesAsText()));
    }

    /**
     * Instants, dates and durations are read from ISO-8601 text only: the time module would otherwise take
     * {@code 12345} as seconds since 1970 (or {@code [2027,1,10]} as a date) without a word. An instant or a date
     * must have a four-digit year ({@link Rfc3339}); a request's times are kept to microseconds.
     */
    static final class TimesAsText extends BeanDeserializerModifier {
        @Override
        public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                JsonDeserializer<?> deserializer) {
            Class<?> type = description.getBeanClass();
            if (Temporal.class.isAssignableFrom(type) || TemporalAmount.class.isAssignableFrom(type)) {
                return new TextOnly(deserializer);
            }
            return deserializer;
        }
    }

    static final class TextOnly extends DelegatingDeserializer {
        TextOnly(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new TextOnly(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                throw com.fasterxml.jackson.databind.exc.InvalidFormatException.from(parser,
                        "expected ISO-8601 text", parser.getText(), handledType());
            }
            Object value = super.deserialize(parser, context);
            if (context.getAttribute(AS_ANNOUNCED) != null) {
                return value;
            }
            if (value instanceof TemporalAccessor time && !Rfc3339.holds(time)) {
                throw JsonMappingException.from(parser, Rfc3339.RULE);
            }
            return toMicroseconds(value);
        }

        /**
         * A time of day or instant with more than microseconds is cut to microseconds, PostgreSQL's precision: what is
         * answered is then what is stored and read again, not a value the database rounded on the way in.
         */
        private static Object toMicroseconds(Object value) {
            if (value instanceof java.time.Instant instant) {
                return instant.truncatedTo(ChronoUnit.MICROS);
            }
            if (value instanceof java.time.OffsetDateTime dateTime) {
                return dateTime.truncatedTo(ChronoUnit.MICROS);
            }
            if (value instanceof java.time.LocalDateTime dateTime) {
                return dateTime.truncatedTo(ChronoUnit.MICROS);
            }
            if (value instanceof java.time.LocalTime time) {
                return time.truncatedTo(ChronoUnit.MICROS);
            }
            return value;
        }
    }

    /**
     * A decimal is read with at most {@value #MOST_DIGITS} digits before and after its point. An exponent alone can
     * make a short number vast ({@code 1E+2147483647}): its digit count overflows an {@code int}, which passes Bean
     * Validation's {@code @Digits}, and rounding it fails. Every field's own rule is far tighter.
     */
    static final class BoundedDecimals extends NumberDeserializers.BigDecimalDeserializer {
        static final int MOST_DIGITS = 1000;

        @Override
        public BigDecimal deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            BigDecimal value = super.deserialize(parser, context);
            if (value != null && ((long) value.precision() - value.scale() > MOST_DIGITS
                    || value.scale() > MOST_DIGITS)) {
                throw JsonMappingException.from(parser,
                        "must have at most " + MOST_DIGITS + " digits before and after the decimal point");
            }
            return value;
        }
    }

    /**
     * PostgreSQL cannot store U+0000 in text, and no other control character belongs in what people type (an escape
     * sequence in a name reaches terminals, logs and CSV files); refuse them where the field is known. Nor can UTF-8
     * hold half of a surrogate pair (a JSON escape of U+D800 with no U+DC00 to U+DFFF after it): the database would
     * keep a {@code ?} in its place while the answer showed what was sent.
     */
    static final class NoControlCharacters extends StringDeserializer {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = super.deserialize(parser, context);
            String problem = value == null ? null : problem(value, oneLine(parser.currentName()));
            if (problem != null) {
                throw com.fasterxml.jackson.databind.exc.InvalidFormatException.from(parser, problem, value,
                        String.class);
            }
            return value;
        }

        /** Titles and names are one line: {@code title}, {@code name}, {@code displayName}, {@code subTitle}... */
        static boolean oneLine(String field) {
            return field != null && (field.equals("title") || field.equals("name") || field.endsWith("Title")
                    || field.endsWith("Name"));
        }

        static String problem(String value, boolean oneLine) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '\u0000') {
                    return "must not contain the NUL character";
                }
                boolean lineBreakOrTab = c == '\t' || c == '\n' || c == '\r';
                if (lineBreakOrTab && oneLine) {
                    return "must be one line: no tab, line feed or carriage return";
                }
                if (!lineBreakOrTab && (c < 0x20 || (c >= 0x7f && c <= 0x9f))) {
                    return String.format("must not contain control characters (U+%04X)", (int) c);
                }
                if (Character.isSurrogate(c)) {
                    if (Character.isHighSurrogate(c) && i + 1 < value.length()
                            && Character.isLowSurrogate(value.charAt(i + 1))) {
                        i++;
                    } else {
                        return String.format("must be Unicode text: U+%04X is half of a character", (int) c);
                    }
                }
            }
            return null;
        }
    }
}
