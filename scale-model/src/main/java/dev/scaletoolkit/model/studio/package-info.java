/**
 * Studio wire records.
 */
package dev.scaletoolkit.model.studio;
