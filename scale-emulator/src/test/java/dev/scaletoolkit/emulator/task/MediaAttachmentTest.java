package dev.scaletoolkit.emulator.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaletoolkit.emulator.Http;
import dev.scaletoolkit.emulator.testing.TestEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** As on Scale: a media attachment must be a URL; a text attachment is the text itself. */
class MediaAttachmentTest {
    private static TestEmulator scale;
    private static Http api;

    @BeforeAll
    static void start() {
        scale = TestEmulator.start(b -> b.workforceEnabled(false));
        api = new Http(scale.baseUrl(), scale.account().liveKey());
    }

    @AfterAll
    static void stop() {
        scale.close();
    }

    private static String body(String type, String extra, String attachment) {
        String more = switch (type) {
            case "imageannotation", "videoplaybackannotation" ->
                "\"geometries\": {\"box\": {\"objects_to_annotate\": [\"car\"]}}";
            case "polygonannotation" -> "\"objects_to_annotate\": [\"car\"]";
            case "categorization" -> "\"categories\": [\"red\", \"blue\"]";
            default -> "\"verbatim\": false";
        };
        return "{\"instruction\": \"Label it.\", " + more + (extra.isEmpty() ? "" : ", " + extra)
                + ", \"attachment\": \"" + attachment + "\"}";
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "imageannotation||some_non_url",
                "polygonannotation||/local/path.png",
                "videoplaybackannotation|\"attachment_type\": \"video\"|clip.mp4",
                "audiotranscription||recording",
                "documenttranscription||invoice.pdf",
                "categorization|\"attachment_type\": \"image\"|not a url",
                "categorization|\"attachment_type\": \"website\"|example.com"
            })
    void aMediaAttachmentThatIsNotAUrlIs400NamingTheField(String type, String extra, String attachment) {
        Http.Resp r = api.post("/v1/task/" + type, body(type, extra == null ? "" : extra, attachment));
        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(r.json().path("status_code").asInt()).isEqualTo(400);
        assertThat(r.error()).contains("\"attachment\"").contains("URL");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "categorization|\"attachment_type\": \"text\"|tomato",
                "categorization||is this sentence polite?",
                "imageannotation||https://example.com/a.jpg",
                "imageannotation||HTTPS://example.com/a.jpg",
                "imageannotation||s3://my-bucket/images/a.jpg",
                "audiotranscription||gs://bucket/clip.wav"
            })
    void urlsAndTextAttachmentsAreAccepted(String type, String extra, String attachment) {
        Http.Resp r = api.post("/v1/task/" + type, body(type, extra == null ? "" : extra, attachment));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
    }
}
