/**
 * The team: members, invitations and roles.
 */
package dev.scaletoolkit.client.team;
