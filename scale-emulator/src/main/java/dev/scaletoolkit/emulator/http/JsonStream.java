package dev.scaletoolkit.emulator.http;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * A JSON array (optionally inside an envelope such as {@code {"docs": [...]}}) written element by element as a
 * {@link Reply.Stream}, for listings read from the database a row at a time. Elements are JSON text already.
 */
public final class JsonStream {
    /** Produces the elements, in order, by handing each to the consumer. */
    @FunctionalInterface
    public interface Source {
        void forEach(Consumer<String> each);
    }

    private JsonStream() {}

    /** A bare JSON array. */
    public static Reply.Stream array(Source source) {
        return wrapped("[", source, "]");
    }

    /** JSON text handed over in chunks (a map written member by member), written as it comes. */
    public static Reply.Stream text(Source chunks) {
        return new Reply.Stream(
                "application/json; charset=utf-8",
                out -> chunks.forEach(chunk -> {
                    try {
                        write(out, chunk);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }));
    }

    /** {@code before}, the elements separated by commas, then {@code after}. */
    public static Reply.Stream wrapped(String before, Source source, String after) {
        return new Reply.Stream("application/json; charset=utf-8", out -> {
            out.write(before.getBytes(StandardCharsets.UTF_8));
            boolean[] first = {true};
            source.forEach(element -> {
                try {
                    if (!first[0]) {
                        out.write(',');
                    }
                    first[0] = false;
                    write(out, element);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            out.write(after.getBytes(StandardCharsets.UTF_8));
        });
    }

    private static void write(OutputStream out, String element) throws IOException {
        out.write(element.getBytes(StandardCharsets.UTF_8));
    }
}
