/**
 * Project wire records.
 */
package dev.scaletoolkit.model.project;
