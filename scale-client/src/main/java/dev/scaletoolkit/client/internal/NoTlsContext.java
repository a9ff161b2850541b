package dev.scaletoolkit.client.internal;

import java.net.http.HttpClient;
import java.security.SecureRandom;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * Builds JDK clients that skip TLS setup for plain {@code http://} targets (the transport and
 * {@link dev.scaletoolkit.client.emulator.EmulatorControl} use it). An {@code HttpClient} needs an
 * {@link SSLContext} when it is built, and the default one reads the whole CA store and sets up JSSE, which costs a
 * short command (or a test against a local emulator) a few hundred milliseconds for nothing. A plain-http client
 * gets a context that refuses every TLS use instead, so a mistake fails loudly rather than connecting unchecked.
 */
public final class NoTlsContext {
    private static final SSLContext INSTANCE = new SSLContext(new Refusing(), null, "plain-http-only") {};

    private NoTlsContext() {}

    /**
     * Builds a client for one fixed target: a plain {@code http://} one skips the TLS setup, any other keeps the
     * JDK's default.
     *
     * @param url the target's URL
     * @param builder the client's other settings
     * @return the client
     */
    public static HttpClient clientFor(String url, HttpClient.Builder builder) {
        if (isPlainHttp(url)) {
            builder.sslContext(INSTANCE);
        }
        return builder.build();
    }

    /**
     * Whether a URL is plain http, the one case that gets no TLS setup.
     *
     * @param url the URL
     * @return true for {@code http://…}, in any case
     */
    public static boolean isPlainHttp(String url) {
        return url.regionMatches(true, 0, "http://", 0, "http://".length());
    }

    private static final class Refusing extends SSLContextSpi {
        private static IllegalStateException refused() {
            return new IllegalStateException("TLS requested from the plain-http client; https goes to the TLS client");
        }

        @Override
        protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom sr) {
            throw refused();
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            throw refused();
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            throw refused();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            throw refused();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            throw refused();
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            throw refused();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            throw refused();
        }

        // the only calls HttpClient makes while it is built
        @Override
        protected SSLParameters engineGetDefaultSSLParameters() {
            return new SSLParameters();
        }

        @Override
        protected SSLParameters engineGetSupportedSSLParameters() {
            return new SSLParameters();
        }
    }
}
