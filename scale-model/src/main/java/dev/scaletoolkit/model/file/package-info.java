/**
 * File wire records.
 */
package dev.scaletoolkit.model.file;
