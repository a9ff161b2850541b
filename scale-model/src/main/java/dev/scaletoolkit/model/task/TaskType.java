package dev.scaletoolkit.model.task;

import dev.scaletoolkit.model.common.KnownValues;
import dev.scaletoolkit.model.json.WireValue;
import java.util.Objects;

/** A task type, as in the {@code POST /task/{type}} path. Open: new types are kept as is. */
public record TaskType(String value) {
    public static final TaskType IMAGEANNOTATION = new TaskType("imageannotation");
    public static final TaskType TEXTCOLLECTION = new TaskType("textcollection");
    public static final TaskType NAMEDENTITYRECOGNITION = new TaskType("namedentityrecognition");
    public static final TaskType DOCUMENTTRANSCRIPTION = new TaskType("documenttranscription");
    public static final TaskType LIDARANNOTATION = new TaskType("lidarannotation");
    public static final TaskType LIDARSEGMENTATION = new TaskType("lidarsegmentation");
    public static final TaskType SEGMENTANNOTATION = new TaskType("segmentannotation");
    public static final TaskType VIDEOANNOTATION = new TaskType("videoannotation");
    public static final TaskType VIDEOPLAYBACKANNOTATION = new TaskType("videoplaybackannotation");
    public static final TaskType CATEGORIZATION = new TaskType("categorization");
    public static final TaskType COMPARISON = new TaskType("comparison");
    public static final TaskType AUDIOTRANSCRIPTION = new TaskType("audiotranscription");
    public static final TaskType POINTANNOTATION = new TaskType("pointannotation");
    public static final TaskType POLYGONANNOTATION = new TaskType("polygonannotation");
    public static final TaskType LINEANNOTATION = new TaskType("lineannotation");
    public static final TaskType CUBOIDANNOTATION = new TaskType("cuboidannotation");
    public static final TaskType ANNOTATION = new TaskType("annotation");
    public static final TaskType TRANSCRIPTION = new TaskType("transcription");
    public static final TaskType DATACOLLECTION = new TaskType("datacollection");
    public static final TaskType DOCUMENTMODEL = new TaskType("documentmodel");
    public static final TaskType CHAT = new TaskType("chat");

    /** The values this version knows, for {@code switch} statements. */
    public enum Known {
        IMAGEANNOTATION,
        TEXTCOLLECTION,
        NAMEDENTITYRECOGNITION,
        DOCUMENTTRANSCRIPTION,
        LIDARANNOTATION,
        LIDARSEGMENTATION,
        SEGMENTANNOTATION,
        VIDEOANNOTATION,
        VIDEOPLAYBACKANNOTATION,
        CATEGORIZATION,
        COMPARISON,
        AUDIOTRANSCRIPTION,
        POINTANNOTATION,
        POLYGONANNOTATION,
        LINEANNOTATION,
        CUBOIDANNOTATION,
        ANNOTATION,
        TRANSCRIPTION,
        DATACOLLECTION,
        DOCUMENTMODEL,
        CHAT
    }

    public TaskType {
        Objects.requireNonNull(value, "value");
    }

    /**
     * The value as sent by Scale, known to this version or not.
     *
     * @param value the wire value
     * @return the open enum value
     */
    public static TaskType of(String value) {
        return new TaskType(value);
    }

    @WireValue
    @Override
    public String value() {
        return value;
    }

    /**
     * Whether this version of the SDK knows the value.
     *
     * @return false for a value Scale added later
     */
    public boolean isKnown() {
        return KnownValues.find(Known.class, value) != null;
    }

    /** The known constant; throws {@link IllegalStateException} for a value this version does not know. */
    public Known known() {
        return KnownValues.require(Known.class, value, "TaskType");
    }

    @Override
    public String toString() {
        return value;
    }
}
