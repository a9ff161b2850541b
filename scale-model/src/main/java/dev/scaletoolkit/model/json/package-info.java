/**
 * The SDK's own JSON: the immutable {@link dev.scaletoolkit.model.json.JsonValue} and
 * {@link dev.scaletoolkit.model.json.RecordCodec}, which binds the wire records without Jackson's data binding.
 */
package dev.scaletoolkit.model.json;
