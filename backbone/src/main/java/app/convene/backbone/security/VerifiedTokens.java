package app.convene.backbone.security;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import javax.crypto.SecretKey;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Bearer tokens already verified, so that a token sent again (a front end sends the same token with every request)
 * is not verified again: checking a token's RSA signature was a sixth of a registration's CPU. A verified token is
 * kept until the first of: its expiry ({@code exp}), the end of its accepted age ({@code iat} plus
 * {@code mp.jwt.verify.token.age}), or {@link #LONGEST_KEPT} after it was verified (so a verification key taken out
 * of service stops vouching for it soon). A token that fails verification is never kept; at most {@link #MOST_KEPT}
 * tokens are (a few megabytes). Everything but {@link #parse(String)} goes to smallrye-jwt's parser as it is.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens implements JWTParser {
    static final Duration LONGEST_KEPT = Duration.ofMinutes(5);
    static final int MOST_KEPT = 1_000;

    private record Verified(JsonWebToken token, Instant keptUntil) {
    }

    @Inject
    DefaultJWTParser parser;

    @ConfigProperty(name = "mp.jwt.verify.token.age")
    Optional<Long> tokenAgeSeconds;

    private final Cache<String, Verified> verified = Caffeine.newBuilder().maximumSize(MOST_KEPT)
            .expireAfter(Expiry.<String, Verified>writing(
                    (token, kept) -> Duration.between(Instant.now(), kept.keptUntil())))
            .build();

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        Verified kept = verified.getIfPresent(token);
        if (kept != null) {
            return kept.token();
        }
        JsonWebToken checked = parser.parse(token);
        Instant now = Instant.now();
        Instant until = now.plus(LONGEST_KEPT);
        if (checked.getExpirationTime() > 0) {
            until = earlier(until, Instant.ofEpochSecond(checked.getExpirationTime()));
        }
        if (tokenAgeSeconds.isPresent() && checked.getIssuedAtTime() > 0) {
            until = earlier(until, Instant.ofEpochSecond(checked.getIssuedAtTime()).plusSeconds(tokenAgeSeconds.get()));
        }
        if (now.isBefore(until)) {
            verified.put(token, new Verified(checked, until));
        }
        return checked;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return parser.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return parser.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return parser.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return parser.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return parser.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return parser.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return parser.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return parser.parseOnly(token);
    }
}
