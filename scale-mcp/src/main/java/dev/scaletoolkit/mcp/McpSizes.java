package dev.scaletoolkit.mcp;

import dev.scaletoolkit.model.jackson.ScaleJson;
import dev.scaletoolkit.tools.Profile;
import dev.scaletoolkit.tools.ToolRegistry;
import io.modelcontextprotocol.server.McpSyncServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import tools.jackson.databind.JsonNode;

/**
 * What an agent pays before its first call, measured as a client receives it: the bytes of the {@code initialize}
 * and {@code tools/list} responses (JSON-RPC lines, without the newline) from a real server over stdio, in process.
 * {@code ./scale tools sizes} prints these; the docs quote them, and a test holds the docs to them.
 */
public final class McpSizes {
    /** The protocol version this measurement asks for, as current clients do. */
    static final String PROTOCOL = "2025-06-18";

    private McpSizes() {}

    /**
     * One profile's opening cost.
     *
     * @param server {@code stdio} (the plain server) or {@code gateway} (a token's server)
     * @param profile the profile
     * @param tools how many tools {@code tools/list} held
     * @param initializeBytes bytes of the {@code initialize} response
     * @param listBytes bytes of the {@code tools/list} response
     */
    public record Size(String server, Profile profile, int tools, int initializeBytes, int listBytes) {
        public int total() {
            return initializeBytes + listBytes;
        }
    }

    /** The plain server ({@code ./scale mcp --profile P}). */
    public static Size stdio(ToolRegistry registry, Profile profile) {
        return measure("stdio", profile, (in, out) -> ScaleMcpServer.stdio(registry, profile, in, out));
    }

    /** Every profile over the plain server, in the order the docs list them. */
    public static List<Size> stdioAll(ToolRegistry registry) {
        List<Size> out = new ArrayList<>();
        for (Profile p : ORDER) {
            out.add(stdio(registry, p));
        }
        return out;
    }

    /** The sizes as the Markdown table the docs quote (between {@value #BEGIN} and {@value #END}). */
    public static String markdown(List<Size> sizes) {
        StringBuilder out = new StringBuilder();
        out.append("| server | profile | tools | initialize | tools/list | total |\n");
        out.append("| --- | --- | ---: | ---: | ---: | ---: |\n");
        for (Size s : sizes) {
            out.append(String.format(
                    Locale.ROOT,
                    "| %s | %s | %d | %,d | %,d | %,d |%n",
                    s.server(),
                    s.profile().wireName(),
                    s.tools(),
                    s.initializeBytes(),
                    s.listBytes(),
                    s.total()));
        }
        return out.toString().replace("\r\n", "\n");
    }

    /** Where the table starts in a Markdown file. */
    public static final String BEGIN = "<!-- scale tools sizes: begin -->";
    /** Where it ends. */
    public static final String END = "<!-- scale tools sizes: end -->";

    /** The profiles in the order the docs list them. */
    public static final List<Profile> ORDER = List.of(Profile.DISCOVERY, Profile.CORE, Profile.READONLY, Profile.FULL);

    /**
     * Measures a server started over the given streams (the plain one here, a gateway token's in scale-gateway's
     * {@code GatewayMcpSizes}).
     *
     * @param server the name in the table's first column
     * @param profile the profile the server serves
     * @param start starts the server reading {@code in} and writing {@code out}
     */
    public static Size measure(
            String server, Profile profile, BiFunction<InputStream, OutputStream, McpSyncServer> start) {
        try (PipedOutputStream toServer = new PipedOutputStream();
                PipedInputStream serverIn = new PipedInputStream(toServer, 1 << 16);
                PipedInputStream fromServer = new PipedInputStream(1 << 20);
                PipedOutputStream serverOut = new PipedOutputStream(fromServer)) {
            McpSyncServer mcp = start.apply(serverIn, serverOut);
            try {
                BufferedReader replies = new BufferedReader(new InputStreamReader(fromServer, StandardCharsets.UTF_8));
                send(
                        toServer,
                        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\""
                                + PROTOCOL
                                + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"sizes\",\"version\":\"1\"}}}");
                String init = reply(replies, 1);
                send(toServer, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
                send(toServer, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\",\"params\":{}}");
                String list = reply(replies, 2);
                int tools = ScaleJson.mapper()
                        .readTree(list)
                        .path("result")
                        .path("tools")
                        .size();
                return new Size(server, profile, tools, utf8(init), utf8(list));
            } finally {
                mcp.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void send(OutputStream out, String line) throws IOException {
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** The next response with this id (notifications the server sends in between are skipped). */
    private static String reply(BufferedReader in, int id) throws IOException {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            JsonNode message = ScaleJson.mapper().readTree(line);
            if (message.path("id").asInt(-1) == id) {
                return line;
            }
        }
        throw new IOException("the server closed its output before answering request " + id);
    }

    private static int utf8(String line) {
        return line.getBytes(StandardCharsets.UTF_8).length;
    }
}
