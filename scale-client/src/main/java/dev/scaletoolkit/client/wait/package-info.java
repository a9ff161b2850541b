/**
 * What a {@code waitFor} throws when its time runs out.
 */
package dev.scaletoolkit.client.wait;
