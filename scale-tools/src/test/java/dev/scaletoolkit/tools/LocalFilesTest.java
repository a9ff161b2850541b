package dev.scaletoolkit.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaletoolkit.emulator.junit.RunningEmulator;
import dev.scaletoolkit.emulator.junit.ScaleEmulatorTest;
import dev.scaletoolkit.model.jackson.ScaleJson;
import dev.scaletoolkit.tools.backend.ScaleBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/** Remote callers read and write local files only inside the configured directories, never elsewhere. */
@ScaleEmulatorTest(workforce = false)
class LocalFilesTest {
    private static RunningEmulator scale;
    private static ToolRegistry tools;

    @BeforeAll
    static void start(RunningEmulator emulator) {
        scale = emulator;
        tools = ToolRegistry.load(ScaleBackend.http(scale.baseUrl(), scale.liveKey()));
        tools.call(
                "CREATE_PROJECT",
                (ObjectNode) ScaleJson.mapper().readTree("{\"name\":\"files\",\"type\":\"imageannotation\"}"),
                null);
    }

    private static ToolResult call(ToolRegistry r, String tool, String args) {
        return r.call(tool, ScaleJson.mapper().readTree(args), null);
    }

    @Test
    void aPersonsRelativePathsAreTakenFromTheirDirectory(@TempDir Path tmp) {
        // a server running a command for a process elsewhere (the CLI's resident path) gives that one's directory
        ToolRegistry person = tools.withFiles(LocalFiles.UNRESTRICTED.in(tmp));
        ToolResult export = call(person, "EXPORT_RESULTS", "{\"project\":\"files\",\"output_path\":\"out.jsonl\"}");
        assertThat(export.successful()).as(String.valueOf(export.error())).isTrue();
        assertThat(tmp.resolve("out.jsonl")).exists();
        ToolResult upload = call(person, "UPLOAD_FILE", "{\"file\":{\"name\":\"h\"},\"file_path\":\"nothing.png\"}");
        assertThat(upload.error().message()).contains("not found: nothing.png");
    }

    @Test
    void withoutDirectoriesRemoteCallersTouchNoFile(@TempDir Path tmp) {
        ToolRegistry remote = tools.withFiles(new LocalFiles(null, null, false));
        ToolResult upload = call(remote, "UPLOAD_FILE", "{\"file\":{\"name\":\"h\"},\"file_path\":\"/etc/hostname\"}");
        assertThat(upload.error().code()).isEqualTo("invalid_input");
        assertThat(upload.error().message()).contains("SCALE_UPLOAD_DIR");
        Path out = tmp.resolve("out.jsonl");
        ToolResult export = call(remote, "EXPORT_RESULTS", "{\"project\":\"files\",\"output_path\":\"" + out + "\"}");
        assertThat(export.error().message()).contains("SCALE_EXPORT_DIR");
        assertThat(out).doesNotExist();
    }

    @Test
    void onlyInsideTheConfiguredDirectories(@TempDir Path tmp) throws Exception {
        Path uploads = Files.createDirectories(tmp.resolve("uploads"));
        Path exports = Files.createDirectories(tmp.resolve("exports"));
        Files.writeString(uploads.resolve("cat.txt"), "a cat");
        Files.writeString(tmp.resolve("secret.txt"), "not for agents");
        Files.createSymbolicLink(uploads.resolve("link.txt"), tmp.resolve("secret.txt"));
        ToolRegistry remote = tools.withFiles(new LocalFiles(uploads, exports, false));

        assertThat(call(remote, "UPLOAD_FILE", "{\"file\":{\"name\":\"cat.txt\"},\"file_path\":\"cat.txt\"}")
                        .successful())
                .isTrue();
        for (String escape : new String[] {"../secret.txt", "/etc/hostname", "link.txt"}) {
            ToolResult r = call(remote, "UPLOAD_FILE", "{\"file\":{\"name\":\"x\"},\"file_path\":\"" + escape + "\"}");
            assertThat(r.successful()).as(escape).isFalse();
            assertThat(r.error().problems())
                    .extracting(ToolError.Problem::field)
                    .containsExactly("file_path");
        }

        assertThat(call(remote, "EXPORT_RESULTS", "{\"project\":\"files\",\"output_path\":\"r.jsonl\"}")
                        .successful())
                .isTrue();
        assertThat(exports.resolve("r.jsonl")).exists();
        ToolResult outside = call(remote, "EXPORT_RESULTS", "{\"project\":\"files\",\"output_path\":\"../r.jsonl\"}");
        assertThat(outside.successful()).isFalse();
        assertThat(tmp.resolve("r.jsonl")).doesNotExist();
    }
}
