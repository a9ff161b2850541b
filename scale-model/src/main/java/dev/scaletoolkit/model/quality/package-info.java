/**
 * Quality wire records.
 */
package dev.scaletoolkit.model.quality;
