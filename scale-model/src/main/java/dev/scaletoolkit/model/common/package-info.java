/**
 * Helpers the wire records share.
 */
package dev.scaletoolkit.model.common;
