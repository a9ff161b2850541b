/**
 * Projects: create, read, list, default params, ontology and task template.
 */
package dev.scaletoolkit.client.project;
