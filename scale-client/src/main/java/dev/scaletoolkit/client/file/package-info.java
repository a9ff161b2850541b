/**
 * Files: upload, import by URL, read and list.
 */
package dev.scaletoolkit.client.file;
