package io.livecomplaints.schemas.auth;

/**
 * The bearer-token contract every REST API checks: JWTs signed with HS256 and the platform's shared secret
 * ({@code COMPLAINTS_SECURITY_JWT_SECRET}), issued by {@link #ISSUER}, with claims {@code sub}, {@code roles} (the
 * {@link Role} names), optional {@code tier} and {@code team} (agents), {@link #MERCHANT_ID_CLAIM} (merchants),
 * {@link #ANCHOR_ID_CLAIM} (anchors), {@code iat} and {@code exp}. In production the identity provider mints them;
 * tests and tools mint them with testkit's {@code AccessTokens}.
 */
public final class TokenClaims {

    public static final String ISSUER = "live-complaints";
    /** The claim naming the merchant a MERCHANT token acts for. */
    public static final String MERCHANT_ID_CLAIM = "merchantId";
    /** The claim naming the anchor (主播, or the agency acting for them) an ANCHOR token acts for. */
    public static final String ANCHOR_ID_CLAIM = "anchorId";
    /** Minimum secret length for HS256 (256 bits). */
    public static final int MIN_SECRET_BYTES = 32;

    private TokenClaims() {
    }

    /** Role names carried in the {@code roles} claim. */
    public static final class Role {
        public static final String USER = "USER";
        public static final String AGENT = "AGENT";
        public static final String SUPERVISOR = "SUPERVISOR";
        public static final String SYSTEM = "SYSTEM";
        public static final String OPERATOR = "OPERATOR";
        public static final String MERCHANT = "MERCHANT";
        public static final String ANCHOR = "ANCHOR";

        private Role() {
        }
    }
}
