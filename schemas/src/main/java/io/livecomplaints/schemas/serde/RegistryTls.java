package io.livecomplaints.schemas.serde;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS for talking to (or serving) a schema registry, from key and trust stores on disk, with Confluent's
 * property names ({@code schema.registry.ssl.truststore.location} ...). A null trust store means the JVM's
 * default trust (public CAs); a key store is for the server, or for a client that presents a certificate.
 */
public record RegistryTls(Store trustStore, Store keyStore) {

    /** A PKCS12 or JKS file with its password. */
    public record Store(String location, String password, String type) {

        /** A store, or null when no location is given. */
        public static Store of(String location, String password, String type) {
            if (location == null || location.isBlank()) {
                return null;
            }
            return new Store(location, password == null ? "" : password, type == null || type.isBlank() ? "PKCS12" : type);
        }

        KeyStore load() {
            try (InputStream in = Files.newInputStream(Path.of(location))) {
                KeyStore store = KeyStore.getInstance(type);
                store.load(in, password.toCharArray());
                return store;
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalArgumentException("cannot read " + type + " store " + location + ": " + e.getMessage(), e);
            }
        }
    }

    /** Null when neither store is set: plain JVM defaults. */
    public static RegistryTls of(Store trustStore, Store keyStore) {
        return trustStore == null && keyStore == null ? null : new RegistryTls(trustStore, keyStore);
    }

    public SSLContext sslContext() {
        try {
            TrustManagerFactory trust = null;
            if (trustStore != null) {
                trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trust.init(trustStore.load());
            }
            KeyManagerFactory keys = null;
            if (keyStore != null) {
                keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(keyStore.load(), keyStore.password().toCharArray());
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys == null ? null : keys.getKeyManagers(), trust == null ? null : trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot set up TLS for the schema registry: " + e.getMessage(), e);
        }
    }
}
