/**
 * Studio: assignments, batch priorities and project groups.
 */
package dev.scaletoolkit.client.studio;
