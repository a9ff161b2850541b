/**
 * Team wire records.
 */
package dev.scaletoolkit.model.team;
